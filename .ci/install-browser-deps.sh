#!/usr/bin/env bash
# Install what the HTML accessibility test needs: Debian's chromium and axe-core from npm
# (tests/browser/package-lock.json). Idempotent: does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
fi

lock=tests/browser/package-lock.json
stamp=tests/browser/node_modules/.installed-lock
if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ] || ! cmp -s "$lock" "$stamp"; then
  if ! command -v npm >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends nodejs npm
  fi
  (cd tests/browser && npm ci --no-audit --no-fund --ignore-scripts)
  cp "$lock" "$stamp"
fi

chromium --version
echo "axe-core $(node -p 'require("./tests/browser/node_modules/axe-core/package.json").version' 2>/dev/null || echo installed)"
