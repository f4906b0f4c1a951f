#!/usr/bin/env bash
# Installs what the host needs, builds, and starts carved with its embedded defaults.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/common.sh
carve_require_root "$@"
carve_install_packages "${CARVE_HOST_PACKAGES[@]}"
./build.sh
echo "Starting carved: data in /var/lib/carve, API and web UI on https://0.0.0.0:8006/, local socket /run/carve/carved.sock"
echo "Use the CLI as root: $(pwd)/out/carve list"
exec out/carved "$@"
