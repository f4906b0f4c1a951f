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
# carved serves web/openapi.json as compiled in, and the web UI's wire types are generated from it: a tool starts the
# daemon's code in-process with the OpenAPI generator (throwaway dirs, no TCP, no KVM probe) and compares the file with
# what it generates. Before the native publish, so that a rewritten file is the one compiled into carved.
dotnet run --no-build -c Release --project tools/Carve.OpenApiDump -- "$openapi" web/openapi.json
# carved and carve are Native AOT executables: no .NET runtime on the host, start-up in milliseconds, a daemon that
# idles small (docs/benchmarks.md, "Native AOT"). Each is published into its own folder under obj/ and only the
# executable (and the SQLite library carved loads) is copied into out/, so out/ holds no stale assemblies of an
# older, JIT-compiled build.
publish_native() { # PROJECT TARGET-DIR FILE...
    local project=$1 dir=$2; shift 2
    local staging="$project/obj/native-publish"
    rm -rf "$staging"
    dotnet publish "$project" -c Release -r linux-x64 -p:PublishAot=true -o "$staging" -v quiet -nologo
    for file in "$@"; do install -m 0755 "$staging/$file" "$dir/$file"; done
}
mkdir -p out
find out -mindepth 1 -maxdepth 1 ! -name wwwroot ! -name 'carve_*.deb' -exec rm -rf {} +
publish_native src/Carve.Daemon out carved libe_sqlite3.so
publish_native src/Carve.Cli out carve
# The web UI: TypeScript + Vite, with its npm dependencies (noVNC, xterm.js) from the lockfile; carved serves out/wwwroot.
(cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
rm -rf out/wwwroot && cp -r web/dist out/wwwroot
echo "Built out/carved, out/carve and the web UI in out/wwwroot."
if [ "$deb" = yes ]; then
    packaging/build-deb.sh
fi
