"""Word lists the spelling rules accept: which file a config adds words to, and adding words to it.

Shared by ``copylint words add`` and the language server's "add to the word list" action. A word
list has one word per line; ``#`` starts a comment (see :func:`copylint.language.lexicon.read_word_file`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from copylint.core.config import Config
from copylint.language.lexicon import read_word_file

#: the word list a new configuration names
DEFAULT_FILE = "words.txt"
#: the configuration file created for it when no configuration applies yet
NEW_CONFIG = ".copylint.toml"


def configured_word_lists(config: Config) -> list[str]:
    """The absolute paths of the word lists ``config`` names, in order."""
    return [os.path.abspath(config.resolve(w)) for w in config.words]


@dataclass(frozen=True)
class WordListTarget:
    """Where words for a file go."""

    #: the word list
    path: str
    #: a config file to create first, naming the word list (no config file applies yet)
    new_config: str | None = None


def word_list_target(config: Config, folder: str) -> WordListTarget | None:
    """The first word list ``config`` names; when ``config`` comes from no file at all, a new
    ``words.txt`` named by a new ``.copylint.toml`` in ``folder``; None when a config file applies
    but names no word list (adding one would mean rewriting that file)."""
    lists = configured_word_lists(config)
    if lists:
        return WordListTarget(lists[0])
    if config.source is None:
        return WordListTarget(os.path.join(folder, DEFAULT_FILE), os.path.join(folder, NEW_CONFIG))
    return None


def create_config(target: WordListTarget) -> None:
    """Write ``target.new_config``, naming the word list (unless the file exists by now)."""
    assert target.new_config is not None
    name = os.path.relpath(target.path, os.path.dirname(target.new_config)).replace(os.sep, "/")
    with open(target.new_config, "x", encoding="utf-8") as f:
        f.write(f'# copylint configuration: words = word lists the spelling rules accept\nwords = ["{name}"]\n')


def word_problem(word: str) -> str | None:
    """Why ``word`` cannot go into a word list (None: it can)."""
    if not word.strip() or any(c.isspace() or c == "#" for c in word):
        return f"not a single word: {word!r}"
    return None


def add_words(path: str, words: Iterable[str]) -> list[str]:
    """Append to the word list at ``path`` (created if missing) the ``words`` it does not hold yet,
    each once, and return them. Every word must pass :func:`word_problem`."""
    present = set(read_word_file(path)) if os.path.exists(path) else set()
    new = [w for w in dict.fromkeys(words) if w not in present]
    if new:
        needs_newline = os.path.exists(path) and _ends_without_newline(path)
        with open(path, "a", encoding="utf-8") as f:
            f.write(("\n" if needs_newline else "") + "".join(w + "\n" for w in new))
    return new


def _ends_without_newline(path: str) -> bool:
    with open(path, "rb") as f:
        f.seek(0, os.SEEK_END)
        if f.tell() == 0:
            return False
        f.seek(-1, os.SEEK_END)
        return f.read(1) != b"\n"
