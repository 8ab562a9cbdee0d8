#!/usr/bin/env bash
# OpenAPI load benchmark (issue 12, item 6): one process per run, so start-up and JIT count as in a pre-commit run.
#   bench/openapi.sh [BUNDLE] [RUNS]     default: ../shared/specs/openai-openapi.bundle, 5 runs per mode
# Modes: parse-only (the document reader alone), cold (read + resolve, no cache), warm (through a filled cache).
# Prints each run and the median of wall-clock and CPU milliseconds per mode and form (openapi.yaml, openapi.json).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bundle="${1:-$here/../../shared/specs/openai-openapi.bundle}"
[ -f "$bundle" ] || bundle="$here/../../../shared/specs/openai-openapi.bundle"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone -q --bare "$bundle" "$work/spec.git"
git -C "$work/spec.git" show main:openapi.yaml > "$work/openapi.yaml"
git -C "$work/spec.git" show main:openapi.json > "$work/openapi.json"
dotnet build -c Release "$here/SpecMap.Bench" -v q -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }
dll="$here/SpecMap.Bench/bin/Release/net10.0/SpecMap.Bench.dll"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for form in yaml json; do
  file="$work/openapi.$form"
  dotnet "$dll" openapi warm "$file" "$work/cache-$form" > /dev/null   # fills the cache
  for mode in parse-only cold warm; do
    : > "$work/runs"
    for _ in $(seq "$runs"); do
      line="$(dotnet "$dll" openapi "$mode" "$file" "$work/cache-$form")"
      echo "  $form $line"
      echo "$line" | sed -E 's/^[^ ]+ (\([A-Za-z]+\) )?([0-9]+) ms, cpu ([0-9]+) ms.*/\2 \3/' >> "$work/runs"
    done
    echo "openapi.$form $mode: median wall $(cut -d' ' -f1 "$work/runs" | median) ms, median cpu $(cut -d' ' -f2 "$work/runs" | median) ms ($runs runs; load average $(cut -d' ' -f1 /proc/loadavg))"
  done
done
