#!/usr/bin/env bash
# One command: install what is missing, then run every test (lint, types, unit, integration on
# SQLite and PostgreSQL, browser). PostgreSQL and Chromium come from the system (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/use-node.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
exec npm test
