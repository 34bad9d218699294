#!/usr/bin/env bash
# Builds the real-data catalog in public/catalog/v1 from Debian bookworm packages.
# Usage: npm run catalog:build   (as root, on Debian bookworm; REBUILD=1 starts from scratch)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
export W=${CATALOG_WORK:-/var/tmp/layerlab-catalog}
export OUT=${CATALOG_OUT:-$REPO/public/catalog/v1}
log() { printf '[catalog] %s\n' "$*" >&2; }
die() { printf 'catalog:build: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "this must run as root (debootstrap and chroot need it); try: sudo npm run catalog:build"
grep -q '^VERSION_CODENAME=bookworm' /etc/os-release 2>/dev/null ||
  die "this must run on Debian bookworm (the packages are read with the host's apt and dpkg)"
command -v debootstrap >/dev/null || { log "installing debootstrap"; apt-get install -y debootstrap >/dev/null; }

MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
export MIRROR=${MIRROR:-http://deb.debian.org/debian}
# The snapshot date the host's sources name, else today: it dates the base image like the official one.
SNAP=$(grep -o 'snapshot.debian.org/archive/debian/[0-9T]*Z' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1 | sed 's#.*/##' || true)
if [ -n "$SNAP" ]; then
  export EPOCH=$(date -u -d "$(echo "$SNAP" | sed -E 's/(....)(..)(..)T(..)(..)(..)Z/\1-\2-\3 \4:\5:\6/')" +%s)
else
  export EPOCH=$(date -u -d "$(date -u +%F)" +%s)
fi
[ "${REBUILD:-0}" = 1 ] && { log "REBUILD=1: removing $W"; "$HERE/chroot.sh" umount-all "$W" || true; rm -rf "$W"; }
mkdir -p "$W" "$OUT/images"

# ------------------------------------------------------------------ 1. debian:bookworm (minbase)
FULL=$W/rootfs-full
if [ ! -x "$FULL/bin/sh" ] || [ ! -f "$W/full.done" ]; then
  log "debootstrap --variant=minbase bookworm from $MIRROR (a few minutes)"
  rm -rf "$FULL"
  debootstrap --variant=minbase bookworm "$FULL" "$MIRROR" >"$W/debootstrap.log" 2>&1 ||
    die "debootstrap failed, see $W/debootstrap.log"
  # Host artifacts debootstrap copies in (DNS, host name) are not part of an image; Docker mounts its own.
  rm -f "$FULL/etc/resolv.conf" "$FULL/etc/hostname" "$FULL/run/mount/utab"
  rmdir "$FULL/run/mount" 2>/dev/null || true
  # The official image's sources: bookworm, bookworm-updates, bookworm-security (deb822).
  rm -f "$FULL/etc/apt/sources.list"
  cat >"$FULL/etc/apt/sources.list.d/debian.sources" <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  # debuerreotype's minimizing config, as in the official images (apt cleans its caches after each
  # install, keeps lists compressed, skips translations; dpkg skips fsync).
  cp -r --no-preserve=ownership "$HERE/rootfs-config/." "$FULL/"
  log "apt-get upgrade inside the new rootfs (security and point-release updates)"
  "$HERE/chroot.sh" run "$FULL" 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -y -qq upgrade' >"$W/upgrade.log" 2>&1 ||
    die "apt-get upgrade in the rootfs failed, see $W/upgrade.log"
  "$HERE/chroot.sh" clean "$FULL"
  touch "$W/full.done"
fi

# ------------------------------------------------------------------ 2. debian:bookworm-slim
SLIM=$W/rootfs-slim
if [ ! -f "$W/slim.done" ] || [ "$FULL/bin/sh" -nt "$W/slim.done" ]; then
  log "slimming a copy as debuerreotype's slimify does"
  rm -rf "$SLIM"; cp -a "$FULL" "$SLIM"
  "$HERE/slimify.sh" "$SLIM"
  touch "$W/slim.done"
fi

# ------------------------------------------------------------------ 3. images, package files, index
node "$HERE/images.mjs"
node "$HERE/apt.mjs"
node "$HERE/npm.mjs"
node "$HERE/pip.mjs"
node "$HERE/index.mjs"
