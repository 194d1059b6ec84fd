#!/usr/bin/env bash
# Install Deckard's desktop entry, AppStream metainfo and icons under a prefix (default
# ~/.local), and the built bundle too when there is one, so Deckard shows up in the desktop's
# application menu. `--uninstall` removes exactly what this script installs.
#
#   packaging/install.sh [--prefix DIR] [--bundle DIR | --no-bundle] [--uninstall]
#
# DESTDIR is honoured the usual way (files go to $DESTDIR$PREFIX, paths inside them say $PREFIX).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
app_id=io.github.deckard.Deckard
prefix="${PREFIX:-$HOME/.local}"
bundle="$here/dist/deckard"
use_bundle=auto
action=install

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#*=}"; shift ;;
        --bundle) bundle="$2"; use_bundle=yes; shift 2 ;;
        --bundle=*) bundle="${1#*=}"; use_bundle=yes; shift ;;
        --no-bundle) use_bundle=no; shift ;;
        --uninstall) action=uninstall; shift ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

dest="${DESTDIR:-}$prefix"
sizes="16 22 24 32 48 64 128 256 512"
applications="$dest/share/applications"
metainfo="$dest/share/metainfo"
icons="$dest/share/icons/hicolor"

if [ "$use_bundle" = yes ] && [ ! -x "$bundle/deckard" ]; then
    echo "install.sh: no built app at $bundle (run packaging/build.sh first)" >&2
    exit 1
fi
if [ "$use_bundle" = auto ]; then
    if [ -x "$bundle/deckard" ]; then use_bundle=yes; else use_bundle=no; fi
fi

refresh_caches() {
    # Menus and icon themes pick up new files sooner with fresh caches; neither is required.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons/index.theme" ]; then
        gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
    fi
}

if [ "$action" = uninstall ]; then
    rm -f "$applications/$app_id.desktop" "$metainfo/$app_id.metainfo.xml" \
        "$icons/scalable/apps/$app_id.svg"
    for size in $sizes; do
        rm -f "$icons/${size}x${size}/apps/$app_id.png"
    done
    if [ -L "$dest/bin/deckard" ] && [ "$(readlink "$dest/bin/deckard")" = "$prefix/lib/deckard/deckard" ]; then
        rm -f "$dest/bin/deckard"
    fi
    rm -rf "$dest/lib/deckard"
    refresh_caches
    echo "Removed Deckard from $dest"
    exit 0
fi

install -d "$applications" "$metainfo" "$icons/scalable/apps"
install -m 644 "$root/app/resources/icons/deckard.svg" "$icons/scalable/apps/$app_id.svg"
for size in $sizes; do
    install -d "$icons/${size}x${size}/apps"
    install -m 644 "$root/app/resources/icons/deckard-$size.png" \
        "$icons/${size}x${size}/apps/$app_id.png"
done
install -m 644 "$here/$app_id.metainfo.xml" "$metainfo/$app_id.metainfo.xml"

if [ "$use_bundle" = yes ]; then
    rm -rf "$dest/lib/deckard"
    install -d "$dest/lib" "$dest/bin"
    cp -R "$bundle" "$dest/lib/deckard"
    ln -sfn "$prefix/lib/deckard/deckard" "$dest/bin/deckard"
    # The menu entry starts this copy even when $prefix/bin is not on the desktop's PATH.
    sed -e "s|^Exec=deckard|Exec=$prefix/bin/deckard|" -e "s|^TryExec=deckard|TryExec=$prefix/bin/deckard|" \
        "$here/deckard.desktop" >"$applications/$app_id.desktop"
    chmod 644 "$applications/$app_id.desktop"
else
    install -m 644 "$here/deckard.desktop" "$applications/$app_id.desktop"
fi

refresh_caches
echo "Installed Deckard under $dest"
if [ "$use_bundle" = yes ]; then
    echo "  app:      $dest/lib/deckard (command: $prefix/bin/deckard)"
else
    echo "  app:      not installed (no bundle); the menu entry runs 'deckard' from PATH"
fi
echo "  menu:     $applications/$app_id.desktop"
echo "  metainfo: $metainfo/$app_id.metainfo.xml"
echo "  icons:    $icons/{scalable,16x16..512x512}/apps/$app_id.*"
