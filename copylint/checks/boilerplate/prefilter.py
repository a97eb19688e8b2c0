"""What a boilerplate phrase needs from a line before its regular expression is worth trying.

Most lines of an article match no phrase, and trying every phrase's regular expression on every line
is the slow way to find that out. So each phrase pattern (the pack language of
:mod:`copylint.checks.boilerplate.phrases`) is read once for two cheap tests that can only rule a line out,
never in:

- :func:`openings`: the strings (up to :data:`OPENING_LENGTH` characters) that a match must start
  with, or None when it can start with anything (a placeholder, an optional first word); a number
  placeholder opening the phrase is the opening :data:`DIGIT` (any decimal digit);
- :func:`needed`: sets of strings of which a match must contain one each (a literal word, or one
  of the choices of a group every match goes through), or None when no literal is certain.

Both read the pattern the way :func:`~copylint.checks.boilerplate.phrases.compile_phrase` translates it:
words are literal characters, ``(a|b)`` a choice, ``?`` an optional item, ``(...)*`` / ``(...)+`` a
repeat, and spaces and placeholders stand for text that is not known in advance.
"""

from __future__ import annotations

import re
from typing import NamedTuple

#: openings are compared on at most this many characters
OPENING_LENGTH = 3
#: options of needed strings shorter than this are not worth looking for, unless they are the best
TELLING_LENGTH = 3
#: the opening of a phrase that starts with a number (``{n}``: a decimal digit)
DIGIT = "{n}"


class Node(NamedTuple):
    """One item of a phrase pattern: ``kind`` is lit (``text`` is the characters), gap (spaces, a
    placeholder: unknown text), number (``{n}``: a digit, then unknown text), alt (``items`` are the
    choices, each a sequence), opt, star or plus (``items`` holds the one item they apply to)."""

    kind: str
    text: str = ""
    items: tuple = ()


#: characters with no meaning in the pattern language ("*" and "+" only repeat a group, after ")")
_LITERAL_RUN = re.compile(r"[^{\\()|?\s]+")
_GAP = Node("gap")
_NUMBER = Node("number")
_QUANTIFIERS = {"?": "opt", "*": "star", "+": "plus"}


def parse(src: str) -> tuple[Node, ...] | None:
    """The items of a normalised phrase pattern, or None when it is malformed."""
    stack: list[list[list[Node]]] = [[[]]]
    i = 0
    while i < len(src):
        c = src[i]
        seq = stack[-1][-1]
        if c == "{":
            j = src.find("}", i)
            if j < 0:
                return None
            seq.append(_NUMBER if src[i:j + 1] == DIGIT else _GAP)
            i = j + 1
            continue
        if c == "\\" and i + 1 < len(src):
            seq.append(Node("lit", src[i + 1]))
            i += 2
            continue
        if c == "(":
            stack.append([[]])
        elif c == ")":
            if len(stack) == 1:
                return None
            choices = stack.pop()
            stack[-1][-1].append(Node("alt", items=tuple(tuple(s) for s in choices)))
        elif c == "|":
            if len(stack) == 1:
                return None
            stack[-1].append([])
        elif c == "?" or (c in "*+" and i and src[i - 1] == ")"):
            if not seq:
                return None
            last = seq.pop()
            if last.kind == "lit" and len(last.text) > 1:  # it applies to the last character only
                seq.append(Node("lit", last.text[:-1]))
                last = Node("lit", last.text[-1])
            seq.append(Node(_QUANTIFIERS[c], items=(last,)))
        elif c.isspace():
            while i + 1 < len(src) and src[i + 1].isspace():
                i += 1
            if i + 1 < len(src) and src[i + 1] == "?":  # "a ?b": an optional space
                i += 1
            seq.append(_GAP)
        else:  # a run of literal characters (or a backslash ending the pattern), one node
            run = _LITERAL_RUN.match(src, i)
            text = run[0] if run else c
            seq.append(Node("lit", text))
            i += len(text)
            continue
        i += 1
    if len(stack) != 1:
        return None
    return tuple(stack[0][0])


def _seq_openings(seq: tuple[Node, ...], width: int) -> set[tuple[str, bool]]:
    """(start, complete) pairs: every match starts with one ``start``; ``complete`` when the whole
    match is that start (so the next item goes on from it)."""
    out = {("", True)}
    for node in seq:
        if not any(complete for _, complete in out):  # every start is as long as it gets
            break
        nxt = set()
        following = _node_openings(node, width)
        for start, complete in out:
            if not complete:
                nxt.add((start, False))
                continue
            for more, more_complete in following:
                if start and more == DIGIT:  # only a number opening the phrase is looked up as one
                    nxt.add((start, False))
                    continue
                joined = start + more
                nxt.add((joined[:width], False) if len(joined) >= width else (joined, more_complete))
        out = nxt
    return out


def _node_openings(node: Node, width: int) -> set[tuple[str, bool]]:
    if node.kind == "lit":
        return {(node.text, True)}
    if node.kind == "alt":
        return {pair for seq in node.items for pair in _seq_openings(seq, width)}
    if node.kind in ("opt", "star", "plus"):
        inner = _node_openings(node.items[0], width)
        if node.kind == "opt":
            return inner | {("", True)}
        repeated = {(start, False) for start, _ in inner}
        return repeated | {("", True)} if node.kind == "star" else repeated
    if node.kind == "number":
        return {(DIGIT, False)}
    return {("", False)}


def openings(items: tuple[Node, ...] | None, width: int = OPENING_LENGTH) -> frozenset[str] | None:
    """The strings every match of the pattern starts with one of, or None when it may start
    with anything."""
    if items is None:
        return None
    starts = {start for start, _ in _seq_openings(items, width)}
    return None if "" in starts else frozenset(starts)


def _seq_options(seq: tuple[Node, ...]) -> list[frozenset[str]]:
    """Sets of strings of which every match of ``seq`` contains one (each set is one option)."""
    options: list[frozenset[str]] = []
    run = ""
    for node in seq:
        if node.kind == "lit":
            run += node.text
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        inner = _node_needed(node)
        if inner is not None:
            options.append(inner)
    if run:
        options.append(frozenset([run]))
    return sorted(options, key=_telling, reverse=True)


def _telling(option: frozenset[str]) -> tuple[bool, int, int]:
    """How well an option rules lines out, for its cost: its strings long enough to be telling,
    then the fewest strings to look for, then its shortest string longest."""
    shortest = min(map(len, option))
    return shortest >= TELLING_LENGTH, -len(option), shortest


def _node_needed(node: Node) -> frozenset[str] | None:
    if node.kind == "lit":
        return frozenset([node.text])
    if node.kind == "plus":
        return _node_needed(node.items[0])
    if node.kind == "alt":
        choices = [_seq_options(seq) for seq in node.items]
        if not all(choices):
            return None
        return frozenset().union(*(c[0] for c in choices))
    return None


def needed(items: tuple[Node, ...] | None) -> tuple[tuple[str, ...], ...] | None:
    """Options, most telling first, of which every match of the pattern holds one string each; or
    None when nothing is certain. Besides the most telling option, only those whose strings are
    at least :data:`TELLING_LENGTH` long are kept (a short string is in most lines); a string holding
    another of its option is left out (the shorter one is found wherever it is)."""
    if items is None:
        return None
    options = _seq_options(items)
    kept = [o for k, o in enumerate(options) if k == 0 or _telling(o)[0]]
    return tuple(tuple(sorted(s for s in o if not any(t != s and t in s for t in o))) for o in kept) or None
