#!/usr/bin/env bash
# Makes one Debian suite's root filesystems as the official debian:SUITE and debian:SUITE-slim
# images are made: debootstrap minbase, the image's deb822 sources, debuerreotype's apt/dpkg
# config, an upgrade from SUITE-updates and SUITE-security, cleanup; then a slimmed copy.
# Usage: rootfs.sh SUITE FULL_DIR SLIM_DIR   (W, MIRROR set by build.sh)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
suite=$1 full=$2 slim=$3
log() { printf '[catalog] %s\n' "$*" >&2; }
die() { printf 'catalog:build: %s\n' "$*" >&2; exit 1; }

if [ ! -x "$full/bin/sh" ] || [ ! -f "$full.done" ]; then
  log "debootstrap --variant=minbase $suite from $MIRROR (a few minutes)"
  rm -rf "$full"
  debootstrap --variant=minbase "$suite" "$full" "$MIRROR" >"$W/debootstrap-$suite.log" 2>&1 ||
    die "debootstrap $suite failed, see $W/debootstrap-$suite.log"
  # Host artifacts debootstrap copies in (DNS, host name) are not part of an image; Docker mounts its own.
  rm -f "$full/etc/resolv.conf" "$full/etc/hostname" "$full/run/mount/utab"
  rmdir "$full/run/mount" 2>/dev/null || true
  # The official image's sources: SUITE, SUITE-updates, SUITE-security (deb822).
  rm -f "$full/etc/apt/sources.list"
  cat >"$full/etc/apt/sources.list.d/debian.sources" <<SRC
Types: deb
URIs: http://deb.debian.org/debian
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  # debuerreotype's minimizing config, as in the official images (apt cleans its caches after each
  # install, keeps lists compressed, skips translations; dpkg skips fsync).
  cp -r --no-preserve=ownership "$HERE/rootfs-config/." "$full/"
  log "apt-get upgrade inside the new $suite rootfs (security and point-release updates)"
  "$HERE/chroot.sh" run "$full" 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -y -qq upgrade' >"$W/upgrade-$suite.log" 2>&1 ||
    die "apt-get upgrade in the $suite rootfs failed, see $W/upgrade-$suite.log"
  "$HERE/chroot.sh" clean "$full"
  touch "$full.done"
fi

if [ ! -f "$slim.done" ] || [ "$full.done" -nt "$slim.done" ]; then
  log "slimming a copy of $suite as debuerreotype's slimify does"
  rm -rf "$slim"; cp -a "$full" "$slim"
  "$HERE/slimify.sh" "$slim"
  touch "$slim.done"
fi
