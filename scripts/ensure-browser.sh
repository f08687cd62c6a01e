#!/usr/bin/env bash
# Make sure the browser tests have a Chromium and CJK fonts.
# Debian/Ubuntu: install the distribution's chromium through apt-get (never a browser download).
# Elsewhere (a trainer's laptop without apt): fall back to Playwright's own browser.
set -euo pipefail
python=${1:-python3}
chromium=/usr/lib/chromium/chromium

if [ -x "$chromium" ] && fc-list 2>/dev/null | grep -qi "noto.*cjk"; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian's chromium and fonts-noto-cjk with apt-get ..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "No apt-get here: using Playwright's own Chromium instead."
"$python" -m playwright install chromium
