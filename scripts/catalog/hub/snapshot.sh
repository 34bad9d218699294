#!/usr/bin/env bash
# Writes library.tsv from a checkout of github.com/docker-library/official-images: one line per
# image entry of every library/* file, "REPO<TAB>TAGS<TAB>SHAREDTAGS" (comma-separated, as the
# file lists them). The catalog takes its tag aliases from it and the lab tells from it whether a
# name it does not have is real on Docker Hub.
# Usage: scripts/catalog/hub/snapshot.sh /path/to/official-images   (a git work tree or bare repo)
set -euo pipefail
src=${1:?usage: snapshot.sh OFFICIAL_IMAGES_REPO}
here=$(cd "$(dirname "$0")" && pwd)
show() { git -C "$src" show "HEAD:$1"; }
{
  printf '# docker-library/official-images %s (%s)\n' \
    "$(git -C "$src" rev-parse HEAD)" "$(git -C "$src" log -1 --format=%cs)"
  for f in $(git -C "$src" ls-tree --name-only HEAD library/); do
    repo=${f#library/}
    show "$f" | awk -v repo="$repo" '
      function flush() { if (tags != "") print repo "\t" tags "\t" shared; tags = ""; shared = "" }
      /^Tags:/ { flush(); sub(/^Tags: */, ""); gsub(/ /, ""); tags = $0; next }
      /^SharedTags:/ { sub(/^SharedTags: */, ""); gsub(/ /, ""); shared = $0; next }
      /^$/ { flush() }
      END { flush() }'
  done
} >"$here/library.tsv"
wc -l "$here/library.tsv"
