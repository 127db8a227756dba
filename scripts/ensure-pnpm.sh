#!/usr/bin/env bash
# Makes the pnpm pinned in package.json's packageManager available (corepack cannot verify it here).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
wanted="$(node -p "require('$root/package.json').packageManager.split('@')[1]")"
if [ "$(pnpm --version 2>/dev/null || true)" != "$wanted" ]; then
  echo "→ installing pnpm $wanted with npm (pinned in package.json)"
  npm install --global --no-fund --no-audit "pnpm@$wanted" >/dev/null
fi
