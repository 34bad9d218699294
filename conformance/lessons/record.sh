#!/usr/bin/env bash
# Records what real Docker does for the claims the lessons make, one transcript per claim, in
# conformance/lessons/<store>/<name>.txt. The lesson fact tests (app/engine/lessons/facts.test.ts)
# hold Layerlab to the lines that matter in them.
#
# Needs the Docker 28.5 oracle (/work/shared/oracle/docker28, or any Docker 28.5 daemon) and a
# registry at localhost:5000 that the daemon can reach (Debian's docker-registry, run in the
# daemon's network namespace). Usage:
#   eval "$(bash modern-dockerd.sh env overlay2)";   STORE=overlay2 bash conformance/lessons/record.sh
#   eval "$(bash modern-dockerd.sh env snapshotter)"; STORE=containerd bash conformance/lessons/record.sh
# ONLY=name records one transcript.
set -u
STORE=${STORE:?set STORE=overlay2 or STORE=containerd}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$HERE/$STORE
mkdir -p "$OUT"
REG=localhost:5000
# `docker manifest` talks to the registry from the client: in the daemon's network namespace
# (REGISTRY_NETNS=/proc/<dockerd pid>/ns/net) when the registry lives there.
docker() {
  if [ "${1:-}" = manifest ] && [ -n "${REGISTRY_NETNS:-}" ]; then
    nsenter --net="$REGISTRY_NETNS" "$(command -v docker)" "$@"
  else command docker "$@"; fi
}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Each transcript shows every command (after "$ ") and what it printed, stdout and stderr, with
# its exit code when it is not 0. Build timings are replaced by "0.0s" so recordings stay stable.
run() {
  printf '$ %s\n' "$*"
  local rc=0
  (cd "$CTX" && eval "$@") 2>&1 | sed -E 's/ [0-9]+\.[0-9]+s( |$)/ 0.0s\1/g' || true
  rc=${PIPESTATUS[0]}
  [ "$rc" = 0 ] || printf '[exit %s]\n' "$rc"
  printf '\n'
}

# A fresh daemon state: no containers, no images but the base, no build cache.
clean() {
  docker rm -f $(docker ps -aq) >/dev/null 2>&1
  local base; base=$(docker images -q --no-trunc localhost/base:1)
  docker images -a --no-trunc --format '{{.Repository}}:{{.Tag}} {{.ID}}' | while read -r ref id; do
    case "$ref" in localhost/base:1 | debian:bookworm-slim) continue ;; esac
    if [ "$ref" = '<none>:<none>' ]; then [ "$id" = "$base" ] || docker rmi -f "$id" >/dev/null 2>&1
    else docker rmi -f "$ref" >/dev/null 2>&1; fi
  done
  docker builder prune -af >/dev/null 2>&1
}

# ctx NAME: a fresh build context; files follow on stdin as "=== path" headers and content.
ctx() {
  CTX=$WORK/$1
  rm -rf "$CTX"; mkdir -p "$CTX"
  local path=''
  while IFS= read -r line; do
    if [[ $line == '=== '* ]]; then path=$CTX/${line#=== }; mkdir -p "$(dirname "$path")"; : > "$path"
    else printf '%s\n' "$line" >> "$path"; fi
  done
}

record() { # record NAME: runs the function NAME into OUT/NAME.txt
  [ -n "${ONLY:-}" ] && [ "$ONLY" != "$1" ] && return
  clean
  { echo "# $1 on $(docker version --format 'Docker {{.Server.Version}}') ($STORE image store)"; echo; "$1"; } > "$OUT/$1.txt"
  echo "recorded $OUT/$1.txt"
}

P='--progress=plain'

# 02: a layer that only makes a directory is 0B in docker history, yet it is a layer.
layer-sizes() {
  ctx layer-sizes <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
ENV NOTES=/srv/notes
RUN mkdir -p /srv/notes
RUN echo "buy milk" > /srv/notes/todo.txt
RUN echo "call mum" >> /srv/notes/todo.txt
WORKDIR /srv/app
RUN rm /etc/debian_version
LABEL org.opencontainers.image.title=notes
CMD ["cat", "/srv/notes/todo.txt"]
EOF
  run docker build -q -t notes:1 .
  run docker history --format "'{{.CreatedBy}}\t{{.Size}}'" notes:1
  run docker inspect --format "'{{len .RootFS.Layers}} layers'" notes:1
}

# 03: pulling an image that is already local; pulling one that shares the base.
pull-local() {
  ctx pull-local <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
RUN echo extra > /extra.txt
EOF
  run docker tag debian:bookworm-slim $REG/debian:bookworm-slim
  run docker push -q $REG/debian:bookworm-slim
  run docker build -q -t $REG/more:1 .
  run docker push -q $REG/more:1
  run docker rmi $REG/more:1
  run docker pull $REG/debian:bookworm-slim
  run docker pull $REG/more:1
}

# 03: a base that a BuildKit FROM fetched from a registry: is it in `docker images`, and what
# does `docker pull` of it print then?
pull-after-from() {
  ctx pull-after-from <<'EOF2'
=== base.Dockerfile
FROM debian:bookworm-slim
RUN echo base > /base.txt
=== Dockerfile
FROM localhost:5000/remote-base:1
RUN echo app > /app.txt
EOF2
  run docker build -q -f base.Dockerfile -t $REG/remote-base:1 .
  run docker push -q $REG/remote-base:1
  run docker rmi $REG/remote-base:1
  run "docker builder prune -af | tail -1"
  run docker build -q -t app:1 .
  run docker images --format "'{{.Repository}}:{{.Tag}}'"
  run docker pull $REG/remote-base:1
  run docker images --format "'{{.Repository}}:{{.Tag}}'"
}

# 06: .dockerignore patterns: *.log is the top of the context only; **/*.log every folder.
dockerignore() {
  ctx dockerignore <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
COPY . /site/
CMD ["ls", "-R", "/site"]
=== index.html
<h1>My site</h1>
=== debug.log
12:00:01 server started
=== logs/app.log
12:00:02 GET /
=== .dockerignore
*.log
EOF
  run cat .dockerignore
  run docker build -q -t site:1 .
  run docker run --rm site:1 find /site -name "'*.log'"
  run "printf '**/*.log\n' > .dockerignore"
  run docker build -q -t site:2 .
  run docker run --rm site:2 find /site -name "'*.log'"
}

# 07/08: rm -rf dir && mkdir dir in a later layer: an opaque directory in the layer tar.
opaque() {
  ctx opaque <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
RUN mkdir -p /etc/greeter && echo "greeting=hello" > /etc/greeter/greeter.conf && echo "volume=loud" > /etc/greeter/extra.conf
RUN rm -rf /etc/greeter && mkdir /etc/greeter && echo "greeting=bonjour" > /etc/greeter/greeter.conf
EOF
  run docker build -q -t greeter:1 .
  run docker run --rm greeter:1 ls /etc/greeter
  run "docker save greeter:1 -o img.tar && mkdir img && tar -xf img.tar -C img"
  run "for b in \$(cd img && python3 -c 'import json;print(\" \".join(json.load(open(\"manifest.json\"))[0][\"Layers\"]))' 2>/dev/null || jq -r '.[0].Layers[]' img/manifest.json); do echo \"== \$b\"; tar -tvf img/\$b | grep -v -E '^d.* etc/\$' | grep -E 'greeter|\\.wh\\.' ; done"
}

# 08: bytes from /dev/zero compress to almost nothing; from /dev/urandom they do not.
compressed() {
  ctx compressed <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
ARG SOURCE=/dev/zero
RUN dd if=$SOURCE of=/tmp/sdk.tar bs=1M count=30 status=none
RUN rm /tmp/sdk.tar
EOF
  run docker build -q -t $REG/tool:zero .
  run docker build -q --build-arg SOURCE=/dev/urandom -t $REG/tool:random .
  run docker history --format "'{{.CreatedBy}}\t{{.Size}}'" $REG/tool:zero
  run docker push -q $REG/tool:zero
  run docker push -q $REG/tool:random
  run "docker manifest inspect --insecure $REG/tool:zero | grep -E '\"size\"'"
  run "docker manifest inspect --insecure $REG/tool:random | grep -E '\"size\"'"
}

# 09: copy-up (C) and delete (D) in a container's writable layer.
writable() {
  ctx writable <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
RUN mkdir -p /srv && echo "v1" > /srv/version
CMD ["cat", "/srv/version"]
EOF
  run docker build -q -t app:1 .
  run docker run --name web app:1 sh -c "'echo hi > /tmp/x; echo v2 >> /srv/version; rm /etc/debian_version'"
  run docker diff web
  run docker run --rm app:1
}

# 10: docker commit keeps the container's command as the image's CMD.
commit() {
  ctx commit <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
CMD ["cat", "/etc/motd"]
EOF
  run docker build -q -t base:1 .
  run docker run --name tinker base:1 sh -c "'echo Welcome aboard > /etc/motd'"
  run docker commit tinker motd:hand
  run docker inspect --format "'{{json .Config.Cmd}}'" motd:hand
  run docker run --rm motd:hand
  run docker run --rm motd:hand cat /etc/motd
  run docker history --format "'{{.CreatedBy}}\t{{.Size}}'" motd:hand
  run docker commit --change "'CMD [\"cat\", \"/etc/motd\"]'" tinker motd:fixed
  run docker run --rm motd:fixed
}

# 11: a tag in a registry can be pushed again; a digest names one manifest for ever.
retag() {
  ctx retag <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
ARG VERSION=1
RUN echo "version $VERSION" > /version
CMD ["cat", "/version"]
EOF
  run docker build -q -t $REG/app:1.0 .
  run "docker push $REG/app:1.0 | tail -1"
  run docker build -q --build-arg VERSION=2 -t $REG/app:1.0 .
  run "docker push $REG/app:1.0 | tail -1"
  run docker rmi $REG/app:1.0
  run docker pull -q $REG/app:1.0
  run docker run --rm $REG/app:1.0
}

# 12: the legacy builder: intermediate images run; a base with several history entries shows
# <missing> for its inner rows even so.
legacy-history() {
  ctx legacy-history <<'EOF'
=== base.Dockerfile
FROM debian:bookworm-slim
RUN echo a > /a
RUN echo b > /b
=== Dockerfile
FROM base2:1
RUN mkdir -p /srv && echo "step two" > /srv/two
COPY three.txt /srv/three
CMD ["ls", "/srv"]
=== three.txt
step three
EOF
  run docker build -q -f base.Dockerfile -t base2:1 .
  run DOCKER_BUILDKIT=0 docker build -q -t classic:1 .
  run docker history --format "'{{.ID}}\t{{.CreatedBy}}'" classic:1
  run "docker images -a --format '{{.Repository}}:{{.Tag}}' | sort | uniq -c"
  run "docker run --rm \$(docker history -q classic:1 | sed -n 3p) ls /srv"
}

# 13: a changed ENV: BuildKit keeps a COPY below it cached and reruns the RUN; the legacy
# builder reruns every step below. A changed ARG value and the RUN steps after its declaration.
env-arg() {
  ctx env-arg <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
ENV APP_MODE=dev
COPY a.txt /a.txt
RUN cat /a.txt > /b.txt
CMD ["cat", "/b.txt"]
=== a.txt
a
=== arg.Dockerfile
FROM debian:bookworm-slim
ARG BUILD_DATE=unknown
ENV APP_MODE=dev
RUN echo "slow setup: compiling everything" > /setup.log
RUN echo "built on $BUILD_DATE" > /build-info
CMD ["cat", "/build-info"]
EOF
  run "docker build $P -t env:1 . 2>&1 | grep -E '^#[0-9]+ \\[|CACHED'"
  run "sed -i s/APP_MODE=dev/APP_MODE=prod/ Dockerfile && docker build $P -t env:1 . 2>&1 | grep -E '^#[0-9]+ \\[|CACHED'"
  run "sed -i s/APP_MODE=prod/APP_MODE=dev/ Dockerfile && DOCKER_BUILDKIT=0 docker build -t env:2 . 2>&1 | grep -E '^Step|Using cache'"
  run "sed -i s/APP_MODE=dev/APP_MODE=prod/ Dockerfile && DOCKER_BUILDKIT=0 docker build -t env:2 . 2>&1 | grep -E '^Step|Using cache'"
  run "docker build $P -f arg.Dockerfile --build-arg BUILD_DATE=2024-04-01 -t arg:1 . 2>&1 | grep -E '^#[0-9]+ \\[|CACHED'"
  run "docker build $P -f arg.Dockerfile --build-arg BUILD_DATE=2024-05-01 -t arg:1 . 2>&1 | grep -E '^#[0-9]+ \\[|CACHED'"
}

# 14: --squash: the legacy builder refuses it without experimental mode; BuildKit ignores it.
squash() {
  ctx squash <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
RUN echo a > /a
RUN echo b > /b
EOF
  run docker info --format "'Experimental: {{.ExperimentalBuild}}'"
  run DOCKER_BUILDKIT=0 docker build --squash -t sq:1 .
  run "docker build $P --squash -t sq:2 . 2>&1 | grep -i -E 'squash|warn'"
  run docker inspect --format "'{{len .RootFS.Layers}} layers'" sq:2
}

# 15 and names: push and pull move what is missing; rmi untags and deletes; digests.
registry() {
  ctx registry <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
RUN mkdir -p /srv && echo "shared assets" > /srv/assets.txt
COPY app.txt /srv/app.txt
CMD ["cat", "/srv/app.txt"]
=== app.txt
release one
EOF
  run docker build -q -t $REG/me/app:1 .
  run docker push $REG/me/app:1
  run "echo 'release two' > app.txt && docker build -q -t $REG/me/app:2 ."
  run docker push $REG/me/app:2
  run docker inspect --format "'Id={{.Id}}{{println}}RepoDigests={{.RepoDigests}}{{println}}Layers={{.RootFS.Layers}}'" $REG/me/app:2
  run docker images --digests --format "'{{.Repository}}:{{.Tag}} {{.Digest}} {{.ID}}'" $REG/me/app
  run docker rmi $REG/me/app:2
  run docker pull $REG/me/app:2
  run docker pull $REG/me/app:2
  run docker rmi $REG/me/app:2
  run "docker builder prune -af | tail -1"
  run docker pull $REG/me/app:2
  run "docker pull $REG/me/app@\$(docker inspect --format '{{index .RepoDigests 0}}' $REG/me/app:1 | cut -d@ -f2)"
  run docker images --digests $REG/me/app
}

# names: rmi of one of two tags, of the last tag, of an image a container uses.
rmi() {
  ctx rmi <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
RUN echo one > /one
EOF
  run docker build -q -t app:1 .
  run docker tag app:1 app:latest
  run docker rmi app:latest
  run docker create --name keeper app:1
  run docker rmi app:1
  run docker rm keeper
  run docker rmi app:1
  run docker inspect --format "'{{.Architecture}} {{.Os}}'" debian:bookworm-slim
}

# myths: FROM scratch adds no layer.
scratch() {
  ctx scratch <<'EOF'
=== Dockerfile
FROM scratch
COPY hello.txt /hello.txt
=== hello.txt
hello
EOF
  run docker build -q -t tiny:1 .
  run docker inspect --format "'{{len .RootFS.Layers}} layers'" tiny:1
  run docker history --format "'{{.CreatedBy}}\t{{.Size}}'" tiny:1
}

# 16: what apt installs by default.
apt-defaults() {
  CTX=$WORK
  run "docker run --rm debian:bookworm-slim apt-config dump | grep -E 'Install-(Recommends|Suggests)'"
}

# image stores: the same build as each store shows it.
stores() {
  ctx stores <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
RUN echo "hello" > /hello.txt
EOF
  run docker info --format "'{{.Driver}} {{.DriverStatus}}'"
  run docker build -q -t store:1 .
  run docker build -q -t store:1 .
  run docker images store:1
  run docker inspect --format "'{{.Id}} {{.RootFS.Layers}}'" store:1
  run docker history store:1
}

# names: tag vs image ID vs repo digest; a tag pushed again moves, a digest does not.
digests() {
  ctx digests <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
ARG VERSION=1
RUN echo "version $VERSION" > /version
CMD ["cat", "/version"]
EOF
  local app=$REG/names/app
  run docker build -q -t $app:1.0 .
  run docker images --digests --format "'{{.Repository}}:{{.Tag}} {{.Digest}} {{.ID}}'" $app
  run docker inspect --format "'Id={{.Id}} RepoDigests={{.RepoDigests}}'" $app:1.0
  run "docker push $app:1.0 | tail -1"
  run docker inspect --format "'Id={{.Id}} RepoDigests={{.RepoDigests}}'" $app:1.0
  run docker images --digests --format "'{{.Repository}}:{{.Tag}} {{.Digest}} {{.ID}}'" $app
  run "docker inspect --format '{{index .RepoDigests 0}}' $app:1.0 > pinned.txt; cat pinned.txt"
  run docker build -q --build-arg VERSION=2 -t $app:1.0 .
  run "docker push $app:1.0 | tail -1"
  run docker images --digests --format "'{{.Repository}}:{{.Tag}} {{.Digest}} {{.ID}}'" $app
  run docker images --digests --format "'{{.Repository}}:{{.Tag}} {{.Digest}} {{.ID}}'" --filter dangling=true
  run docker image prune -f
  run docker rmi $app:1.0
  run docker pull -q $app:1.0
  run docker run --rm $app:1.0
  run 'docker pull $(cat pinned.txt)'
  run docker images --digests $app
  run 'docker run --rm $(cat pinned.txt)'
  run 'docker tag $(cat pinned.txt) '$app:pinned
  run docker images --digests --format "'{{.Repository}}:{{.Tag}} {{.Digest}} {{.ID}}'" $app
  run docker pull $app@sha256:0000000000000000000000000000000000000000000000000000000000000000
}

# image stores: sizes and 0B rows as each store counts them.
store-sizes() {
  ctx store-sizes <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
RUN mkdir -p /srv/notes
ENV NOTES=/srv/notes
RUN echo "buy milk" > /srv/notes/todo.txt
EOF
  run docker build -q -t sizes:1 .
  run docker history --format "'{{.CreatedBy}}\t{{.Size}}'" sizes:1
  run docker images --format "'{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}'" sizes:1
  run docker image inspect --format "'{{.Id}} {{.Size}} {{len .RootFS.Layers}} layers'" sizes:1
  run docker tag sizes:1 sizes:again
  run docker images --format "'{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}'" sizes
  run "docker system df | head -2"
}

# 21: a rebuild that moves a tag, with BuildKit and the legacy builder, a container made from the
# old image, and `docker tag` moving a name: what `docker images -a` and `image prune` show then.
rebuild-tag() {
  ctx rebuild-tag <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
ARG VERSION=1
RUN echo "version $VERSION" > /version
EOF
  local list="docker images -a --format '{{.Repository}}:{{.Tag}} {{.ID}}' | grep -v -e bookworm-slim -e localhost/base"
  run docker build -q -t app:1 .
  run docker create --name keep app:1
  run docker build -q --build-arg VERSION=2 -t app:1 .
  run "$list"
  run docker images --filter dangling=true --format "'{{.Repository}}:{{.Tag}} {{.ID}}'"
  run docker ps -a --format "'{{.Names}} {{.Image}}'"
  run docker rm keep
  run "$list"
  run docker image prune -f
  run docker build -q --build-arg VERSION=3 -t app:1 .
  run "$list"
  run docker image prune -f
  run DOCKER_BUILDKIT=0 docker build -q -t old:1 .
  run DOCKER_BUILDKIT=0 docker build -q --build-arg VERSION=2 -t old:1 .
  run "$list"
  run docker images --filter dangling=true --format "'{{.Repository}}:{{.Tag}} {{.ID}}'"
  run docker image prune -f
  run "$list"
  run docker tag app:1 moved:1
  run docker tag old:1 moved:1
  run "$list"
  run docker image prune -f
  run "$list"
}

# 22: push progress: which IDs, in which order, for BuildKit (with and without provenance) and
# the legacy builder; each image's blobs by role, from docker save, to name them; then pulls of
# images whose layers are partly here. Needs an empty registry (a fresh one for this transcript).
blobs() { # blobs REF: every descriptor of the saved image, "role mediaType short-digest size"
  docker save "$1" -o "$WORK/saved.tar" && python3 - "$WORK/saved.tar" <<'PY'
import json, sys, tarfile
t = tarfile.open(sys.argv[1])
def read(d): return json.load(t.extractfile('blobs/sha256/' + d['digest'][7:]))
def walk(d, role, pad=''):
    print(pad + role, d['mediaType'], d['digest'][7:19], d['size'])
    mt = d['mediaType']
    if 'index' in mt or 'manifest.list' in mt:
        for m in read(d)['manifests']:
            kind = (m.get('annotations') or {}).get('vnd.docker.reference.type', 'image')
            walk(m, kind, pad + '  ')
    elif 'manifest' in mt:
        m = read(d)
        print(pad + '  config', m['config']['mediaType'], m['config']['digest'][7:19], m['config']['size'])
        for l in m['layers']:
            print(pad + '  layer', l['mediaType'], l['digest'][7:19], l['size'])
for d in json.load(t.extractfile('index.json'))['manifests']:
    walk(d, 'top')
PY
}
push-order() {
  ctx push-order <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
RUN echo one > /one
RUN echo two > /two
COPY app.txt /app.txt
=== app.txt
v1
EOF
  run docker build -q -t $REG/po/app:1 .
  run blobs $REG/po/app:1
  run docker push $REG/po/app:1
  run docker push $REG/po/app:1
  run docker tag $REG/po/app:1 $REG/po/copy:1
  run docker push $REG/po/copy:1
  run "echo v2 > app.txt && docker build -q -t $REG/po/app:2 ."
  run blobs $REG/po/app:2
  run docker push $REG/po/app:2
  run docker build -q --provenance=false -t $REG/po/plain:1 .
  run blobs $REG/po/plain:1
  run docker push $REG/po/plain:1
  run DOCKER_BUILDKIT=0 docker build -q -t $REG/po/legacy:1 .
  run blobs $REG/po/legacy:1
  run docker push $REG/po/legacy:1
  run docker rmi $REG/po/app:2
  run docker pull $REG/po/app:2
  run "docker builder prune -af | tail -1"
  run docker rmi $REG/po/plain:1
  run docker pull $REG/po/plain:1
  run docker rmi $REG/po/plain:1 $REG/po/legacy:1 $REG/po/app:1 $REG/po/copy:1 $REG/po/app:2
  run "docker builder prune -af | tail -1"
  run docker pull $REG/po/legacy:1
  run docker pull $REG/po/app:1
}

# 23: docker logs keeps stdout and stderr in the order the program wrote them.
logs-order() {
  ctx logs-order <<'EOF'
=== Dockerfile
FROM debian:bookworm-slim
EOF
  run docker run --name talk debian:bookworm-slim sh -c "'echo out1; sleep 0.2; echo err1 >&2; sleep 0.2; echo out2; sleep 0.2; echo err2 >&2'"
  run docker logs talk
  run "docker logs talk 2>/dev/null"
  run "docker logs talk >/dev/null"
  run docker logs --tail 2 talk
  run docker rm talk
}

for name in layer-sizes pull-local pull-after-from dockerignore opaque compressed writable commit retag legacy-history env-arg squash registry rmi scratch apt-defaults stores digests store-sizes rebuild-tag push-order logs-order; do
  record "$name"
done
clean
