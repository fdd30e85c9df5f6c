#!/usr/bin/env bash
# A local cluster as compose.yaml runs it (see docs/cluster.md): two nodes sharing PostgreSQL
# (DATABASE_URL), Redis (the live bus) and Chroma (rulebook vectors) behind nginx on port 8080.
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test scripts/cluster.sh [--nodes 2] [--port 8080]
set -euo pipefail
cd "$(dirname "$0")/.."
exec node bin/race-engineer.js cluster "$@"
