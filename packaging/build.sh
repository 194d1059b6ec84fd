#!/usr/bin/env bash
# Build the one-folder app with PyInstaller into packaging/dist/deckard and print how long the
# build took and how big the bundle is. Needs the packaging extra: pip install '.[packaging]'.
set -euo pipefail
cd "$(dirname "$0")/.."

dist=packaging/dist
work=packaging/build
rm -rf "$work" "$dist/deckard"
start=$(date +%s%N)
python3 -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$dist" --workpath "$work" packaging/deckard.spec
end=$(date +%s%N)

bundle="$dist/deckard"
elapsed_ds=$(((end - start) / 100000000))
size_kb=$(du -sk "$bundle" | cut -f1)
files=$(find "$bundle" -type f | wc -l)
echo "Build time: $((elapsed_ds / 10)).$((elapsed_ds % 10)) s"
echo "Bundle: $bundle ($((size_kb / 1024)) MB, $files files)"
