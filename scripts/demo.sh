#!/usr/bin/env bash
# Install claimgraph into ./.venv, ingest the bundled sample articles into a
# SQLite store (out/demo.sqlite) and print the claims, their independent
# origins, conflicts and updates. Then: .venv/bin/claimgraph serve --db out/demo.sqlite
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
rm -f out/demo.sqlite out/demo.sqlite-wal out/demo.sqlite-shm
.venv/bin/claimgraph ingest samples/north-korea-troops.jsonl --db out/demo.sqlite
.venv/bin/claimgraph claims --db out/demo.sqlite
echo
echo "Browse it: .venv/bin/claimgraph serve --db out/demo.sqlite   (then open http://127.0.0.1:8000)"
