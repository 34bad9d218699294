#!/usr/bin/env bash
# Record every scenario in conformance/scenarios on real Docker (dockerd from Debian's docker.io)
# with BuildKit and with the classic builder; write conformance/recorded/<scenario>.<builder>.json.
#
# Root, Debian. Needs no registry: debian:bookworm-slim is made here from a debootstrap minbase
# rootfs (slimmed like the catalog's image) and `docker import`ed. A private dockerd runs on its own
# socket (--bridge=none --iptables=false, data under /var/tmp) and is stopped at the end.
# The base rootfs is the catalog's own (scripts/catalog/build.sh) when that has been built here.
#
# Env knobs: CONFORMANCE_WORK (default /var/tmp/layerlab-conformance), SKIP_APT=1,
# REBOOTSTRAP=1 (redo the rootfs), ONLY=<scenario substring>, BUILDERS="buildkit classic".
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=${CONFORMANCE_WORK:-/var/tmp/layerlab-conformance}
START=$(date +%s)
log() { echo "[conformance +$(($(date +%s) - START))s] $*" >&2; }
die() {
  log "FATAL: $*"
  exit 1
}
[ "$(id -u)" = 0 ] || die "run as root (dockerd and debootstrap need it)"
mkdir -p "$W"

# ---------------------------------------------------------------- packages
if [ "${SKIP_APT:-0}" != 1 ] && { [ ! -x /usr/bin/docker ] || [ ! -x /usr/sbin/dockerd ] || ! command -v debootstrap >/dev/null; }; then
  log "apt-get install docker.io debootstrap"
  apt-get update -qq || die "apt-get update"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io debootstrap >/dev/null ||
    die "apt-get install docker.io debootstrap"
fi
# The CLI that matches the daemon (Debian's docker.io), not whatever is first on PATH.
DOCKER=/usr/bin/docker
[ -x "$DOCKER" ] || die "$DOCKER is missing (docker.io not installed?)"

# ---------------------------------------------------------------- base rootfs (cached)
# Prefer the very rootfs the catalog's debian:bookworm-slim was made from (scripts/catalog/build.sh),
# so Docker and Layerlab start from the same files. Else debootstrap one and slim it the same way.
CATALOG_SLIM=${CATALOG_WORK:-/var/tmp/layerlab-catalog}/rootfs-slim
if [ -x "$CATALOG_SLIM/bin/sh" ] && [ -f "$CATALOG_SLIM/../slim.done" ] && [ "${REBOOTSTRAP:-0}" != 1 ]; then
  ROOTFS=$CATALOG_SLIM
  log "base rootfs: the catalog's $ROOTFS"
else
  ROOTFS=$W/rootfs
  MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  MIRROR=${MIRROR:-http://deb.debian.org/debian}
  if [ "${REBOOTSTRAP:-0}" = 1 ] || [ ! -x "$ROOTFS/bin/sh" ]; then
    log "debootstrap --variant=minbase bookworm from $MIRROR"
    rm -rf "$ROOTFS"
    debootstrap --variant=minbase bookworm "$ROOTFS" "$MIRROR" >"$W/debootstrap.log" 2>&1 ||
      die "debootstrap failed (see $W/debootstrap.log)"
  fi
  # As scripts/catalog/build.sh: no host artifacts, no apt lists or downloaded packages, slimmed.
  rm -f "$ROOTFS/etc/resolv.conf" "$ROOTFS/etc/hostname" "$ROOTFS/run/mount/utab"
  rmdir "$ROOTFS/run/mount" 2>/dev/null || true
  rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/cache/apt/*.bin
  if [ -x "$ROOT/scripts/catalog/slimify.sh" ]; then
    "$ROOT/scripts/catalog/slimify.sh" "$ROOTFS"
  else
    # slimify's rules: docs except copyright files, man/info/groff/lintian/linda pages, locales.
    find "$ROOTFS/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete 2>/dev/null || true
    find "$ROOTFS/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
    rm -rf "$ROOTFS"/usr/share/{man,info,groff,lintian/overrides,linda,locale}/*
  fi
fi

# ---------------------------------------------------------------- private dockerd
export DOCKER_HOST=unix://$W/docker.sock
stop_dockerd() {
  local p
  p=$(cat "$W/dockerd.pid" 2>/dev/null || true)
  if [ -n "$p" ] && [ "$(cat /proc/"$p"/comm 2>/dev/null)" = dockerd ]; then
    kill -TERM "$p"
    for _ in $(seq 30); do
      [ -d /proc/"$p" ] || break
      sleep 1
    done
  fi
}
trap stop_dockerd EXIT
stop_dockerd
rm -rf "$W/docker" "$W/docker-exec"
log "start private dockerd on $DOCKER_HOST"
dockerd --data-root "$W/docker" --exec-root "$W/docker-exec" --pidfile "$W/dockerd.pid" -H "$DOCKER_HOST" \
  --iptables=false --ip6tables=false --ip-masq=false --bridge=none --storage-driver overlay2 \
  --log-level warn >"$W/dockerd.log" 2>&1 &
ok=0
for _ in $(seq 60); do
  if $DOCKER info >/dev/null 2>&1; then
    ok=1
    break
  fi
  sleep 1
done
[ $ok = 1 ] || die "dockerd did not come up (see $W/dockerd.log)"

log "docker import rootfs as debian:bookworm-slim"
tar -C "$ROOTFS" --numeric-owner -cf - . |
  $DOCKER import --change 'CMD ["bash"]' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    - debian:bookworm-slim >/dev/null || die "docker import"

# ---------------------------------------------------------------- scenarios
log "run scenarios"
DOCKER=$DOCKER CONFORMANCE_WORK=$W node --import tsx "$ROOT/scripts/conformance/record.mjs" "$@"
# Layers of apt installs (host network: apt needs its mirror), compared by npm run bench.
case "${ONLY:-apt}" in *apt*)
  log "record apt layers"
  DOCKER=$DOCKER CONFORMANCE_WORK=$W node "$ROOT/scripts/conformance/record-apt.mjs"
  ;;
esac
# Keep the recordings in the repository's formatting (npm run lint checks them).
(cd "$ROOT" && npx --no-install prettier --write conformance/recorded conformance/apt >/dev/null 2>&1) || true
log "done in $(($(date +%s) - START))s"
