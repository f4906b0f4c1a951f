#!/usr/bin/env bash
# Runs Carve's benchmarks against the raw tools: ./bench/run.sh [start|idle|cli|list|metrics|ct|import|hardware|net|snapshot|vnc|all] [--iterations N]
# and the API load test (not in "all"): ./bench/run.sh load [--clients 50] [--readers 10] [--seconds 300]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/common.sh
carve_require_root "$@"
tests/fixtures/build-test-guest.sh
./build.sh   # incremental; never measure a stale out/
dotnet run -c Release --project bench/Carve.Bench -- "$@"
