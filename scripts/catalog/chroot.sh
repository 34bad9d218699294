#!/usr/bin/env bash
# Helpers to run commands inside a rootfs the way a container build would, leaving no trace of the
# helper itself (resolv.conf, policy-rc.d, /proc) in the tree afterwards.
#   chroot.sh run   ROOT 'shell command'   run it under /bin/sh -c, with /proc and the host's DNS
#   chroot.sh clean ROOT                   drop apt lists, caches and logs (as the official build does)
#   chroot.sh umount-all DIR               unmount anything left mounted under DIR
set -euo pipefail
cmd=$1 root=$2

umount_under() { grep -o " $1[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m" || true; done; }

case $cmd in
  run)
    shift 2
    made_resolv=0 made_policy=0
    if [ ! -e "$root/etc/resolv.conf" ] && [ ! -L "$root/etc/resolv.conf" ]; then touch "$root/etc/resolv.conf"; made_resolv=1; fi
    if [ ! -e "$root/usr/sbin/policy-rc.d" ]; then
      printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"; chmod 755 "$root/usr/sbin/policy-rc.d"; made_policy=1
    fi
    mount -t proc proc "$root/proc"
    mount --bind /etc/resolv.conf "$root/etc/resolv.conf"
    rc=0
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
      DEBIAN_FRONTEND=noninteractive chroot "$root" /bin/sh -c "$1" || rc=$?
    umount "$root/etc/resolv.conf"; umount -l "$root/proc"
    [ $made_resolv = 1 ] && rm -f "$root/etc/resolv.conf"
    [ $made_policy = 1 ] && rm -f "$root/usr/sbin/policy-rc.d"
    exit $rc ;;
  clean)
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
      "$root"/var/cache/apt/archives/partial/* "$root"/var/log/apt/* "$root"/var/log/dpkg.log \
      "$root"/var/log/alternatives.log "$root"/var/log/bootstrap.log "$root"/var/cache/debconf/*-old \
      "$root"/var/lib/dpkg/*-old "$root"/var/cache/ldconfig/aux-cache "$root"/tmp/* "$root"/var/tmp/*
    mkdir -p "$root/var/lib/apt/lists/partial" ;;
  umount-all) umount_under "$root" ;;
  *) echo "chroot.sh: unknown command $cmd" >&2; exit 2 ;;
esac
