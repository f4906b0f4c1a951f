#!/usr/bin/env bash
# A throwaway Debian bookworm root to install carve's .deb into, from cached layers:
#   CACHE/base-bookworm   debootstrap --variant=minbase from the host's Debian mirror (minutes, once)
#   CACHE/deps-KEY        the package's Depends and Recommends (and systemd, man-db) installed with apt on top of the
#                         base, as an overlayfs upper layer; KEY is a hash of those fields, so it is remade only when
#                         they change (downloads come from CACHE/archives, kept across layers)
#   WORK/root             an overlay of both with a throwaway upper layer, /proc mounted: chroot into it
# CACHE is ${CARVE_TEST_CACHE:-/var/cache/carve-test}/bookworm-root. The mirror is the host's, as for the Debian
# template (CARVE_DEBIAN_MIRROR overrides it). No service starts inside: policy-rc.d says no, and there is no systemd
# running there.
#
#   bookworm-root.sh up DEB WORK     make WORK/root with DEB's dependencies installed (not DEB itself)
#   bookworm-root.sh down WORK       unmount and remove WORK
set -euo pipefail

suite=bookworm
cache="${CARVE_TEST_CACHE:-/var/cache/carve-test}/bookworm-root"
extra_packages="systemd, man-db"

log() { echo "bookworm-root: $*" >&2; }

mirror() {
    if [ -n "${CARVE_DEBIAN_MIRROR:-}" ]; then echo "$CARVE_DEBIAN_MIRROR"; return; fi
    # The first non-security Debian archive in the host's apt sources (one-line or deb822), as AptMirror picks it.
    local uri
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { print $i; break } }' |
        grep -v security | grep '/debian/*$' | head -1 || true)
    if [ -z "$uri" ]; then
        uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -F': *' '$1 == "URIs" { print $2 }' |
            tr ' ' '\n' | grep -v security | grep '/debian/*$' | head -1 || true)
    fi
    echo "${uri:-http://deb.debian.org/debian}" | sed 's:/*$::'
}

mount_chroot_extras() { # ROOT
    mount -t proc proc "$1/proc"
    mkdir -p "$cache/archives/partial"
    mount --bind "$cache/archives" "$1/var/cache/apt/archives"
}

unmount_below() { # DIR: every mount at or below DIR, deepest first
    local target
    for target in $(awk -v dir="$1" '$2 == dir || index($2, dir "/") == 1 { print $2 }' /proc/mounts | sort -r); do
        umount "$target" 2>/dev/null || umount -l "$target" 2>/dev/null || true
    done
}

make_base() {
    local base="$cache/base-$suite" partial="$cache/base-$suite.partial" url
    [ -d "$base" ] && return 0
    url=$(mirror)
    log "debootstrap $suite from $url (once; later runs reuse $base)"
    rm -rf "$partial"
    debootstrap --variant=minbase "$suite" "$partial" "$url" >&2
    # Services never start in here.
    printf '#!/bin/sh\nexit 101\n' > "$partial/usr/sbin/policy-rc.d"
    chmod 0755 "$partial/usr/sbin/policy-rc.d"
    echo 'APT::Install-Recommends "false";' > "$partial/etc/apt/apt.conf.d/90carve-test"
    mv "$partial" "$base"
}

make_deps() { # DEB -> prints the layer's path
    local deb=$1 base="$cache/base-$suite" relations key layer partial
    relations="$(dpkg-deb -f "$deb" Depends), $(dpkg-deb -f "$deb" Recommends), $extra_packages"
    key=$(printf '%s\n%s\n' "$relations" "$(mirror)" | sha256sum | cut -c1-12)
    layer="$cache/deps-$key"
    if [ ! -d "$layer" ]; then
        log "installing the package's dependencies with apt into a new layer deps-$key (once per change of them)"
        partial="$cache/deps-$key.partial"
        unmount_below "$partial"
        rm -rf "$partial"
        mkdir -p "$partial/upper" "$partial/work" "$partial/root"
        mount -t overlay overlay -o "lowerdir=$base,upperdir=$partial/upper,workdir=$partial/work" "$partial/root"
        mount_chroot_extras "$partial/root"
        cp /etc/resolv.conf "$partial/root/etc/resolv.conf" 2>/dev/null || true
        if ! (chroot "$partial/root" apt-get update -qq &&
            DEBIAN_FRONTEND=noninteractive chroot "$partial/root" apt-get satisfy -y -qq "$relations") >&2; then
            unmount_below "$partial"
            exit 1
        fi
        unmount_below "$partial"
        mv "$partial/upper" "$layer"
        rm -rf "$partial"
        # Layers for older dependency lists are not needed any more.
        find "$cache" -mindepth 1 -maxdepth 1 -name 'deps-*' ! -name "deps-$key" -exec rm -rf {} +
    fi
    echo "$layer"
}

up() { # DEB WORK
    local deb=$1 work=$2 layer
    mkdir -p "$cache" "$work"
    exec 9>"$cache/.lock"
    flock 9
    make_base
    layer=$(make_deps "$deb")
    mkdir -p "$work/upper" "$work/work" "$work/root"
    mount -t overlay overlay -o "lowerdir=$layer:$cache/base-$suite,upperdir=$work/upper,workdir=$work/work" "$work/root"
    mount_chroot_extras "$work/root"
}

down() { # WORK
    unmount_below "$1"
    rm -rf "$1"
}

case "${1:-}" in
    up) up "$2" "$3" ;;
    down) down "$2" ;;
    *) echo "usage: $0 up DEB WORK | down WORK" >&2; exit 2 ;;
esac
