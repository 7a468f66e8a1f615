#!/usr/bin/env bash
# Install claimgraph into ./.venv (idempotent). With --test, also what the tests need:
# the dev tools and Debian's headless Chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
  .venv/bin/pip install -q --upgrade pip
fi
# torch is pinned to the CPU build: an unpinned torch pulls a multi-GB CUDA build.
.venv/bin/pip install -q "torch==2.13.0"
if [ "${1:-}" = "--test" ]; then
  .venv/bin/pip install -q -e ".[embeddings,scale,dev]"
  if [ ! -x /usr/bin/chromium ]; then
    if command -v apt-get >/dev/null 2>&1; then
      SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
      $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
    else
      echo "setup: no /usr/bin/chromium and no apt-get: browser tests will be skipped" >&2
    fi
  fi
else
  .venv/bin/pip install -q -e ".[embeddings,scale]"
fi
