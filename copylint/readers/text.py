"""Plain text: the prose is the source, character for character.

Carriage returns and a byte-order mark become spaces in the prose (same length), so CRLF files
split into the same lines as LF files; in a file whose lines all end in a lone carriage return (old
Mac line endings) each of them ends a line instead. Every offset maps one for one, except where
decomposed accents are composed (``e`` + U+0301 reads as ``é``, standing for both characters).
"""

from __future__ import annotations

import unicodedata

from copylint.core.document import Document, OffsetMap, ProseBuilder, line_end
from copylint.readers import reader


@reader("text", (".txt", ".text"))
def read_text(source: str, path: str) -> Document:
    prose = source
    if "\r" in prose:
        prose = prose.replace("\r", "\n" if line_end(source) == "\r" else " ")
    if "\ufeff" in prose:
        prose = prose.replace("\ufeff", " ")
    if prose.isascii() or unicodedata.is_normalized("NFC", prose):
        offsets = OffsetMap.identity(len(source))
    else:
        builder = ProseBuilder(source)
        builder.copy(0, len(source), prose)
        prose, offsets = builder.build()
    return Document(path=path, source=source, prose=prose, offsets=offsets, format="text")
