"""The card as the learner sees it: Markdown rendered to HTML in a QTextBrowser.

Images may only come from the collection's media folder: `loadResource` refuses remote URLs,
absolute paths and any name that would climb out of the folder (`../`, symlinks pointing
elsewhere), so a card imported from someone else's deck cannot read other files or phone home.
Links open in the system browser only when the learner clicks them.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QImage, QTextDocument
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from app.gui.settings import DEFAULT_FONT_SIZE
from app.gui.theme import CARD_FONT_FAMILIES, CODE_FONT_FAMILIES, card_colours

_TABLE_TAG = re.compile(r"<table>")
# Qt's rich text ignores padding on <div> and the `background:` shorthand Pygments writes, so a
# highlighted block becomes a one-cell table, which Qt pads and fills properly.
_CODE_BLOCK = re.compile(
    r'<div class="codehilite" style="background: (#[0-9a-fA-F]{3,8})">(.*?)\n?</code></pre></div>',
    re.DOTALL,
)
# Qt cannot pad an inline <code>, so where it meets Chinese or Japanese text its shaded box
# would touch the neighbouring character; a thin space outside the box separates them.
_CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_CODE_AFTER_CJK = re.compile(f"(?<=[{_CJK}])<code>")
_CODE_BEFORE_CJK = re.compile(f"</code>(?=[{_CJK}])")
MIN_CODE_SIZE = 8
_LINK_SCHEMES = {"http", "https", "mailto"}


def media_path(media_dir: Path, name: str) -> Path | None:
    """The file `name` refers to inside `media_dir`, or None if it would leave the folder."""
    if not name or "\\" in name or "\x00" in name:
        return None
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts:
        return None
    root = media_dir.resolve()
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def card_html(question: str, answer: str | None, *, dark: bool) -> str:
    """The HTML for one side (answer None) or both sides of a card, separated by a rule."""
    # Imported here: Markdown and Pygments are not needed to show the deck list at start-up.
    from app.core.render import render_markdown

    parts = [f'<div class="question">{render_markdown(question, dark)}</div>']
    if answer is not None:
        parts.append('<hr/><a name="answer"></a>')
        parts.append(f'<div class="answer">{render_markdown(answer, dark)}</div>')
    html = "".join(parts)
    html = _TABLE_TAG.sub('<table border="1" cellspacing="0" cellpadding="6">', html)
    html = _CODE_BEFORE_CJK.sub("</code>&#8201;", _CODE_AFTER_CJK.sub("&#8201;<code>", html))
    return _CODE_BLOCK.sub(
        r'<table width="100%" cellspacing="0" cellpadding="10" bgcolor="\1" class="code">'
        r"<tr><td>\2</code></pre></td></tr></table>",
        html,
    )


class CardView(QTextBrowser):
    """Read-only view of a card's question and, once shown, its answer."""

    resource_refused = Signal(str)

    def __init__(self, media_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.media_dir = media_dir
        self._dark = False
        self._font_size = DEFAULT_FONT_SIZE
        self._question = ""
        self._answer: str | None = None
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The review widget owns the keyboard; the view only scrolls and lets the mouse select.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.anchorClicked.connect(self._open_link)
        self.document().setDocumentMargin(28)
        self._apply_style()

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        self._apply_style()
        self._refresh()

    def set_font_size(self, points: int) -> None:
        self._font_size = points
        self._apply_style()
        self._refresh()

    def font_size(self) -> int:
        return self._font_size

    def show_card(self, question: str, answer: str | None = None) -> None:
        """Show the question, and the answer under it when given."""
        self._question, self._answer = question, answer
        self._refresh()

    def clear_card(self) -> None:
        self._question, self._answer = "", None
        self.clear()

    def _refresh(self) -> None:
        if not self._question and self._answer is None:
            return
        self.setHtml(card_html(self._question, self._answer, dark=self._dark))
        if self._answer is not None:
            self.scrollToAnchor("answer")

    def _apply_style(self) -> None:
        colours = card_colours(self._dark)
        font = QFont()
        font.setFamilies(CARD_FONT_FAMILIES)
        font.setPointSize(self._font_size)
        self.document().setDefaultFont(font)
        code = ", ".join(f"'{family}'" for family in CODE_FONT_FAMILIES)
        code_size = max(MIN_CODE_SIZE, round(self._font_size * 0.82))
        self.document().setDefaultStyleSheet(
            f"body {{ color: {colours.text}; }}"
            f"a {{ color: {colours.link}; }}"
            f"hr {{ color: {colours.rule}; background-color: {colours.rule}; height: 1px; }}"
            f"pre, code {{ font-family: {code}; font-size: {code_size}pt; }}"
            f"code {{ background-color: {colours.inline_code}; }}"
            f"table.code code {{ background-color: transparent; }}"
            f"pre {{ margin: 0px; }}"
            f"table.code {{ margin-top: 8px; margin-bottom: 8px; }}"
            f"th {{ background-color: {colours.code_background}; }}"
            f"table {{ border-color: {colours.rule}; margin-top: 6px; margin-bottom: 6px; }}"
        )
        self.setStyleSheet(
            f"QTextBrowser {{ background-color: {colours.background}; color: {colours.text}; }}"
        )

    def loadResource(self, kind: int, url: QUrl):
        """Serve images from the media folder only; everything else loads nothing."""
        path = None
        if int(kind) == QTextDocument.ResourceType.ImageResource.value and not url.scheme():
            # The path alone: a relative URL has nothing else, and FullyDecoded is only
            # allowed on single components (on the whole URL Qt prints a warning).
            name = url.path(QUrl.ComponentFormattingOption.FullyDecoded)
            path = media_path(self.media_dir, name)
        if path is None:
            self.resource_refused.emit(url.toString())
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        # Decoded here from the bytes, so the format comes from the content, not the name
        # (Anki media often carries a wrong extension). Qt's image cache needs a QImage:
        # raw bytes returned from Python are not taken as an image.
        image = QImage.fromData(data)
        if image.isNull():
            return None
        # Qt's rich text has no max-width: a photo wider than the card is scaled down to fit.
        room = max(200, self.viewport().width() - 2 * int(self.document().documentMargin()))
        if image.width() > room:
            image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
        return image

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in _LINK_SCHEMES:
            QDesktopServices.openUrl(url)
