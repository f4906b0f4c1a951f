#!/usr/bin/env bash
# Builds everything and leaves the executables out/carve and out/carved.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/common.sh
carve_require_dotnet
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Carve.slnx -c Release -v quiet -nologo "$@"
# Both programs share one folder: they share most of their libraries.
dotnet publish src/Carve.Daemon -c Release -o out --no-build -v quiet -nologo
dotnet publish src/Carve.Cli -c Release -o out --no-build -v quiet -nologo
echo "Built out/carved and out/carve."
