"""Render the app icon's PNG sizes, and the Windows and macOS icon files, from deckard.svg.

Run from the repository root after editing app/resources/icons/deckard.svg:
`python packaging/render_icons.py`. The outputs are committed, so building or installing never
needs an SVG renderer. The .ico and .icns files simply wrap the PNGs (both formats accept PNG
entries), which keeps them byte-for-byte the same drawings as the Linux icons.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent.parent / "app" / "resources" / "icons"
SVG_PATH = ICON_DIR / "deckard.svg"
# The hicolor theme's usual sizes, from menu icons up to a store listing.
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS icon types that hold PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def png_path(size: int) -> Path:
    """Where the PNG of one size lives."""
    return ICON_DIR / f"deckard-{size}.png"


def render_all() -> list[Path]:
    """Render every size with Qt's SVG renderer and return the written paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG_PATH))
    if not renderer.isValid():
        raise SystemExit(f"{SVG_PATH}: not a valid SVG")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = png_path(size)
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"{path}: could not write")
        written.append(path)
    del app
    written.append(write_ico(ICON_DIR / "deckard.ico"))
    written.append(write_icns(ICON_DIR / "deckard.icns"))
    return written


def write_ico(path: Path) -> Path:
    """A Windows .ico holding one PNG entry per size (the layout Windows Vista and later read)."""
    images = [png_path(size).read_bytes() for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(ICO_SIZES, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    path.write_bytes(header + entries + b"".join(images))
    return path


def write_icns(path: Path) -> Path:
    """A macOS .icns holding one PNG entry per size."""
    body = b""
    for size, kind in ICNS_TYPES.items():
        data = png_path(size).read_bytes()
        body += kind + struct.pack(">I", 8 + len(data)) + data
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return path


if __name__ == "__main__":
    for path in render_all():
        print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
