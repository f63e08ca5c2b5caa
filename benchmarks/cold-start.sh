#!/usr/bin/env bash
# Cold start: time from process start to the first completed call (a token request, then GET /api/users/{userId}
# over the in-memory Logto), for the generated client and the hand-written baseline, as whole processes.
#
# The client is built from the packed packages, as an application gets it (the package holds the library's IL and,
# for linux-x64, its ReadyToRun images); the baseline is plain `dotnet build` output. After WARMUP runs of each, PAIRS
# pairs run interleaved (baseline first in even pairs, client first in odd ones, so that a drift in the machine's load
# hits both); each pair prints its wall times, peak memory and ratio, and the summary prints the medians.
#
#   bash benchmarks/cold-start.sh                 # PAIRS=20 WARMUP=3
#   SOURCE=1 bash benchmarks/cold-start.sh        # the client built from source (a project reference: IL only)
#   R2R=1 bash benchmarks/cold-start.sh           # both apps published ReadyToRun (the whole application precompiled)
#   AOT=net10.0 bash benchmarks/cold-start.sh     # both apps published as NativeAOT executables (or AOT=net8.0);
#                                                 # also prints the executables' sizes
# Needs GNU time (/usr/bin/time, Debian package "time") for the peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${PAIRS:-20}
warmup=${WARMUP:-3}
apps=(ColdStart.Baseline ColdStart.LogtoGenerated)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

client_properties=()
if [ "${SOURCE:-0}" != 1 ]; then
  # The packages, and a packages folder of their own, so that the machine's cache never holds this build's version.
  for project in src/LogtoGenerated.Authentication src/LogtoGenerated; do
    dotnet pack "$project" -c Release -o "$work/feed" --nologo -v quiet >/dev/null
  done
  version=$(cd "$work/feed" && ls LogtoGenerated.[0-9]*.nupkg | sed 's/^LogtoGenerated\.//; s/\.nupkg$//')
  client_properties=(-p:LogtoPackageFeed="$work/feed" -p:LogtoPackageVersion="$version"
    -p:RestoreAdditionalProjectSources="$work/feed" -p:RestorePackagesPath="$work/packages")
fi

rid=$(dotnet --info | awk '/ RID:/ { print $2; exit }')
build() { # app, output folder
  local extra=()
  if [ "$1" = ColdStart.LogtoGenerated ]; then extra=("${client_properties[@]}"); fi
  if [ -n "${AOT:-}" ]; then
    dotnet publish "benchmarks/ColdStart/$1" -c Release -f "$AOT" -r "$rid" -p:LogtoColdStartAot=true \
      -o "$2" --nologo -v quiet "${extra[@]}" >/dev/null
  elif [ "${R2R:-0}" = 1 ]; then
    dotnet publish "benchmarks/ColdStart/$1" -c Release -f net10.0 -r "$rid" --self-contained false -p:PublishReadyToRun=true \
      -o "$2" --nologo -v quiet "${extra[@]}" >/dev/null
  else
    dotnet build "benchmarks/ColdStart/$1" -c Release -f net10.0 -o "$2" --nologo -v quiet "${extra[@]}" >/dev/null
  fi
}
# How to start an app: its native executable, or dotnet exec of its assembly.
command_of() { if [ -n "${AOT:-}" ]; then echo "$work/$1/$1"; else echo "dotnet exec $work/$1/$1.dll"; fi; }
for app in "${apps[@]}"; do build "$app" "$work/$app"; done
# Back to the source build for the solution (the restore above pointed the app at the packages).
if [ "${SOURCE:-0}" != 1 ]; then dotnet restore benchmarks/ColdStart/ColdStart.LogtoGenerated -v quiet >/dev/null; fi

run() { # app -> "milliseconds kilobytes"
  local start end kb
  start=$(date +%s%N)
  # shellcheck disable=SC2046
  kb=$( { /usr/bin/time -f %M $(command_of "$1") >/dev/null; } 2>&1 | tail -1)
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000 )) $kb"
}

for app in "${apps[@]}"; do
  # shellcheck disable=SC2046
  $(command_of "$app") || { echo "$app failed" >&2; exit 1; }
  for _ in $(seq "$warmup"); do run "$app" >/dev/null; done
done

if [ -n "${AOT:-}" ]; then
  for app in "${apps[@]}"; do echo "$app ($AOT, NativeAOT): $(stat -c %s "$work/$app/$app") bytes"; done
fi
printf '%-5s %12s %12s %7s %12s %12s %7s\n' pair 'baseline ms' 'client ms' ratio 'baseline MiB' 'client MiB' ratio
: > "$work/pairs"
for pair in $(seq "$pairs"); do
  if (( pair % 2 == 0 )); then b=$(run ColdStart.Baseline); c=$(run ColdStart.LogtoGenerated)
  else c=$(run ColdStart.LogtoGenerated); b=$(run ColdStart.Baseline); fi
  read -r bus bkb <<<"$b"; read -r cus ckb <<<"$c"
  echo "$bus $cus $bkb $ckb" >> "$work/pairs"
  awk -v p="$pair" -v bu="$bus" -v cu="$cus" -v bk="$bkb" -v ck="$ckb" 'BEGIN {
    printf "%-5d %12.1f %12.1f %7.2f %12.1f %12.1f %7.2f\n", p, bu/1000, cu/1000, cu/bu, bk/1024, ck/1024, ck/bk }'
done

sort_median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "medians over $pairs pairs:"
echo "  wall:   baseline $(awk '{ print $1 / 1000 }' "$work/pairs" | sort_median) ms, client $(awk '{ print $2 / 1000 }' "$work/pairs" | sort_median) ms, ratio pair by pair $(awk '{ print $2 / $1 }' "$work/pairs" | sort_median)"
echo "  memory: baseline $(awk '{ print $3 / 1024 }' "$work/pairs" | sort_median) MiB, client $(awk '{ print $4 / 1024 }' "$work/pairs" | sort_median) MiB, ratio pair by pair $(awk '{ print $4 / $3 }' "$work/pairs" | sort_median)"
