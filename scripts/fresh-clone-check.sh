#!/usr/bin/env bash
# A newcomer's first minutes: clone the repository into an empty temporary folder (nothing beside
# it: no ../shared) and run the README's two quick-start commands there, as written.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git clone --quiet --no-hardlinks "$src" "$tmp/cchc"
cd "$tmp/cchc"
[ ! -e ../shared ] || { echo "fresh-clone check: $tmp/shared exists; expected nothing beside the clone" >&2; exit 1; }
echo "-- in $tmp/cchc (nothing beside it): npm ci && npx cchc evaluate"
npm ci --no-audit --no-fund 2>&1 | tee npm-ci.log | tail -3
if grep -q 'npm warn' npm-ci.log; then
  echo "fresh-clone check: npm ci printed warnings:" >&2
  grep 'npm warn' npm-ci.log >&2
  exit 1
fi
npx cchc evaluate | head -3
echo "-- npm test"
npm test
