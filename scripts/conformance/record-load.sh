#!/usr/bin/env bash
# Record `docker save` tars and what `docker load` makes of them on Docker 28.5, both image
# stores: the fixtures and recorded values of conformance/load/ (never run by `npm test`).
#
# Needs the two private Docker 28.5 daemons of ../shared/oracle/docker28/modern-dockerd.sh:
#   export MODERN_BASE=/var/tmp/oracle-load
#   eval "$(bash ../shared/oracle/docker28/modern-dockerd.sh start both)"
#   bash scripts/conformance/record-load.sh
# plus busybox-static (downloaded from Debian's archive), skopeo (Debian's), jq, GNU tar.
#
# Images (Dockerfiles below):
#   layerlab/bb:1    FROM scratch + Debian's static busybox (a runnable image for the lab's e2e)
#   layerlab/tiny:1  FROM scratch, COPY, a RUN that deletes a file and a directory and re-creates
#                    one (whiteouts and an opaque marker), metadata steps, WORKDIR
# Fixtures written to conformance/load/:
#   tiny.overlay2.tar            docker save, overlay2 store (uncompressed blobs)
#   tiny.containerd.tar          docker save, containerd store (gzip blobs)
#   tiny.zstd.tar                containerd store, built with compression=zstd, then docker save
#   tiny-untagged.overlay2.tar   docker save IMAGE-ID (no RepoTags: "Loaded image ID: ...")
#   tiny.legacy.tar              the overlay2 save rewritten in Docker <= 24's layout (legacy-save.mjs)
#   tiny.oci.tar                 plain OCI image layout (skopeo copy ... oci-archive:, no manifest.json)
#   tiny.buildx-oci.tar          plain OCI image layout from BuildKit (--output type=oci, gzip layers)
#   bb.containerd.tar            the busybox image from the containerd store
#   bad-*.tar / bad-*.bin        inputs docker load refuses (recorded with their errors)
# and recorded.json: for each fixture and each store, docker load's stdout, stderr and status,
# then the loaded images' ID, RootFS.Layers, history and `docker images` rows.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/conformance/load
W=${LOAD_WORK:-/var/tmp/layerlab-load}
BASE=${MODERN_BASE:?set MODERN_BASE and start the daemons (see the header)}
O2=unix://$BASE/root/run/modern.sock
CS=unix://$BASE/root/run/modern-cs.sock
log() { echo "[record-load] $*" >&2; }
o2() { DOCKER_HOST=$O2 docker "$@"; }
cs() { DOCKER_HOST=$CS docker "$@"; }
on() { local s=$1; shift; if [ "$s" = overlay2 ]; then o2 "$@"; else cs "$@"; fi; }
command -v skopeo >/dev/null || { apt-get install -y -qq skopeo >/dev/null; }
o2 version --format '{{.Server.Version}}' | grep -q '^28\.5' || { log "overlay2 daemon is not 28.5"; exit 1; }
cs version --format '{{.Server.Version}}' | grep -q '^28\.5' || { log "containerd-store daemon is not 28.5"; exit 1; }

rm -rf "$W" && mkdir -p "$W/bb" "$W/tiny/data/gone" "$W/tiny/data/cfg" "$OUT"
( cd "$W" && apt-get download -qq busybox-static 2>/dev/null && dpkg-deb -x busybox-static_*.deb deb )
cp "$W/deb/bin/busybox" "$W/bb/busybox"
printf 'Hello from a loaded image\n' > "$W/bb/greeting"
cat > "$W/bb/Dockerfile" <<'EOF'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
COPY greeting /etc/greeting
ENV PATH=/bin
CMD ["sh"]
EOF
printf 'keep me\n' > "$W/tiny/data/keep.txt"
printf 'old\n' > "$W/tiny/data/old.txt"
printf 'bye\n' > "$W/tiny/data/gone/a.txt"
printf 'x=1\n' > "$W/tiny/data/cfg/old.conf"
printf 'hello\n' > "$W/tiny/hello.txt"
cat > "$W/tiny/Dockerfile" <<'EOF'
FROM scratch
COPY data/ /data/
COPY hello.txt /hello.txt
RUN --mount=type=bind,from=layerlab/bb:1,target=/bb ["/bb/bin/busybox", "sh", "-c", "B=/bb/bin/busybox; $B rm /data/old.txt && $B rm -r /data/gone /data/cfg && $B mkdir /data/cfg && echo y=2 > /data/cfg/new.conf"]
ENV GREETING=hello
LABEL org.example.course="layerlab"
WORKDIR /data
CMD ["cat", "/hello.txt"]
EOF

log "building on both stores"
for s in overlay2 containerd; do
  on $s rmi -f layerlab/tiny:1 layerlab/tiny:zstd layerlab/bb:1 >/dev/null 2>&1 || true
  on $s build -q -t layerlab/bb:1 "$W/bb" >/dev/null
  on $s build -q -t layerlab/tiny:1 "$W/tiny" >/dev/null
done
cs buildx build -q --output type=image,name=docker.io/layerlab/tiny:zstd,compression=zstd,force-compression=true "$W/tiny" >/dev/null
cs buildx build -q --output type=oci,dest="$OUT/tiny.buildx-oci.tar",name=docker.io/layerlab/tiny:oci "$W/tiny" >/dev/null

log "saving"
o2 save -o "$OUT/tiny.overlay2.tar" layerlab/tiny:1
cs save -o "$OUT/tiny.containerd.tar" layerlab/tiny:1
cs save -o "$OUT/tiny.zstd.tar" layerlab/tiny:zstd
o2 save -o "$OUT/tiny-untagged.overlay2.tar" "$(o2 image inspect --format '{{.Id}}' layerlab/tiny:1)"
cs save -o "$OUT/bb.containerd.tar" layerlab/bb:1
node "$ROOT/scripts/conformance/legacy-save.mjs" "$OUT/tiny.overlay2.tar" "$OUT/tiny.legacy.tar"
rm -f "$OUT/tiny.oci.tar"
skopeo copy -q docker-archive:"$OUT/tiny.overlay2.tar" oci-archive:"$OUT/tiny.oci.tar":layerlab/tiny:1

log "bad inputs"
head -c 3000 /dev/urandom > "$OUT/bad-random.bin"
head -c 5000 "$OUT/tiny.overlay2.tar" > "$OUT/bad-truncated.tar"
tar --format=ustar --owner=0 --group=0 --mtime=@0 -cf "$OUT/bad-rootfs.tar" -C "$W/tiny" data hello.txt
# A layer blob whose bytes no longer match its name (one byte of a file's content changed).
rm -rf "$W/corrupt" && mkdir -p "$W/corrupt" && tar -xf "$OUT/tiny.overlay2.tar" -C "$W/corrupt"
layer=$(jq -r '.[0].Layers[0]' "$W/corrupt/manifest.json")
python3 - "$W/corrupt/$layer" <<'EOF'
import sys
p = sys.argv[1]
b = bytearray(open(p, 'rb').read())
i = b.index(b'keep me')
b[i] = ord('K')
open(p, 'wb').write(bytes(b))
EOF
( cd "$W/corrupt" && tar --format=ustar --owner=0 --group=0 --mtime=@0 -cf "$OUT/bad-blob-digest.tar" blobs index.json manifest.json oci-layout repositories )

empty_store() { # every image and the build cache gone: a load must read every blob
  local s=$1
  for id in $(on $s images -aq --no-trunc | sort -u); do on $s rmi -f "$id" >/dev/null 2>&1 || true; done
  on $s builder prune -af >/dev/null 2>&1 || true
}

record_load() { # store fixture -> JSON on stdout
  local s=$1 f=$2 out err rc
  empty_store $s
  set +e
  out=$(on $s load -i "$OUT/$f" 2>"$W/err")
  rc=$?
  set -e
  err=$(cat "$W/err")
  local images='[]'
  local ids
  ids=$(printf '%s\n' "$out" | sed -n 's/^Loaded image ID: //p; s/^Loaded image: //p')
  for ref in $ids; do
    local id layers history rows
    # The daemon may list an image it then cannot inspect by that name (recorded as null).
    id=$(on $s image inspect --format '{{.Id}}' "$ref" 2>/dev/null || true)
    if [ -z "$id" ]; then
      images=$(jq -n --argjson a "$images" --arg ref "$ref" --arg e "$(on $s image inspect "$ref" 2>&1 >/dev/null || true)" \
        --argjson rows "$(on $s images --format '{{json .}}' | jq -s 'map({Repository, Tag, ID, Size})')" \
        '$a + [{ref: $ref, id: null, inspectError: $e, images: $rows}]')
      continue
    fi
    layers=$(on $s image inspect --format '{{json .RootFS.Layers}}' "$ref")
    history=$(on $s history --no-trunc --format '{{json .}}' "$ref" | jq -s 'map({ID, CreatedBy, Size, Comment})')
    rows=$(on $s images --no-trunc --format '{{json .}}' | jq -s --arg id "$id" 'map(select(.ID == $id) | {Repository, Tag, ID, Size})')
    images=$(jq -n --argjson a "$images" --arg ref "$ref" --arg id "$id" --argjson layers "$layers" \
      --argjson history "$history" --argjson rows "$rows" \
      '$a + [{ref: $ref, id: $id, rootfsLayers: $layers, history: $history, images: $rows}]')
  done
  jq -n --arg out "$out" --arg err "$err" --argjson rc "$rc" --argjson images "$images" \
    '{stdout: $out, stderr: $err, status: $rc, images: $images}'
}

log "loading each fixture into each store"
result='{}'
for f in tiny.overlay2.tar tiny.containerd.tar tiny.zstd.tar tiny-untagged.overlay2.tar tiny.legacy.tar \
  tiny.oci.tar tiny.buildx-oci.tar bb.containerd.tar bad-random.bin bad-truncated.tar bad-rootfs.tar \
  bad-blob-digest.tar; do
  for s in overlay2 containerd; do
    log "  $f -> $s"
    r=$(record_load $s $f)
    result=$(jq -n --argjson a "$result" --arg f "$f" --arg s "$s" --argjson r "$r" '$a | .[$f][$s] = $r')
  done
done
# docker load -q and from standard input, once each (overlay2).
empty_store overlay2
q=$(o2 load -q -i "$OUT/tiny.overlay2.tar")
empty_store overlay2
stdin=$(o2 load < "$OUT/tiny.overlay2.tar")
again=$(o2 load -i "$OUT/tiny.overlay2.tar")
result=$(jq -n --argjson a "$result" --arg q "$q" --arg s "$stdin" --arg again "$again" \
  '$a + {"quiet": $q, "stdin": $s, "again": $again}')
jq -n --arg v "$(o2 version --format '{{.Server.Version}}')" --argjson r "$result" \
  '{docker: $v, recorded: $r}' > "$OUT/recorded.json"
log "wrote $OUT/recorded.json"
