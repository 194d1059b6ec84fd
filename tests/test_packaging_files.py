"""The files that put Deckard in a desktop's menu: desktop entry, AppStream metainfo, icons.

These are quick checks of the committed files and of packaging/install.sh; the PyInstaller build
itself is exercised by packaging/smoke_test.sh, never here.
"""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "app" / "resources" / "icons"
APP_ID = "io.github.deckard.Deckard"
DESKTOP = PACKAGING / "deckard.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# Keys of the Desktop Entry specification that this app may use.
KNOWN_DESKTOP_KEYS = {
    "Type", "Version", "Name", "GenericName", "Comment", "Exec", "TryExec", "Icon", "Terminal",
    "Categories", "Keywords", "StartupNotify", "StartupWMClass", "MimeType", "NoDisplay",
}  # fmt: skip


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_desktop_entry_launches_deckard_with_our_icon():
    entry = desktop_entry()
    assert {key.split("[")[0] for key in entry} <= KNOWN_DESKTOP_KEYS
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Deckard"
    assert entry["Exec"].split()[0] == "deckard"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert "Education" in entry["Categories"].split(";")
    for list_key in ("Categories", "Keywords", "Keywords[zh_CN]"):
        assert entry[list_key].endswith(";")
    # The UI ships in Simplified Chinese, so does its menu entry.
    assert entry["Comment[zh_CN]"] == "用你自己的笔记做间隔重复抽认卡"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_desktop_entry_passes_desktop_file_validate():
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_metainfo_names_the_desktop_file_icon_binary_and_current_version():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == f"{APP_ID}.desktop"
    assert root.findtext("icon") == desktop_entry()["Icon"]
    assert root.findtext("provides/binary") == desktop_entry()["Exec"].split()[0]
    assert root.find("releases/release").get("version") == __version__
    assert root.findtext("summary").strip()
    assert root.findall("description/p")


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream absent")
def test_metainfo_passes_appstreamcli_validate():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_svg_icon_is_square_and_qt_can_draw_it():
    root = ET.parse(ICONS / "deckard.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = (float(part) for part in root.get("viewBox").split())
    assert width == height

    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "deckard.svg"))
    assert renderer.isValid()


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_exists_at_every_size(size):
    assert png_size(ICONS / f"deckard-{size}.png") == (size, size)


def render_svg_icon(svg: Path, size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def mean_channel_difference(first, second) -> float:
    """Average difference per colour channel, 0-255, of two same-sized images."""
    second = second.convertToFormat(first.format())
    a, b = bytes(first.constBits()), bytes(second.constBits())
    assert len(a) == len(b)
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)


def test_png_icons_were_rendered_from_the_current_svg():
    """An SVG edited without re-running render_icons.py would give the menu a stale icon."""
    from PySide6.QtGui import QImage

    rendered = render_svg_icon(ICONS / "deckard.svg", 64)
    committed = QImage(str(ICONS / "deckard-64.png"))
    # Antialiasing may differ by a shade between Qt versions; a changed drawing differs far more.
    assert mean_channel_difference(rendered, committed) < 1


def test_windows_and_macos_icon_files_hold_every_size():
    ico = (ICONS / "deckard.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sides = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides

    icns = (ICONS / "deckard.icns").read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic09" in icns  # the 512-pixel entry macOS uses in the Dock and Finder


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_install_script_puts_menu_entry_and_icons_under_prefix_and_uninstall_removes_them(
    tmp_path,
):
    prefix = tmp_path / "prefix"
    script = str(PACKAGING / "install.sh")
    subprocess.run(
        ["bash", script, "--prefix", str(prefix), "--no-bundle"], check=True, capture_output=True
    )
    share = prefix / "share"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    assert desktop.read_text(encoding="utf-8") == DESKTOP.read_text(encoding="utf-8")
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    for size in PNG_SIZES:
        icon = share / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        assert png_size(icon) == (size, size)

    subprocess.run(
        ["bash", script, "--prefix", str(prefix), "--uninstall"], check=True, capture_output=True
    )
    # Only the shared caches that the desktop tools keep for the whole prefix may stay.
    left = [path for path in prefix.rglob("*") if path.is_file() and "cache" not in path.name]
    assert left == []


def test_install_script_refuses_a_missing_bundle(tmp_path):
    result = subprocess.run(
        ["bash", str(PACKAGING / "install.sh"), "--prefix", str(tmp_path), "--bundle", "nowhere"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "no built app at nowhere" in result.stderr
    assert not (tmp_path / "share").exists()
