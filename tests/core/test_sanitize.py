"""Untrusted card HTML: formatting and local media stay, anything that runs or loads goes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.sanitize import sanitize_html, sanitize_markdown


@pytest.mark.parametrize(
    "kept",
    [
        "plain text",
        "der <b>Hund</b> <i>x</i> <u>y</u><br><div>z</div>",
        '<img src="dog.png" alt="a dog" width="40">',
        '<span style="color: red; font-weight: bold">red</span>',
        '<a href="https://en.wikipedia.org/wiki/Dog">wiki</a>',
        '<table class="t"><tr><td>1</td></tr></table>',
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
        "<style>.card { color: red }</style>",
        '<audio src="bark.mp3" controls></audio>',
        "a &amp; b &lt;tag&gt;",
    ],
)
def test_formatting_and_local_media_are_kept(kept):
    assert sanitize_html(kept) == kept


@pytest.mark.parametrize(
    ("hostile", "safe"),
    [
        ("<script>alert(1)</script>after", "after"),
        ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>ok", "ok"),
        ('<img src="a.png" onerror="alert(1)">', '<img src="a.png">'),
        ("<body onload=alert(1)>x", "<body>x"),
        ('<img src="https://tracker.example/p.gif">', "<img>"),
        ('<img src="//tracker.example/p.gif">', "<img>"),
        ('<img src="file:///etc/passwd">', "<img>"),
        ('<img src="../../secret.png">', "<img>"),
        ('<img src="/etc/passwd">', "<img>"),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="jav&#x09;ascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href=" JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="data:text/html,<script>x</script>">x</a>', "<a>x</a>"),
        ('<iframe src="https://evil.example"><b>inside</b></iframe>out', "out"),
        ('<object data="x.swf"></object><embed src="x.swf">ok', "ok"),
        ('<link rel="stylesheet" href="https://evil.example/x.css">ok', "ok"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example">ok', "ok"),
        ('<base href="https://evil.example/">ok', "ok"),
        ("<style>@import url(https://evil.example/x.css);</style>ok", "ok"),
        ("<style>body { background: url('https://evil.example/x.png') }</style>ok", "ok"),
        ('<div style="background:url(https://evil.example/x.png)">t</div>', "<div>t</div>"),
        ('<div style="width: expression(alert(1))">t</div>', "<div>t</div>"),
        ('<img srcset="a.png 1x, https://evil.example/b.png 2x">', "<img>"),
        ('<svg><use href="https://evil.example/s.svg#a"/></svg>', "<svg><use /></svg>"),
        ('<svg onload="alert(1)"><circle r="1"/></svg>', '<svg><circle r="1"/></svg>'),
        (
            '<video poster="https://evil.example/p.png" src="v.mp4"></video>',
            '<video src="v.mp4"></video>',
        ),
        ("<!-- <script>alert(1)</script> -->ok", "ok"),
        ("<scr<script>ipt>alert(1)</script>", "&lt;scr&lt;script>ipt>alert(1)"),
        ("<img src=x onerror=alert(1)//", "&lt;img src=x onerror=alert(1)//"),
    ],
)
def test_what_runs_or_loads_is_removed(hostile, safe):
    assert sanitize_html(hostile) == safe


def test_nested_dropped_elements_do_not_leak_content():
    assert sanitize_html("<iframe><iframe>x</iframe>still hidden</iframe>shown") == "shown"


def test_markdown_code_is_left_literal_and_remote_images_become_links():
    text = (
        "Use `<script>` tags\n\n```html\n<iframe src=x></iframe>\n```\n"
        "![chart](https://evil.example/c.png) ![local](c.png)<script>x</script>"
    )
    assert sanitize_markdown(text) == (
        "Use `<script>` tags\n\n```html\n<iframe src=x></iframe>\n```\n"
        "[chart](https://evil.example/c.png) ![local](c.png)"
    )


PIECES = ["a", " ", "<", ">", "/", '"', "<b>", "</b>", "<br/>", '<img src="a.png">',
          '<img src="..">', '<div class="x y">', "<span ", "<script>", "<b <i>", "<HR>",
          "<img src=x onerror=y>"]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_only_text_with_nothing_but_plain_tags_skips_the_parser(text):
    from app.core.sanitize import _PLAIN_TAG, _only_plain_tags

    assert _only_plain_tags(text) == ("<" not in _PLAIN_TAG.sub("", text))
    # The definition: each "<" up to the first ">" after it is one whole plain tag.
    tags = re.findall(r"<[^>]*>?", text)
    assert _only_plain_tags(text) == all(_PLAIN_TAG.fullmatch(tag) for tag in tags)
    if _only_plain_tags(text):  # returned as it is: nothing in it may run
        assert "onerror" not in text and "<script" not in text
