#!/usr/bin/env bash
# Page 1 of each Word report as a PNG for the README (docs/screenshots), through LibreOffice:
#   npm run build:cli && scripts/report-screenshots.sh
# Needs soffice (libreoffice-writer-nogui) and pdftoppm (poppler-utils). Prints the timings.
set -euo pipefail
cd "$(dirname "$0")/.."
fixture=tests/fixtures/p2-government.xlsx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for kind in year period; do
  args=(--year 2024)
  [ "$kind" = period ] && args=(--period)
  start=$(date +%s.%N)
  node bin/cchc.js report "$fixture" "${args[@]}" --docx "$work/$kind.docx" --date 2025-01-15 >/dev/null
  built=$(date +%s.%N)
  soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/$kind.docx" >/dev/null 2>&1
  converted=$(date +%s.%N)
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/$kind.pdf" "docs/screenshots/word-report-$kind"
  printf '%s: docx %.2f s, LibreOffice → PDF %.2f s, %s pages\n' "$kind" "$(echo "$built - $start" | bc)" \
    "$(echo "$converted - $built" | bc)" "$(pdfinfo "$work/$kind.pdf" | awk '/^Pages:/ {print $2}')"
done
