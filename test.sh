#!/usr/bin/env bash
# Installs, builds and runs the whole test suite: unit, integration and system tests with real QEMU.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/common.sh
carve_require_root "$@"
# chromium: the web UI tests drive Debian's browser with Playwright (which never downloads one).
# binutils: ./build.sh --deb strips a library; lintian, zsh, fish: the package tests check the .deb and its completions.
# prometheus: a system test has the real server scrape carved (promtool comes with it).
carve_install_packages "${CARVE_HOST_PACKAGES[@]}" socat chromium binutils lintian zsh fish prometheus
# The test guests (Debian kernel, busybox initramfs, BIOS and UEFI disks) are cached between runs.
export CARVE_TEST_CACHE="${CARVE_TEST_CACHE:-/var/cache/carve-test}"
tests/fixtures/build-test-guest.sh
# The package is built for the package tests; xz -1 instead of -6: the same files, 70 s less on two cores.
CARVE_DEB_LEVEL=1 ./build.sh --deb
export CARVE_OUT="$PWD/out"

results="$(mktemp -d)"
status=0
for project in tests/Carve.Qemu.Tests tests/Carve.Lxc.Tests tests/Carve.Network.Tests tests/Carve.Core.Tests tests/Carve.Storage.Tests tests/Carve.Transfer.Tests tests/Carve.Cli.Tests tests/Carve.Api.Tests tests/Carve.SystemTests tests/Carve.Packaging.Tests tests/Carve.Web.Tests; do
    echo "== $project"
    dotnet test "$project" -c Release --no-build -nologo -v quiet \
        --logger "trx;LogFileName=$(basename "$project").trx" --results-directory "$results" "$@" || status=1
done

# Each failure with its message and the test's output (CI keeps only this log), then one closing line over all
# projects: N passed, N failed.
python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
def text(node, path):
    found = node.find(path)
    return (found.text or "") if found is not None else ""
for f in glob.glob(sys.argv[1] + "/*.trx"):
    root = ET.parse(f).getroot()
    for result in root.findall(".//{*}UnitTestResult"):
        if result.get("outcome") != "Passed" and result.get("outcome") != "NotExecuted":
            print(f"\n--- FAILED {result.get('testName')}")
            print(text(result, ".//{*}ErrorInfo/{*}Message")[:4000])
            print(text(result, ".//{*}ErrorInfo/{*}StackTrace")[:2000])
            print(text(result, ".//{*}StdOut")[-4000:])
    c = root.find(".//{*}Counters")
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error", 0)); skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
