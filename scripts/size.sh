#!/usr/bin/env bash
# Prints the shipped size of a built bundle (wasm + JS glue): raw, gzip -9, brotli -q 11.
# Usage: scripts/size.sh [DIR]   (default dist/extension, the production extension)
set -euo pipefail
dir=${1:-dist/extension}
shopt -s nullglob
files=("$dir"/*.wasm "$dir"/*.js)
((${#files[@]})) || { echo "size: no .wasm/.js in $dir: build it first (see README)" >&2; exit 1; }
printf '%-40s %10s %10s %10s\n' file raw gzip brotli
tr=0 tg=0 tb=0
for f in "${files[@]}"; do
  r=$(stat -c %s "$f"); g=$(gzip -9c "$f" | wc -c); b=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-40s %10d %10d %10d\n' "$(basename "$f")" "$r" "$g" "$b"
  tr=$((tr + r)) tg=$((tg + g)) tb=$((tb + b))
done
printf '%-40s %10d %10d %10d\n' "total (wasm + glue)" "$tr" "$tg" "$tb"
