"""Errors copylint reports to the user (exit status 2), each naming where the problem is."""

from __future__ import annotations

from collections.abc import Iterable


class CopylintError(Exception):
    """Base class: a problem with input, configuration or data that the user must fix."""


class ConfigError(CopylintError):
    """An invalid configuration file or rule pack: names the file, the key and the line."""

    def __init__(self, path: str, message: str, key: str | None = None, line: int | None = None) -> None:
        self.path, self.key, self.line = path, key, line
        where = path + (f":{line}" if line else "")
        what = f"key {key!r}: " if key else ""
        self.message = message
        super().__init__(f"{where}: {what}{message}")

    def __reduce__(self) -> tuple:  # picklable, so worker processes can report it
        return (ConfigError, (self.path, self.message, self.key, self.line))


class UsageError(CopylintError):
    """A command-line mistake: an unknown option value, a code no rule has (names the option)."""


class InputError(CopylintError):
    """A file that cannot be checked (binary, undecodable, unreadable)."""

    def __init__(self, path: str, message: str) -> None:
        self.path, self.message = path, message
        super().__init__(f"{path}: {message}")

    def __reduce__(self) -> tuple:
        return (InputError, (self.path, self.message))


def too_large(length: int, max_size: int) -> str:
    """Why an input of ``length`` characters is not checked."""
    return (f"{length:,} characters, more than the {max_size:,} copylint checks in one input; not checked "
            "(raise max-input-size in the config, or --max-input-size, to check it)")


def toml_error_line(exc: Exception, text: str) -> int | None:
    """1-based line of a ``tomllib.TOMLDecodeError`` (Python 3.11 only says it in the message)."""
    import re

    line = getattr(exc, "lineno", None)
    if line:
        return int(line)
    m = re.search(r"at line (\d+)", str(exc))
    if m:
        return int(m.group(1))
    return text.count("\n") + 1 if "end of document" in str(exc) else None


def toml_key_line(text: str, key: str) -> int | None:
    """Best-effort 1-based line of ``key`` (its last dotted part) in TOML ``text``."""
    import re

    last = key.split(".")[-1]
    pattern = re.compile(r"^[ \t]*(?:\[+[ \t]*)?(?:[\w.\"'-]*\.)?[\"']?" + re.escape(last) + r"[\"']?\s*(?:=|\]|\.)",
                         re.MULTILINE)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """ "; did you mean 'X'?" for the choice closest to a mistyped ``word``, or "" when none is close."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def toml_table_key_line(text: str, table: str, index: int, key: str) -> int | None:
    """1-based line of ``key`` in the ``index``-th ``[[table]]`` of TOML ``text`` (the table's own
    header line when the key is not written in it)."""
    import re

    headers = [m.start() for m in re.finditer(rf"^[ \t]*\[\[[ \t]*{re.escape(table)}[ \t]*\]\]", text, re.MULTILINE)]
    if index >= len(headers):
        return None
    end = headers[index + 1] if index + 1 < len(headers) else len(text)
    m = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", re.MULTILINE).search(text, headers[index], end)
    at = m.start() if m else headers[index]
    return text.count("\n", 0, at) + 1
