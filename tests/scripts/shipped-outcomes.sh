#!/usr/bin/env bash
# Runs every shipped scenario (scenarios/*.yaml and scenarios/calibration/*.yaml) on both engines with
# the tradesim binary given, and writes each outcome's JSON without its timings (the only part of an
# outcome that may vary, DESIGN §5.2) to OUT/<engine>/<scenario>.json. Two such folders, one from
# before a change and one from after, compare with `diff -r`: a change that must not move the numbers
# of scenarios using none of its features leaves them identical.
#
#   tests/scripts/shipped-outcomes.sh Client/bin/Debug/net10.0/tradesim outcomes-after
#   ENGINES=local tests/scripts/shipped-outcomes.sh ...   (one engine only)
set -euo pipefail
tradesim=$(realpath "$1")
out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
# A busy machine can make the embedded silo miss a status check; such a run is tried again, up to three times.
run() {
  local file=$1 engine=$2 target=$3 attempt
  for attempt in 1 2 3; do
    if "$tradesim" run "$file" --engine "$engine" --format json > "$target.raw" 2> "$target.err"; then
      # Numbers are kept as written (parse_float=str) and keys in their order: only the timings go.
      python3 -c '
import json, sys
outcome = json.load(sys.stdin, parse_float=str, parse_int=str)
outcome.pop("timings", None)
json.dump(outcome, sys.stdout, indent=1, ensure_ascii=False)' < "$target.raw" > "$target"
      rm -f "$target.raw" "$target.err"
      return 0
    fi
    echo "attempt $attempt of $file on $engine failed: $(grep -m1 error "$target.err")" >&2
  done
  return 1
}

for engine in ${ENGINES:-local grains}; do
  mkdir -p "$out/$engine"
  for file in scenarios/*.yaml scenarios/calibration/*.yaml; do
    run "$file" "$engine" "$out/$engine/$(echo "$file" | tr '/' '_').json"
  done
done
echo "wrote $(find "$out" -name '*.json' | wc -l) outcomes to $out"
