#!/usr/bin/env bash
# Slims a Debian rootfs as debuerreotype-slimify does for the official *-slim images: drops docs
# (keeping copyright files), man pages, info, groff, lintian, linda and locales, and writes
# /etc/dpkg/dpkg.cfg.d/docker so packages installed later stay slim too.
set -euo pipefail
root=$1
cat >"$root/etc/dpkg/dpkg.cfg.d/docker" <<'CFG'
# This is the "slim" variant of the Debian base image.
# Many files which are normally unnecessary in containers are excluded,
# and this configuration file keeps them that way.
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
CFG
chmod 644 "$root/etc/dpkg/dpkg.cfg.d/docker"
cd "$root"
find usr/share/doc -mindepth 1 -not -type d -not -name copyright -delete 2>/dev/null || true
find usr/share/doc -mindepth 1 -type d -empty -delete 2>/dev/null || true
for d in usr/share/groff usr/share/info usr/share/linda usr/share/lintian/overrides usr/share/locale usr/share/man; do
  [ -d "$d" ] && find "$d" -mindepth 1 -delete
done
true
