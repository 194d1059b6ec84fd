"""A card's fields as an Anki note holds them: HTML from Markdown, tags, sort field, media.

`render_side` is `render_markdown` with a shortcut for the simple one-line sides most cards
have; the other helpers compute what Anki stores beside the fields (space-separated tags, the
plain-text sort field and its checksum) and which media files a field's HTML loads.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from collections.abc import Iterable, Iterator

from app.core.render import render_markdown

_SRC_RE = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]*>")
_WHITESPACE_RE = re.compile(r"\s+")

# An ASCII character Markdown or HTML gives a meaning to (anything but letters, digits and
# the punctuation listed); other characters (CJK, accents, full-width punctuation) are inert.
_MEANINGFUL_ASCII = re.compile(r"[^A-Za-z0-9 ,.?;()'\"%$:/@\-\x80-\U0010FFFF]")
_INLINE_TOKEN = re.compile(
    r"\*\*(?P<strong>[^*`\s](?:[^*`\n]*[^*`\s])?)\*\*"
    r"|`(?P<code>[^`\s](?:[^`\n]*[^`\s])?)`"
    r"|(?P<plain>[^*`]+)"
)


def _inert(text: str) -> bool:
    # isprintable() is False for every blank but the plain space (tabs, no-break spaces...).
    return text.isprintable() and _MEANINGFUL_ASCII.search(text) is None


def simple_html(text: str) -> str | None:
    """The HTML Markdown gives one simple line, or None when the line is not that simple.

    Simple: one line without surrounding blanks, starting with a letter, `**` or a backtick
    (so it cannot be a heading, list or quote), made of text whose ASCII characters have no
    Markdown or HTML meaning, `**strong**` spans of such text and single-backtick code spans.
    """
    if not text or text != text.strip() or "\n" in text or "``" in text:
        return None
    if not (text[0].isalpha() or text[0] in "*`"):
        return None
    if "*" not in text and "`" not in text:
        # Plain text is one token of the loop below; most sides are, so skip the loop.
        return f"<p>{text}</p>" if _inert(text) else None
    out = []
    position = 0
    for match in _INLINE_TOKEN.finditer(text):
        if match.start() != position:
            return None
        position = match.end()
        strong, code, plain = match.group("strong", "code", "plain")
        if strong is not None and _inert(strong):
            out.append(f"<strong>{strong}</strong>")
        # No "&" in code: Markdown rewrites entity-like text there (`&#1` gives "&amp;#1;").
        elif code is not None and code.isprintable() and "&" not in code:
            out.append(f"<code>{html.escape(code, quote=False)}</code>")
        elif plain is not None and _inert(plain):
            out.append(plain)
        else:
            return None
    if position != len(text):
        return None
    return f"<p>{''.join(out)}</p>"


def render_side(text: str) -> str:
    """A card side as HTML, exactly as `render_markdown` gives it.

    Simple lines skip Markdown: on a large export most sides are simple, and rendering is most
    of the time taken. Tests check the shortcut against `render_markdown` itself.
    """
    simple = simple_html(text)
    return simple if simple is not None else render_markdown(text)


def anki_tags(tags: Iterable[str]) -> str:
    """Tags as Anki stores them: space separated, with a leading and a trailing space."""
    # Anki separates tags by spaces, so a space inside a tag would split it in two.
    cleaned = [_WHITESPACE_RE.sub("_", tag.strip()) for tag in tags if tag.strip()]
    return f" {' '.join(cleaned)} " if cleaned else ""


def sort_field(field_html: str) -> str:
    """The plain text Anki sorts and searches a note by (its first field without markup)."""
    return html.unescape(_TAG_RE.sub("", field_html)).strip()


def checksum(sort_text: str) -> int:
    """Anki's note checksum: the first 8 hex digits of the sort field's SHA-1."""
    return int(hashlib.sha1(sort_text.encode("utf-8")).hexdigest()[:8], 16)


def media_references(field_html: str) -> Iterator[str]:
    """The file names a card's HTML loads with `src="..."` (remote URLs excluded)."""
    for match in _SRC_RE.finditer(field_html):
        name = html.unescape(match.group(1) if match.group(1) is not None else match.group(2))
        if name and "://" not in name and not name.startswith("data:"):
            yield name


def is_plain_name(name: str) -> bool:
    """True for a media name Anki accepts: one plain path component."""
    return (
        name not in ("", ".", "..")
        and "/" not in name
        and "\\" not in name
        and "\x00" not in name
        and not os.path.isabs(name)
    )
