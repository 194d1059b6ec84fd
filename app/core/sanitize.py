"""Making HTML from untrusted sources safe to show: no scripts, no event handlers, no remote loads.

Imported cards (Anki packages, CSV files from the web) carry HTML that the review screen renders.
`sanitize_html` keeps everything that only formats (tags, classes, inline styles, tables, local
media) and removes what could run code or fetch something from the network: script, iframe,
object and similar elements, `on*` attributes, `javascript:` and other non-local URLs in anything
that loads (`src`, a stylesheet's `url(...)`), and paths that climb out of the media folder.
Links (`<a href="https://...">`) stay: following one is the user's choice, not a load.

Text is re-emitted unchanged apart from `&` and `<` being escaped, so the result is also valid
Markdown source: Markdown cards can go through the same function (`sanitize_markdown` leaves code
spans and fenced code alone, since Markdown shows those literally).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Elements removed together with everything inside them.
_DROP_WITH_CONTENT = frozenset(
    {"script", "iframe", "object", "applet", "frameset", "noscript", "template", "noembed"}
)
# Elements removed, their content kept (or void elements with no content).
_DROP_TAG = frozenset({"base", "meta", "link", "form", "portal", "param", "embed", "frame"})
# Attributes that make the browser load what they name.
_LOAD_ATTRS = frozenset(
    {
        "src",
        "lowsrc",
        "dynsrc",
        "poster",
        "background",
        "data",
        "codebase",
        "archive",
        "manifest",
        "longdesc",
        "usemap",
        "xlink:href",
        "srcset",
        "imagesrcset",
    }
)
# Attributes that navigate or submit when used: only safe schemes are kept.
_LINK_ATTRS = frozenset({"href", "action", "formaction", "cite", "ping"})
_DROP_ATTRS = frozenset({"srcdoc", "http-equiv"})
_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_TAG_NAME = re.compile(r"^[a-z][a-z0-9-]*(?::[a-z][a-z0-9-]*)?$")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_CSS_DANGER = re.compile(r"@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding", re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# Fast path: text whose only markup is tags of these kinds, with no attributes or only a class,
# or an image with a plain file name, is already safe.
_PLAIN_TAG_NAMES = (
    "b i u s em strong br div p span sub sup ul ol li hr code pre small big table tr td th"
    " tbody thead blockquote h1 h2 h3 h4 h5 h6"
)


def _name_trie(names: list[str]) -> str:
    """A pattern matching exactly `names`, branching on one letter at a time: the regex engine
    tries a plain list of alternatives one after the other at every "<"."""
    branches: dict[str, list[str]] = {}
    for name in sorted(names):
        branches.setdefault(name[0], []).append(name[1:])
    parts = []
    for first, rests in branches.items():
        longer = [rest for rest in rests if rest]
        if len(rests) == 1:
            parts.append(re.escape(first + rests[0]))  # one name: no branching on its letters
        elif not longer:
            parts.append(re.escape(first))
        else:
            optional = "?" if len(longer) < len(rests) else ""
            parts.append(f"{re.escape(first)}(?:{_name_trie(longer)}){optional}")
    return "|".join(parts)


_PLAIN_TAG_BODY = (
    rf"/?(?:{_name_trie(_PLAIN_TAG_NAMES.split())})(?:\s+class=\"[\w -]*\")?\s*/?>"
    r"|img\s+src=\"(?!\.\.?\")[\w .-]+\"\s*/?>"
)
_PLAIN_TAG = re.compile(rf"<(?:{_PLAIN_TAG_BODY})", re.IGNORECASE)
# A "<" that does not start a _PLAIN_TAG. No plain tag holds a ">" before its end, so text is
# plain exactly when every "<" up to the first ">" after it is a plain tag: when there is none.
_NOT_PLAIN = re.compile(rf"<(?!{_PLAIN_TAG_BODY})", re.IGNORECASE)


def _is_local(url: str) -> bool:
    """A reference into the media folder: relative, no scheme, no host, no `..` step."""
    compact = _CONTROL.sub("", url)
    if not compact:
        return True
    if compact.startswith(("/", "\\")):
        return False
    parts = urlsplit(compact)
    if parts.scheme or parts.netloc:
        return False
    steps = re.split(r"[/\\]", parts.path)
    return ".." not in steps and not any(step.endswith(":") for step in steps[:1])


def _is_safe_link(url: str) -> bool:
    compact = _CONTROL.sub("", url)
    if compact.startswith("#") or not compact:
        return True
    scheme = urlsplit(compact).scheme.lower()
    if scheme:
        return scheme in _LINK_SCHEMES
    return _is_local(compact)


def _is_safe_load(url: str) -> bool:
    compact = _CONTROL.sub("", url)
    if compact.lower().startswith("data:image/") and "svg" not in compact[:20].lower():
        return True
    return _is_local(compact)


def _is_safe_srcset(value: str) -> bool:
    return all(_is_safe_load(part.strip().split(" ")[0]) for part in value.split(",") if part)


def _is_safe_css(css: str) -> bool:
    css = _CSS_COMMENT.sub("", html.unescape(css))
    if _CSS_DANGER.search(css):
        return False
    return all(_is_safe_load(match.group(2)) for match in _CSS_URL.finditer(css))


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropping: list[str] = []
        self.style_text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self.get_starttag_text() or "", closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self.get_starttag_text() or "", closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], raw: str, closed: bool) -> None:
        if self.dropping:
            if tag in _DROP_WITH_CONTENT and not closed:
                self.dropping.append(tag)
            return
        if tag in _DROP_WITH_CONTENT:
            if not closed:
                self.dropping.append(tag)
            return
        if tag in _DROP_TAG:
            return
        if not _TAG_NAME.match(tag):
            # Not a tag a browser would build (`<scr<script>`): show it as the text it is.
            self.out.append(raw.replace("&", "&amp;").replace("<", "&lt;"))
            return
        if tag == "style":
            if not closed:
                self.style_text = []
            return
        kept = [(name, value) for name, value in attrs if _safe_attribute(tag, name, value)]
        if len(kept) == len(attrs):
            self.out.append(raw)
            return
        rebuilt = "".join(
            f" {name}" if value is None else f' {name}="{html.escape(value, quote=True)}"'
            for name, value in kept
        )
        self.out.append(f"<{tag}{rebuilt}{' /' if closed else ''}>")

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag in _DROP_WITH_CONTENT or tag in _DROP_TAG:
            return
        if not _TAG_NAME.match(tag):
            self.out.append(f"&lt;/{tag}>")
            return
        if tag == "style":
            if self.style_text is not None:
                css = "".join(self.style_text)
                self.style_text = None
                if _is_safe_css(css):
                    self.out.append(f"<style>{css}</style>")
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        if self.style_text is not None:
            self.style_text.append(data)
            return
        self.out.append(data.replace("&", "&amp;").replace("<", "&lt;"))

    # Comments, declarations and processing instructions carry nothing a card needs.
    def handle_comment(self, data: str) -> None:
        return

    def handle_decl(self, decl: str) -> None:
        return

    def handle_pi(self, data: str) -> None:
        return

    def unknown_decl(self, data: str) -> None:
        return


def _safe_attribute(tag: str, name: str, value: str | None) -> bool:
    if name.startswith("on") or name in _DROP_ATTRS:
        return False
    if value is None:
        return True
    if name == "style":
        return _is_safe_css(value)
    if name in ("srcset", "imagesrcset"):
        return _is_safe_srcset(value)
    if name in _LOAD_ATTRS:
        return _is_safe_load(value)
    if name in _LINK_ATTRS or name.endswith(":href"):
        # `href` loads on these elements rather than navigating.
        if tag in ("image", "use", "feimage", "script", "link"):
            return _is_safe_load(value)
        return _is_safe_link(value)
    return True


def sanitize_html(text: str) -> str:
    """Return `text` with scripts, event handlers and remote loads removed."""
    if "<" not in text:
        return text
    if _only_plain_tags(text):
        return text
    parser = _Sanitizer()
    parser.feed(text)
    parser.close()
    if parser.style_text is not None:
        # An unterminated <style> is dropped: its end is unknowable.
        parser.style_text = None
    return "".join(parser.out)


def _only_plain_tags(text: str) -> bool:
    return _NOT_PLAIN.search(text) is None


_CODE = re.compile(
    r"(^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\2[ \t]*$|\Z)|(`+)[^`]*?\3)", re.M | re.S
)
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)")


def sanitize_markdown(text: str) -> str:
    """`sanitize_html` for Markdown source: code stays literal and remote images become links."""
    pieces = []
    last = 0
    for match in _CODE.finditer(text):
        pieces.append(_sanitize_prose(text[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_sanitize_prose(text[last:]))
    return "".join(pieces)


def _sanitize_prose(text: str) -> str:
    text = _MD_IMAGE.sub(
        lambda m: m.group(0) if _is_safe_load(m.group(2)) else m.group(0)[1:], text
    )
    return sanitize_html(text)
