#!/usr/bin/env bash
# The library's DLL size (Release) and what it is made of (benchmarks/ImageAnatomy), the time to generate the whole
# client from Logto's document, and the time of a no-op `dotnet build LogtoGenerated.sln`. Uses hyperfine when
# installed, else a single timed run of each.
#   bash benchmarks/build-metrics.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}

time_it() { # name, command
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 1 --runs "$runs" -n "$1" "$2"
  else
    echo "== $1"; bash -c "time ($2 >/dev/null)"
  fi
}

for configuration in Release Debug; do
  dotnet build src/LogtoGenerated -c "$configuration" --nologo -v quiet >/dev/null
  echo "LogtoGenerated.dll ($configuration): $(stat -c %s "src/LogtoGenerated/bin/$configuration/net10.0/LogtoGenerated.dll") bytes"
done
# What the Release image is made of, and the share of its JSON serialization classes in it.
dotnet run --project benchmarks/ImageAnatomy -c Release -- src/LogtoGenerated/bin/Release/net10.0/LogtoGenerated.dll

document=$(ls openapi/*.openapi.json)
output=$(mktemp -d)
generator=generator/LogtoGenerated.Generator/bin/Release/net10.0/LogtoGenerated.Generator.dll
dotnet exec "$generator" generate --document "$document" --output "$output"
time_it "generate (whole process, into an empty folder)" "rm -rf $output && dotnet exec $generator generate --document $document --output $output"
rm -rf "$output"

dotnet build LogtoGenerated.sln --nologo -v quiet >/dev/null
time_it "no-op dotnet build LogtoGenerated.sln" "dotnet build LogtoGenerated.sln --nologo -v quiet"
if dotnet build LogtoGenerated.sln --nologo -v normal | grep -q 'GenerateLogtoClient.*Skipping target\|Skipping target "GenerateLogtoClient"'; then
  echo "no-op build: the generator did not run (GenerateLogtoClient skipped)"
fi
