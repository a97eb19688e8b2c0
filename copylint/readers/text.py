"""Plain text: the prose is the source, character for character.

Carriage returns and a byte-order mark become spaces in the prose (same length), so CRLF files
split into the same lines as LF files and every offset maps one for one.
"""

from __future__ import annotations

from copylint.core.document import Document, OffsetMap
from copylint.readers import reader


@reader("text", (".txt", ".text"))
def read_text(source: str, path: str) -> Document:
    prose = source.replace("\r", " ").replace("\ufeff", " ") if ("\r" in source or "\ufeff" in source) else source
    return Document(path=path, source=source, prose=prose, offsets=OffsetMap.identity(len(source)),
                    format="text")
