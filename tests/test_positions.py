"""UTF-16 offsets agree with Python's own UTF-16 encoding, both ways, for any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from copylint.core.positions import Utf16Index, utf8_length


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


@given(st.text(alphabet=st.sampled_from(["a", "é", "😀", "中", "\n", "𝄞", "ß"]), max_size=60))
def test_round_trip_matches_python_utf16(text: str) -> None:
    index = Utf16Index(text)
    assert index.utf16_length == _utf16_len(text)
    for offset in range(len(text) + 1):
        u = index.to_utf16(offset)
        assert u == _utf16_len(text[:offset])
        assert index.from_utf16(u) == offset


def test_offset_inside_a_surrogate_pair_maps_to_its_character() -> None:
    index = Utf16Index("a😀b")
    assert [index.from_utf16(u) for u in range(5)] == [0, 1, 1, 2, 3]


def test_utf8_length() -> None:
    assert utf8_length("a😀é") == 1 + 4 + 2
