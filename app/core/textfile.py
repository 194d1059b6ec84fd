"""Reading the text files users give us (notes, Markdown decks, CSV) whatever editor saved them.

Notes written on Chinese Windows are often GB18030/GBK rather than UTF-8, so decoding tries, in
order: a byte-order mark (UTF-8, UTF-16), strict UTF-8, then strict GB18030 (a superset of GBK and
GB2312). Line endings become LF. Anything that is not text is refused with an error naming the
file (and the line where decoding failed), before any caller gets to act on it.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from app.core.errors import InputError

# Control characters that never appear in a text file; one of them means the bytes are binary.
_BINARY_CONTROLS = frozenset(range(0x00, 0x09)) | {0x0E, 0x0F} | frozenset(range(0x10, 0x1A))


def lf_line_ends(text: str) -> str:
    """`text` with CRLF and lone CR line ends made LF."""
    if "\r" in text:  # one scan where most texts have none, rather than two replacements
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def decode_text(data: bytes, *, path: str | os.PathLike[str] = "<text>") -> str:
    """Decode file bytes to text with LF line endings, or raise InputError naming `path`."""
    path = os.fspath(path)
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[len(codecs.BOM_UTF8) :], "utf-8", path)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", path)
    else:
        if any(byte in _BINARY_CONTROLS for byte in data[:8192]):
            raise InputError("this is a binary file, not text", path=path)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as utf8_error:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                line = data.count(b"\n", 0, utf8_error.start) + 1
                raise InputError(
                    "text is not in a supported encoding (UTF-8, UTF-16 or GB18030/GBK)",
                    path=path,
                    line=line,
                ) from None
    if "\x00" in text:
        raise InputError("this is a binary file, not text", path=path)
    text = lf_line_ends(text)
    if not text or text.isspace():  # without copying the whole text as strip() would
        raise InputError("the file is empty", path=path)
    return text


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a user's text file (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK)."""
    path = os.fspath(path)
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("this is a folder, not a file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror or error})", path=path) from None
    return decode_text(data, path=path)


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(f"text is not valid {encoding.upper()}", path=path, line=line) from None
