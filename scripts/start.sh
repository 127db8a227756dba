#!/usr/bin/env bash
# One command from a fresh clone: install what is missing, build, migrate and start the server
# on its embedded SQLite default (override with DATABASE_URL, see README).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-pnpm.sh
echo "→ pnpm install (compiles better-sqlite3 the first time: about a minute)"
pnpm install --frozen-lockfile --reporter=append-only
exec pnpm start
