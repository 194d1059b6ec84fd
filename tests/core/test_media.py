"""Media names from packages must be single plain file names."""

from __future__ import annotations

import pytest

from app.core.errors import InputError
from app.core.media import check_media_name


@pytest.mark.parametrize(
    "name",
    ["dog.png", "日本語 音声.mp3", "a..b.jpg", ".hidden", "x" * 200, "console.png", "com10.png"],
)
def test_plain_names_pass(name):
    assert check_media_name(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "",
        "..",
        ".",
        "../x.png",
        "a/b.png",
        "a\\b.png",
        "/etc/passwd",
        "C:evil.png",
        "a\x00.png",
        "a.png:stream",
        "line\nbreak.png",
        "CON",
        "nul.txt",
        "com1.png",
        "é" * 200,
    ],
)
def test_paths_and_odd_names_are_refused(name):
    with pytest.raises(InputError) as caught:
        check_media_name(name)
    assert "\n" not in str(caught.value)
