#!/usr/bin/env bash
# Cold start: time from process start to the first completed call (a token request, then GET /api/users/{userId}
# over the in-memory Logto), for the generated client and the hand-written baseline, as whole processes.
# Uses hyperfine when installed (apt-get install hyperfine), else times RUNS runs of each in a loop.
#   bash benchmarks/cold-start.sh            # dotnet build output (JIT), RUNS=50 by default
#   R2R=1 bash benchmarks/cold-start.sh      # both apps published ReadyToRun instead
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-50}
apps=(ColdStart.Baseline ColdStart.LogtoGenerated)

if [ "${R2R:-0}" = 1 ]; then
  rid=$(dotnet --info | awk '/ RID:/ { print $2; exit }')
  for app in "${apps[@]}"; do
    dotnet publish "benchmarks/ColdStart/$app" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
      -o "benchmarks/ColdStart/$app/bin/r2r" --nologo -v quiet >/dev/null
  done
  dll() { echo "benchmarks/ColdStart/$1/bin/r2r/$1.dll"; }
else
  for app in "${apps[@]}"; do
    dotnet build "benchmarks/ColdStart/$app" -c Release --nologo -v quiet >/dev/null
  done
  dll() { echo "benchmarks/ColdStart/$1/bin/Release/net10.0/$1.dll"; }
fi

for app in "${apps[@]}"; do
  dotnet exec "$(dll "$app")" || { echo "$app failed" >&2; exit 1; }
done

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N --warmup 5 --runs "$runs" --export-markdown "${EXPORT:-/dev/null}" \
    -n baseline "dotnet exec $(dll ColdStart.Baseline)" \
    -n LogtoGenerated "dotnet exec $(dll ColdStart.LogtoGenerated)"
else
  for app in "${apps[@]}"; do
    for _ in 1 2 3 4 5; do dotnet exec "$(dll "$app")"; done
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do dotnet exec "$(dll "$app")"; done
    end=$(date +%s%N)
    echo "$app: $(( (end - start) / runs / 1000 )) us per process (mean of $runs)"
  done
fi
