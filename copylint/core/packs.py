"""Rule packs: declarative data (TOML) in ``rules/`` at the repository root, shipped in the wheel.

The data is organised by the family that reads it (``rules/boilerplate/``, ``rules/names/``,
``rules/language/`` for what several families share). A built-in pack is named by its folder and
file name joined with a hyphen (``rules/boilerplate/live.toml`` is ``boilerplate-live``).
Every TOML pack starts with a ``[pack]`` table::

    [pack]
    kind = "boilerplate"          # which rule family reads it
    description = "Share buttons and social prompts"
    default = true                # false: only used when config names it in `packs`

Plain-text data files (word lists, misspelling maps) live beside the packs and are read with
:func:`data_path`. Rules validate their own pack contents and report problems with
:meth:`Pack.error`, which names the file, the key and its line.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copylint.core.errors import ConfigError, did_you_mean, toml_error_line, toml_key_line, toml_table_key_line

if TYPE_CHECKING:
    from copylint.core.config import Config


#: the keys of a pack's [pack] table
HEADER_KEYS = ("kind", "description", "default")


@cache
def data_dir() -> Path:
    """The folder holding the built-in packs: inside the installed package, or the checkout's rules/."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "packs", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"copylint's rule packs are missing (looked in {package / 'packs'} and "
                            f"{package.parent / 'rules'}); reinstall copylint")


def data_path(name: str) -> Path:
    """Path of a built-in data file such as ``language/lexicon.txt.gz``."""
    return data_dir() / name


@dataclass(frozen=True)
class Pack:
    path: str
    kind: str
    name: str
    description: str
    default: bool
    data: dict[str, Any]
    text: str

    def error(self, key: str, message: str) -> ConfigError:
        """An error about ``key`` in this pack, with its line (raise it)."""
        return ConfigError(self.path, message, key, toml_key_line(self.text, key))

    def entry_error(self, table: str, index: int, key: str, message: str) -> ConfigError:
        """An error about ``key`` of the ``index``-th ``[[table]]`` entry, with that entry's line."""
        return ConfigError(self.path, message, f"{table}.{key}", toml_table_key_line(self.text, table, index, key))

    def table(self, key: str) -> dict[str, Any]:
        """The table ``key`` of this pack (empty when absent; an error when not a table)."""
        value = self.data.get(key, {})
        if not isinstance(value, dict):
            raise self.error(key, "must be a table")
        return value

    def strings(self, key: str, value: Any) -> tuple[str, ...]:
        """``value`` (read at ``key``) as a non-empty list of non-blank strings, or an error."""
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(key, "must be a non-empty list of strings")
        return tuple(value)


def load_pack(path: str, name: str | None = None) -> Pack:
    """Read and validate the ``[pack]`` header of one TOML pack (named ``name``, by default its
    file name without ``.toml``)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, f"cannot read rule pack: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"invalid TOML: {exc}", line=toml_error_line(exc, text)) from None
    header = data.get("pack")
    if not isinstance(header, dict):
        raise ConfigError(path, "a rule pack must start with a [pack] table", "pack")
    for key in header:
        if key not in HEADER_KEYS:
            raise ConfigError(path, f"unknown key in [pack] (known: {', '.join(HEADER_KEYS)})"
                                    f"{did_you_mean(key, HEADER_KEYS)}", f"pack.{key}", toml_key_line(text, key))
    kind = header.get("kind")
    if not isinstance(kind, str) or not kind:
        raise ConfigError(path, "must name the rule family that reads this pack", "pack.kind",
                          toml_key_line(text, "kind"))
    default = header.get("default", True)
    if not isinstance(default, bool):
        raise ConfigError(path, "must be true or false", "pack.default", toml_key_line(text, "default"))
    body = {k: v for k, v in data.items() if k != "pack"}
    return Pack(path=path, kind=kind, name=name or Path(path).stem, description=str(header.get("description", "")),
                default=default, data=body, text=text)


@cache
def builtin_packs() -> tuple[Pack, ...]:
    """Every pack shipped with copylint, named ``FAMILY-STEM`` after ``rules/FAMILY/STEM.toml``."""
    return tuple(load_pack(str(p), f"{p.parent.name}-{p.stem}") for p in sorted(data_dir().glob("*/*.toml")))


def resolve_pack(ref: str, config: Config) -> Pack:
    """A pack named in config: a path (relative to the config's folder) or a built-in pack's name."""
    for pack in builtin_packs():
        shipped = Path(pack.path)
        if ref in (pack.name, pack.name + ".toml", f"{shipped.parent.name}/{shipped.name}",
                   f"{shipped.parent.name}/{shipped.stem}"):
            return pack
    path = config.resolve(ref)
    if not os.path.isfile(path):
        names = [p.name for p in builtin_packs()]
        raise ConfigError(config.source or "<config>", f"rule pack {ref!r} not found (looked for {path} and "
                          f"a built-in pack of that name){did_you_mean(ref, names)}", "packs")
    pack = load_pack(path)
    kinds = sorted({p.kind for p in builtin_packs()})
    if pack.kind not in kinds:
        raise ConfigError(pack.path, f"unknown kind {pack.kind!r}: no rule reads it (known: {', '.join(kinds)})"
                                     f"{did_you_mean(pack.kind, kinds)}", "pack.kind", toml_key_line(pack.text, "kind"))
    return pack


def packs_of_kind(kind: str, config: Config) -> list[Pack]:
    """Built-in packs of ``kind`` that are on by default, plus the packs config names."""
    chosen = [p for p in builtin_packs() if p.kind == kind and p.default]
    for ref in config.packs:
        pack = resolve_pack(ref, config)
        if pack.kind == kind and pack not in chosen:
            chosen.append(pack)
    return chosen
