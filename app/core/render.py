"""Card Markdown to HTML, shared by the review screen, the editor preview and the Anki export.

Code is highlighted by Pygments with inline styles (`noclasses`), so the same HTML looks right in
Qt's rich-text widgets and in Anki with no stylesheet or add-on. Rendering is cached because the
review screen renders the same card twice (question, then answer) and the browser re-renders on
every keystroke.
"""

from __future__ import annotations

from functools import lru_cache

import markdown

_EXTENSIONS = ["fenced_code", "tables", "sane_lists", "nl2br", "codehilite"]

LIGHT_CODE_STYLE = "friendly"
DARK_CODE_STYLE = "monokai"


def _converter(dark: bool) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=_EXTENSIONS,
        extension_configs={
            "codehilite": {
                "noclasses": True,
                "guess_lang": False,
                "pygments_style": DARK_CODE_STYLE if dark else LIGHT_CODE_STYLE,
            }
        },
        output_format="html",
    )


_converters: dict[bool, markdown.Markdown] = {}


@lru_cache(maxsize=512)
def render_markdown(text: str, dark: bool = False) -> str:
    """Return the HTML fragment for a card side written in Markdown."""
    converter = _converters.get(dark)
    if converter is None:
        converter = _converters[dark] = _converter(dark)
    html = converter.reset().convert(text)
    return html
