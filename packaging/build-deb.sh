#!/usr/bin/env bash
# Builds the Debian package carve_VERSION-REVISION_amd64.deb from packaging/ and what ./build.sh left in out/.
# ./build.sh --deb runs it; it can also be run on its own after ./build.sh.
#   --dest DIR            where the .deb goes (default out/; older carve_*.deb there are removed)
#   --revision N          the Debian revision (default 1): VERSION holds the upstream version
#   --compression TYPE    xz (default), gzip or none, as dpkg-deb -Z takes it
#   --level N             the compression level (default: CARVE_DEB_LEVEL, else 6, dpkg's default; xz -1 is about
#                         seven times faster here for a package 14% larger, which test.sh uses)
# carved and carve are Native AOT executables: the package carries no .NET runtime, and /usr/sbin/carved and
# /usr/bin/carve are links into /usr/lib/carve.
set -euo pipefail
cd "$(dirname "$0")/.."

dest=out
revision=1
compression=xz
level=${CARVE_DEB_LEVEL:-6}
while [ $# -gt 0 ]; do
    case "$1" in
        --dest) dest=$2; shift 2 ;;
        --revision) revision=$2; shift 2 ;;
        --compression) compression=$2; shift 2 ;;
        --level) level=$2; shift 2 ;;
        *) echo "build-deb.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

for need in dpkg-deb:dpkg gzip:gzip readelf:binutils strip:binutils; do
    command -v "${need%%:*}" >/dev/null || { echo "build-deb.sh needs ${need%%:*} (Debian package ${need#*:})." >&2; exit 1; }
done
if [ ! -x out/carved ] || [ ! -e out/carve ] || [ ! -f out/wwwroot/index.html ]; then
    echo "build-deb.sh packages out/carved, out/carve and out/wwwroot: run ./build.sh first." >&2
    exit 1
fi

upstream=$(tr -d '[:space:]' < VERSION)
version="$upstream-$revision"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
maintainer=$(sed -n 's/^Maintainer: //p' packaging/debian/control)
umask 022

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/root"
lib="$root/usr/lib/carve"
install -d "$root/DEBIAN" "$lib" "$root/usr/bin" "$root/usr/sbin" "$root/usr/share/carve" \
    "$root/usr/share/doc/carve" "$root/usr/share/man/man1" "$root/usr/share/man/man8" \
    "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
    "$root/usr/share/fish/vendor_completions.d" "$root/lib/systemd/system" "$root/etc/carve"

# The programs, as out/ has them (links kept). The web UI is architecture-independent: /usr/share/carve/wwwroot,
# linked back to where carved looks by default (wwwroot beside its executable).
tar -C out --exclude=./wwwroot --exclude='./carve_*.deb' -cf - . | tar -C "$lib" -xf -
cp -r out/wwwroot "$root/usr/share/carve/wwwroot"
ln -s ../../share/carve/wwwroot "$lib/wwwroot"

# Both programs must be native: a framework-dependent or self-contained .NET build (a runtimeconfig.json beside it)
# would need a runtime that Debian does not ship.
for program in carved:usr/sbin carve:usr/bin; do
    name=${program%%:*}
    if [ -e "out/$name.runtimeconfig.json" ] || [ -L "out/$name" ]; then
        echo "build-deb.sh: out/$name is not a Native AOT executable; run ./build.sh." >&2
        exit 1
    fi
    ln -s "../lib/carve/$name" "$root/${program#*:}/$name"
done
# Shared libraries that still carry a symbol table (NuGet's SQLite build) are stripped as dh_strip would. The programs
# are stripped already: the AOT compiler writes their symbols to carved.dbg and carve.dbg, which out/ does not keep.
while IFS= read -r -d '' so; do
    if readelf -S "$so" 2>/dev/null | grep -q '\.symtab'; then
        strip --strip-unneeded --remove-section=.comment --remove-section=.note "$so"
    fi
done < <(find "$lib" -type f \( -name '*.so' -o -name '*.so.*' \) -print0)

# Modes: directories 0755; programs (executable in out/, and not shared libraries) 0755; all else 0644.
find "$root" -type d -exec chmod 0755 {} +
find "$lib" -type f \( -perm /111 ! -name '*.so' ! -name '*.so.*' \) -exec chmod 0755 {} +
find "$lib" -type f \( ! -perm /111 -o -name '*.so' -o -name '*.so.*' \) -exec chmod 0644 {} +
find "$root/usr/share/carve" -type f -exec chmod 0644 {} +

# The unit, the default config (every key commented out: it changes none of the embedded defaults), completions.
install -m 0644 packaging/carved.service "$root/lib/systemd/system/carved.service"
install -m 0644 packaging/carved.json "$root/etc/carve/carved.json"
install -m 0644 packaging/completions/carve.bash "$root/usr/share/bash-completion/completions/carve"
install -m 0644 packaging/completions/_carve "$root/usr/share/zsh/vendor-completions/_carve"
install -m 0644 packaging/completions/carve.fish "$root/usr/share/fish/vendor_completions.d/carve.fish"

# Manual pages, with the version and the date of the commit they were built from.
date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)
for page in carve.1:man1 carved.8:man8; do
    file=${page%%:*}
    sed -e "s/@VERSION@/$upstream/g" -e "s/@DATE@/$date/g" "packaging/man/$file" | gzip -9n > "$root/usr/share/man/${page#*:}/$file.gz"
done

# Documentation: copyright, the Debian changelog (one entry per package build, from VERSION and the commit), install.md.
install -m 0644 packaging/debian/copyright "$root/usr/share/doc/carve/copyright"
install -m 0644 docs/install.md "$root/usr/share/doc/carve/install.md"
{
    echo "carve ($version) unstable; urgency=medium"
    echo
    echo "  * Carve $upstream, from git commit $commit (./build.sh --deb)."
    echo
    echo " -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n > "$root/usr/share/doc/carve/changelog.Debian.gz"
chmod 0644 "$root/usr/share/doc/carve/changelog.Debian.gz" "$root"/usr/share/man/man*/*.gz
if [ -f packaging/debian/lintian-overrides ]; then
    install -D -m 0644 packaging/debian/lintian-overrides "$root/usr/share/lintian/overrides/carve"
fi

# Control files. Installed-Size is in KiB, as dpkg-gencontrol counts it.
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# packaging/debian/control lists one relation a line; a binary package's fields (but Description) are one line each.
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$size/" packaging/debian/control |
    awk '/^ / && folding { sub(/^ +/, " "); line = line $0; next }
         { if (line != "") print line; line = $0; folding = ($0 ~ /^(Depends|Recommends|Suggests):/) }
         END { print line }' > "$root/DEBIAN/control"
install -m 0644 packaging/debian/conffiles "$root/DEBIAN/conffiles"
for script in postinst prerm postrm; do
    install -m 0755 "packaging/debian/$script" "$root/DEBIAN/$script"
done
(cd "$root" && find . -type f ! -path './DEBIAN/*' ! -path './etc/*' -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"

# Reproducible: every file dated at the commit.
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$dest"
if [ "$dest" = out ]; then
    rm -f out/carve_*_amd64.deb
fi
deb="$dest/carve_${version}_amd64.deb"
dpkg-deb --root-owner-group --threads-max="$(nproc)" -Z"$compression" -z"$level" --build "$root" "$deb" >/dev/null
echo "Built $deb ($(du -h "$deb" | cut -f1), $((size / 1024)) MiB installed)."
