"""Reading input files: bytes to text, with a clear error for anything that is not text.

UTF-8 is read with or without a byte-order mark; UTF-16 and UTF-32 need theirs. The mark is kept as
the text's first character, so offsets match the file and a fixed file is written back the same
way (:func:`encode`). Only regular files are read: a FIFO, a socket or a device is refused before
it is opened for reading, so nothing blocks or reads forever, and a file larger than the input size
limit is refused before it is read.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from dataclasses import dataclass

from copylint.core.errors import InputError, too_large

#: byte-order marks and the encodings they mean, longest first (UTF-32 LE starts like UTF-16 LE)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: most bytes one decoded character takes (a limit in characters is checked on the bytes first)
MAX_BYTES_PER_CHARACTER = 4


@dataclass(frozen=True)
class Source:
    """A decoded input: its text (a byte-order mark kept as its first character) and encoding."""

    text: str
    encoding: str = "utf-8"


def decode(data: bytes, path: str) -> Source:
    """Decode UTF-8 (a BOM is kept as a character so offsets match the file), or UTF-16/UTF-32 with a
    byte-order mark; refuse binary data (a NUL character anywhere) and undecodable bytes."""
    encoding = next((name for bom, name in BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            raise InputError(path, f"not valid {encoding.upper()[:6]} (byte-order mark found, but byte "
                                   f"{exc.start} does not decode)") from None
        if b"\x00" in data:
            raise InputError(path, _binary(data)) from None
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}, "
                               f"line {line}); save it as UTF-8 and check it again") from None
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(path, _binary(data) if encoding == "utf-8" else
                         f"binary file (a NUL character at offset {nul}); not checked")
    return Source(text, encoding)


def _binary(data: bytes) -> str:
    # UTF-16 without its byte-order mark: every other byte of ASCII text is NUL
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) * 3 > len(sample) and (
            not any(sample[0::2]) or not any(sample[1::2])):
        return "looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)"
    return f"binary file (a NUL byte at offset {data.find(0)}); not checked"


def encode(source: Source, text: str) -> bytes:
    """``text`` (a fixed version of ``source``) in the source's encoding."""
    return text.encode(source.encoding)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages ("" for a regular file)."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_source(path: str, max_size: int | None = None) -> Source:
    """The decoded text of ``path`` (``-`` reads standard input). ``max_size`` is the most characters
    copylint checks: a larger file is refused (a file is refused unread when its bytes could not
    hold fewer characters)."""
    if path == "-":
        data = _read_stdin(max_size)
    else:
        data = _read_file(path, max_size)
    source = decode(data, path)
    if max_size is not None and len(source.text) > max_size:
        raise InputError(path, too_large(len(source.text), max_size))
    return source


def _byte_limit(max_size: int | None) -> int | None:
    """The most bytes ``max_size`` characters can take (with a byte-order mark)."""
    return None if max_size is None else (max_size + 1) * MAX_BYTES_PER_CHARACTER


def _too_many_bytes(size: int, max_size: int) -> str:
    return (f"{size:,} bytes, more than {max_size:,} characters (the most copylint checks in one input) "
            "could take; not checked (raise max-input-size in the config, or --max-input-size)")


def _read_stdin(max_size: int | None) -> bytes:
    limit = _byte_limit(max_size)
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("-", "standard input is closed; nothing to check")
    try:
        data = stream.read() if limit is None else stream.read(limit + 1)
    except (OSError, ValueError) as exc:  # ValueError: the stream was closed
        raise InputError("-", f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}") from None
    if limit is not None and max_size is not None and len(data) > limit:
        raise InputError("-", _too_many_bytes(len(data), max_size))
    return data


def _read_file(path: str, max_size: int | None) -> bytes:
    limit = _byte_limit(max_size)
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        kind = file_kind(info.st_mode)
        if kind:
            raise InputError(path, f"is {kind}, not a file; not checked")
        if limit is not None and max_size is not None and info.st_size > limit:
            raise InputError(path, _too_many_bytes(info.st_size, max_size))
        try:
            data = f.read() if limit is None else f.read(limit + 1)
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if limit is not None and len(data) > limit:
        raise InputError(path, "grew past the input size limit while being read; not checked")
    return data
