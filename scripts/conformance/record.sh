#!/usr/bin/env bash
# Record every scenario in conformance/scenarios on real Docker 28.5 (the oracle in
# shared/oracle/docker28: Debian sid's docker.io, buildx 0.29, containerd 2.1, run as private
# daemons in a chroot), with BuildKit and with the legacy builder, on both image stores
# (overlay2, the 28.5 default, and the containerd image store, the default of Docker 29).
# Writes conformance/recorded/<scenario>.<builder>[.<store>].json.
#
# Root, Debian. No registry is used: debian:bookworm-slim is `docker import`ed from a rootfs with
# the catalog's files (the catalog's own when scripts/catalog/build.sh made it here, else a
# debootstrap minbase rootfs slimmed by the catalog's slimify.sh).
#
# Env knobs: CONFORMANCE_WORK (default /var/tmp/layerlab-conformance), REBOOTSTRAP=1 (redo the
# rootfs), ONLY=<scenario substring>, BUILDERS="buildkit classic", STORES="overlay2 containerd",
# LAYERLAB_ORACLE (path of modern-dockerd.sh), MODERN_BASE (where the oracle lives; its default).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=${CONFORMANCE_WORK:-/var/tmp/layerlab-conformance}
START=$(date +%s)
log() { echo "[conformance +$(($(date +%s) - START))s] $*" >&2; }
die() {
  log "FATAL: $*"
  exit 1
}
[ "$(id -u)" = 0 ] || die "run as root (the oracle's dockerd and debootstrap need it)"
mkdir -p "$W"

# ---------------------------------------------------------------- the oracle
ORACLE=${LAYERLAB_ORACLE:-}
for c in "$ROOT/../shared/oracle/docker28/modern-dockerd.sh" "$ROOT/../../shared/oracle/docker28/modern-dockerd.sh"; do
  [ -z "$ORACLE" ] && [ -f "$c" ] && ORACLE=$c
done
[ -n "$ORACLE" ] && [ -f "$ORACLE" ] || die "modern-dockerd.sh not found (set LAYERLAB_ORACLE)"

if ! command -v debootstrap >/dev/null; then
  log "apt-get install debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null ||
    die "apt-get install debootstrap"
fi

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
  "$ROOT/scripts/catalog/slimify.sh" "$ROOTFS"
fi

# ---------------------------------------------------------------- daemons
STORES=${STORES:-overlay2 containerd}
was_running=$(bash "$ORACLE" status | grep -c ': running' || true)
log "start the Docker 28.5 oracle ($ORACLE)"
bash "$ORACLE" start both >"$W/oracle-start.env" 2>"$W/oracle-start.log" ||
  die "the oracle did not start (see $W/oracle-start.log)"
stop_oracle() {
  # Leave the daemons running only if they were running before this script.
  [ "$was_running" -gt 0 ] || bash "$ORACLE" stop >>"$W/oracle-start.log" 2>&1 || true
}
trap stop_oracle EXIT
host_of() { # host_of overlay2|containerd -> DOCKER_HOST
  bash "$ORACLE" env "$([ "$1" = containerd ] && echo snapshotter || echo overlay2)" |
    sed -n 's/^export DOCKER_HOST=//p'
}
eval "$(bash "$ORACLE" env overlay2 | grep -v DOCKER_HOST)" # DOCKER_CONFIG and PATH (CLI 28.5 + buildx)
DOCKER=$(command -v docker)

for store in $STORES; do
  host=$(host_of "$store")
  log "docker import rootfs as debian:bookworm-slim ($store store, $host)"
  DOCKER_HOST=$host $DOCKER rm -f $(DOCKER_HOST=$host $DOCKER ps -aq) >/dev/null 2>&1 || true
  DOCKER_HOST=$host $DOCKER rmi -f debian:bookworm-slim >/dev/null 2>&1 || true
  tar -C "$ROOTFS" --numeric-owner -cf - . |
    DOCKER_HOST=$host $DOCKER import --change 'CMD ["bash"]' \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      - debian:bookworm-slim >/dev/null || die "docker import ($store)"
  export "DOCKER_HOST_$(echo "$store" | tr a-z A-Z)=$host"
done

# ---------------------------------------------------------------- scenarios
log "run scenarios"
DOCKER=$DOCKER STORES=$STORES CONFORMANCE_WORK=$W node --import tsx "$ROOT/scripts/conformance/record.mjs" "$@"
# Keep the recordings in the repository's formatting (npm run lint checks them).
(cd "$ROOT" && npx --no-install prettier --write conformance/recorded >/dev/null 2>&1) || true
log "done in $(($(date +%s) - START))s"
