#!/usr/bin/env bash
# Regenerates every quality baseline in tests/baselines/ with the command recorded in it ("command": "extract eval ...").
# Run from anywhere; needs ../shared/data beside the repository. Review the diff before committing: every figure that
# changes is a change in quality.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Extraction.Cli -c Release -v quiet -nologo >/dev/null
for f in tests/baselines/*.json; do
  args=$(sed -n 's/^  "command": "extract \(.*\)",$/\1/p' "$f")
  [ -n "$args" ] || { echo "error: $f has no \"command\"" >&2; exit 2; }
  echo "== $f"
  # shellcheck disable=SC2086 # the recorded command is split into its arguments on purpose
  dotnet src/Extraction.Cli/bin/Release/net10.0/extract.dll $args > /dev/null
done
git --no-pager diff --stat -- tests/baselines
