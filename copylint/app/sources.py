"""Reading input files: bytes to text, with a clear error for anything that is not text."""

from __future__ import annotations

import sys

from copylint.core.errors import InputError

#: Bytes looked at to tell a binary file from text.
SNIFF_BYTES = 8192


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (a BOM is kept as a character so offsets match the file); refuse binary data."""
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError(path, "binary file (contains NUL bytes); not checked")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}, "
                               f"line {line}); save it as UTF-8 and check it again") from None


def read_source(path: str) -> str:
    """The decoded text of ``path`` (``-`` reads standard input)."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except IsADirectoryError:
            raise InputError(path, "is a directory") from None
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, path)
