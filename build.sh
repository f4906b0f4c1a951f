#!/usr/bin/env bash
# Builds everything and leaves the executables out/carve and out/carved.
# --update-openapi: rewrite web/openapi.json from the daemon's code (after a change to the API), instead of failing.
# --deb: also build the Debian package out/carve_VERSION-1_amd64.deb from packaging/ and out/ (docs/install.md).
set -euo pipefail
cd "$(dirname "$0")"
openapi=check
deb=no
args=()
for arg in "$@"; do
    case "$arg" in
        --update-openapi) openapi=write ;;
        --deb) deb=yes ;;
        *) args+=("$arg") ;;
    esac
done
set -- "${args[@]}"
. scripts/common.sh
carve_require_dotnet
carve_require_node
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Carve.slnx -c Release -v quiet -nologo "$@"
# The daemon: ReadyToRun keeps its JIT work and memory small; it runs on the shared .NET runtime.
dotnet publish src/Carve.Daemon -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o out -v quiet -nologo
# The CLI starts once per command, so start-up is most of its time. Native AOT would be best, but its runtime pack
# (Microsoft.NETCore.App.Runtime.NativeAOT.linux-x64) is not on the NuGet mirror here. Next best, measured in
# docs/benchmarks.md: its own runtime, trimmed, and ReadyToRun-compiled with it into one composite image, so that
# the generic code it shares with the framework needs no JIT either. It lives in out/cli (the composite is tied to
# that runtime copy) and out/carve links to it. Its obj/ is its own: a composite build rewrites the assemblies there.
rm -rf out/cli
dotnet publish src/Carve.Cli -c Release -r linux-x64 -p:CarveStandaloneCli=true -o out/cli -v quiet -nologo
ln -sfn cli/carve out/carve
# The web UI's wire types are generated from web/openapi.json, which must be the document the daemon serves: a tool
# starts the daemon's code in-process on throwaway dirs (no TCP, no KVM probe, nothing outside them) and compares.
dotnet run --no-build -c Release --project tools/Carve.OpenApiDump -- "$openapi" web/openapi.json
# The web UI: TypeScript + Vite, with its npm dependencies (noVNC, xterm.js) from the lockfile; carved serves out/wwwroot.
(cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
rm -rf out/wwwroot && cp -r web/dist out/wwwroot
echo "Built out/carved, out/carve and the web UI in out/wwwroot."
if [ "$deb" = yes ]; then
    packaging/build-deb.sh
fi
