#!/usr/bin/env bash
# One command from a fresh clone: install what is missing, then build, lint and run every test.
# PostgreSQL suites use TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); they
# skip with a loud line when it is unreachable, and fail instead when CI is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-pnpm.sh
echo "→ pnpm install (compiles better-sqlite3 the first time: about a minute)"
pnpm install --frozen-lockfile --reporter=append-only
exec pnpm test "$@"
