#!/usr/bin/env bash
# Builds everything and leaves the executables out/carve and out/carved.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/common.sh
carve_require_dotnet
carve_require_node
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Carve.slnx -c Release -v quiet -nologo "$@"
# Both programs share one folder: they share most of their libraries. ReadyToRun: precompiled code starts
# faster (the CLI runs once per command) and keeps the daemon's JIT work and memory small.
for project in src/Carve.Daemon src/Carve.Cli; do
    dotnet publish "$project" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o out -v quiet -nologo
done
# The web UI: TypeScript + Vite, with its npm dependencies (noVNC, xterm.js) from the lockfile; carved serves out/wwwroot.
(cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
rm -rf out/wwwroot && cp -r web/dist out/wwwroot
echo "Built out/carved, out/carve and the web UI in out/wwwroot."
