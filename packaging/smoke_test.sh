#!/usr/bin/env bash
# Smoke test of the installable app: build the bundle, then run it the way a user's machine
# would (another directory, a clean environment, a new collection) and check that it opens the
# built-in deck, reviews a card in the real main window and exits cleanly.
#
#   packaging/smoke_test.sh [--no-build]     (--no-build reuses packaging/dist/deckard)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
started=$(date +%s)

if [ "${1:-}" != "--no-build" ]; then
    bash packaging/build.sh
fi
bundle="$root/packaging/dist/deckard"
if [ ! -x "$bundle/deckard" ]; then
    echo "smoke test FAILED: no bundle at $bundle" >&2
    exit 1
fi
echo "Bundle size: $(du -sk "$bundle" | awk '{printf "%.1f MB", $1 / 1024}')"

echo "== bundle contents"
internal="$bundle/_internal"
for wanted in \
    app/builtin_decks/docker/docker.deck.md \
    app/resources/i18n/deckard_zh_CN.qm \
    app/resources/icons/deckard.svg \
    PySide6/Qt/translations/qtbase_zh_CN.qm \
    PySide6/Qt/plugins/platforms/libqxcb.so \
    PySide6/Qt/plugins/platforms/libqoffscreen.so \
    PySide6/Qt/plugins/imageformats/libqsvg.so \
    PySide6/Qt/plugins/iconengines/libqsvgicon.so; do
    if [ ! -f "$internal/$wanted" ]; then
        echo "smoke test FAILED: the bundle lacks $wanted" >&2
        exit 1
    fi
done
echo "built-in deck, translations, icons and Qt plugins present"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
collection="$work/collection.deckard"
# Run a copy outside the repository: the app must not depend on where it was built.
cp -R "$bundle" "$work/app"
bundle="$work/app"

# No Python, source tree or user settings reachable: only the bundle and the system's libraries.
run_bundle() {
    (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 \
        DECKARD_COLLECTION="$collection" "$@")
}

fail() {
    echo "smoke test FAILED: $*" >&2
    exit 1
}

echo "== deckard --version"
run_bundle "$bundle/deckard" --version || fail "--version exited $?"

echo "== deckard --self-test (offscreen, new collection)"
if ! output=$(run_bundle QT_QPA_PLATFORM=offscreen timeout 120 "$bundle/deckard" --self-test 2>&1); then
    echo "$output" >&2
    fail "--self-test did not exit 0"
fi
echo "$output"
grep -q "self-test ok" <<<"$output" || fail "--self-test printed no success line"
[ -f "$collection" ] || fail "no collection was created at $collection"

echo "== deckard decks --json (same collection)"
decks_json=$(run_bundle "$bundle/deckard" decks --json) || fail "decks --json exited $?"
echo "$decks_json"
# The built-in deck is the Docker deck (possibly with sub-decks); it must hold cards.
docker_cards=$(python3 -c '
import json, sys
rows = json.loads(sys.argv[1])
print(sum(row["total"] for row in rows if row["deck"].split("::")[0] == "Docker"))
' "$decks_json")
[ "$docker_cards" -gt 0 ] || fail "the built-in Docker deck has no cards"
echo "Built-in Docker deck: $docker_cards cards"

# The desktop platform plugin too, on a virtual X screen, where this machine can run one.
qxcb="$bundle/_internal/PySide6/Qt/plugins/platforms/libqxcb.so"
if command -v xvfb-run >/dev/null 2>&1 && [ -f "$qxcb" ] && ! ldd "$qxcb" | grep -q "not found"; then
    echo "== deckard --self-test (xcb, on Xvfb)"
    xvfb="$(command -v xvfb-run)"
    if ! output=$(run_bundle timeout 120 "$xvfb" -a "$bundle/deckard" --self-test 2>&1); then
        echo "$output" >&2
        fail "--self-test on X11 did not exit 0"
    fi
    grep -q "self-test ok" <<<"$output" || fail "--self-test on X11 printed no success line"
    echo "$output" | grep "self-test ok"
else
    echo "== X11 check skipped (no xvfb-run, or this machine lacks the X11 libraries Qt needs)"
fi

echo "Smoke test passed in $(($(date +%s) - started)) s"
