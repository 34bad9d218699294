// The smallest images: busybox (FROM scratch, one layer: a busybox binary, its applet links and
// buildroot's /etc skeleton, as docker-library/busybox's builder makes it) and hello-world.
import { execFileSync } from 'node:child_process';
import { officialFile } from './common.mjs';

const SID = `Types: deb
URIs: http://deb.debian.org/debian
Suites: sid
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
Check-Valid-Until: no
`;

/**
 * Runs on the host with ROOT (the image's tree), W and HERE set: fetches Debian sid's statically
 * linked busybox in a scratch copy of trixie-slim, then lays out the rootfs as the official builder
 * does (bin/busybox and `busybox --install /bin`, buildroot's group/passwd/shadow with root's
 * password locked, device_table.txt's directories, each user's home, /usr/bin/env, UTC localtime).
 */
const BUSYBOX = `set -eux
tmp="$W/busybox-fetch"; rm -rf "$tmp"; cp -a "$W/rootfs-trixie-slim" "$tmp"
"$HERE/chroot.sh" run "$tmp" "printf '%s' '${SID}' > /etc/apt/sources.list.d/sid.sources && apt-get update -qq && cd /tmp && apt-get download -t sid busybox-static"
dpkg-deb -x "$tmp"/tmp/busybox-static_*.deb "$tmp/deb"
mkdir -p "$ROOT/bin" "$ROOT/etc"
cp "$tmp/deb/usr/bin/busybox" "$ROOT/bin/busybox"; chmod 755 "$ROOT/bin/busybox"
chroot "$ROOT" /bin/busybox --install /bin
cp "$FILES/busybox/group" "$FILES/busybox/passwd" "$FILES/busybox/shadow" "$ROOT/etc/"
sed -ri -e 's/^root::/root:*:/' "$ROOT/etc/shadow"
cp "$tmp/etc/nsswitch.conf" "$ROOT/etc/"
awk '!/^#/ && NF { sub(/^\\/?/, "'"$ROOT"'/", $1); if ($2 == "d") printf "mkdir -p %s\\n", $1; printf "chmod %s %s\\n", $3, $1 }' "$FILES/busybox/device_table.txt" | sh -eu
chown 33:33 "$ROOT/var/www"
awk -F: '{ print $3 ":" $4 "=" $6 }' "$ROOT/etc/passwd" | while read -r uh; do
  user="\${uh%%=*}"; home="$ROOT/\${uh#*=}"; home="\${home%/}"
  if [ ! -d "$home" ]; then mkdir -p "$home"; chown "$user" "$home"; chmod 755 "$home"; fi
done
mkdir -p "$ROOT/usr/bin"; ln -s ../../bin/env "$ROOT/usr/bin/env"
cp -L "$tmp/usr/share/zoneinfo/UTC" "$ROOT/etc/localtime"
chmod 600 "$ROOT/etc/shadow"
rm -rf "$tmp"`;

const busybox = {
  ref: 'busybox:1.38',
  hub: '1.38',
  line: '1.38',
  product: 'BusyBox',
  // `busybox` alone prints its banner: "BusyBox v1.38.0 (Debian 1:1.38.0-3+b1) multi-call binary."
  version: (root) =>
    /BusyBox v(\d+\.\d+\.\d+)/.exec(
      execFileSync('chroot', [root, '/bin/busybox'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    )?.[1],
  steps: [
    { kind: 'HOST', cmd: BUSYBOX, shown: 'BusyBox 1.38.0 (glibc), Debian 13' },
    { kind: 'CMD', value: ['sh'] },
  ],
  origin: (v) =>
    `Debian sid's statically linked busybox ${v} (busybox-static) with buildroot's /etc skeleton, laid out as docker-library/busybox's builder does for busybox:latest (its glibc variant links glibc dynamically and carries those libraries in /lib, so it is bigger: 2,226,327 bytes compressed on Docker Hub, diffID sha256:0958e0fef2d6a31e1325b8bfecd99dead933363682d69850a7606599023751bc)`,
  real: {
    compressedSize: 2_226_327,
    source: 'docker-library/busybox latest/glibc/amd64/image-manifest.json',
  },
};

const helloWorld = {
  ref: 'hello-world:latest',
  hub: 'linux',
  product: 'hello-world',
  fixed: ['linux', 'latest'],
  steps: [
    {
      kind: 'COPY',
      shown: 'hello /',
      files: [{ dest: 'hello', content: officialFile('hello-world/hello'), mode: 0o755 }],
    },
    { kind: 'CMD', value: ['/hello'] },
  ],
  official: true,
  origin:
    "The official image's /hello (docker-library/hello-world, amd64/hello, 10,072 bytes), copied into an empty image as its Dockerfile does",
};

export const tiny = [busybox, helloWorld];
