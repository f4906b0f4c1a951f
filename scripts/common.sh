# Shared by build.sh, run.sh and test.sh. Sourced, not run.

# Re-run the calling script as root through sudo: Carve manages VMs and host devices.
carve_require_root() {
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null; then exec sudo -E "$0" "$@"; fi
        echo "$0 needs root, and sudo is not installed." >&2
        exit 1
    fi
}

# Installs the Debian packages that are missing; a no-op (and fast) when all are there.
carve_install_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} = 0 ] && return 0
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# What carved needs on the host: QEMU for VMs; LXC, a static busybox (the built-in template), debootstrap
# (Debian templates), acl (lets the container's mapped root reach its rootfs), xz/zstd (rootfs tarballs).
CARVE_HOST_PACKAGES=(qemu-system-x86 qemu-utils ovmf lxc busybox-static debootstrap debian-archive-keyring acl xz-utils zstd pci.ids usb.ids)

carve_require_dotnet() {
    if ! command -v dotnet >/dev/null; then
        echo "The .NET 10 SDK is needed to build Carve: install dotnet-sdk-10.0 (see https://learn.microsoft.com/dotnet/core/install/linux-debian)." >&2
        exit 1
    fi
}
