#!/usr/bin/env bash
# Builds the real-data catalog in public/catalog/v2 from Debian packages (bookworm, trixie, a few
# from sid) and the npm registry.
# Usage: npm run catalog:build   (as root, on Debian bookworm; REBUILD=1 starts from scratch)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
export W=${CATALOG_WORK:-/var/tmp/layerlab-catalog}
export OUT=${CATALOG_OUT:-$REPO/public/catalog/v2}
log() { printf '[catalog] %s\n' "$*" >&2; }
die() { printf 'catalog:build: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "this must run as root (debootstrap and chroot need it); try: sudo npm run catalog:build"
grep -q '^VERSION_CODENAME=bookworm' /etc/os-release 2>/dev/null ||
  die "this must run on Debian bookworm (the packages are read with the host's apt and dpkg)"
command -v debootstrap >/dev/null || { log "installing debootstrap"; apt-get install -y debootstrap >/dev/null; }

MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
export MIRROR=${MIRROR:-http://deb.debian.org/debian}
# The images are dated by the day they are built (the archive is read as it is that day), or by
# CATALOG_DATE (YYYY-MM-DD) to remake a catalog of a known day.
export EPOCH=$(date -u -d "${CATALOG_DATE:-$(date -u +%F)}" +%s)
[ "${REBUILD:-0}" = 1 ] && { log "REBUILD=1: removing $W"; "$HERE/chroot.sh" umount-all "$W" || true; rm -rf "$W"; }
mkdir -p "$W" "$OUT/images"

# ------------------------------------------------------------------ 1. debian:SUITE and SUITE-slim
# Older work folders marked the bookworm trees done in $W itself.
[ -f "$W/full.done" ] && mv "$W/full.done" "$W/rootfs-full.done"
[ -f "$W/slim.done" ] && mv "$W/slim.done" "$W/rootfs-slim.done"
# bookworm keeps its historical folder names: other tools import rootfs-slim as debian:bookworm-slim.
"$HERE/rootfs.sh" bookworm "$W/rootfs-full" "$W/rootfs-slim"
"$HERE/rootfs.sh" trixie "$W/rootfs-trixie-full" "$W/rootfs-trixie-slim"

# ------------------------------------------------------------------ 2. images, package files, index
node "$HERE/images.mjs"
node "$HERE/outputs.mjs"
node "$HERE/first-start.mjs"
SUITE=bookworm node "$HERE/apt.mjs"
SUITE=trixie node "$HERE/apt.mjs"
node "$HERE/npm.mjs"
node "$HERE/pip.mjs"
node "$HERE/split.mjs"
node "$HERE/index.mjs"
