#!/usr/bin/env bash
# One command on a fresh machine: install, migrate, load demo content, serve on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/use-node.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
exec npm start
