"""Rule packs: declarative data (TOML) in ``rules/`` at the repository root, shipped in the wheel.

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

from copylint.errors import ConfigError, toml_error_line, toml_key_line

if TYPE_CHECKING:
    from copylint.config import Config


@cache
def data_dir() -> Path:
    """The folder holding the built-in packs: inside the installed package, or the checkout's rules/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "packs", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"copylint's rule packs are missing (looked in {here / 'packs'} and "
                            f"{here.parent / 'rules'}); reinstall copylint")


def data_path(name: str) -> Path:
    """Path of a built-in data file such as ``words/en.txt``."""
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


def load_pack(path: str) -> Pack:
    """Read and validate the ``[pack]`` header of one TOML pack."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, f"cannot read rule pack: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"invalid TOML: {exc}", line=toml_error_line(exc, text)) from None
    header = data.get("pack")
    if not isinstance(header, dict):
        raise ConfigError(path, "a rule pack must start with a [pack] table", "pack")
    kind = header.get("kind")
    if not isinstance(kind, str) or not kind:
        raise ConfigError(path, "must name the rule family that reads this pack", "pack.kind",
                          toml_key_line(text, "kind"))
    default = header.get("default", True)
    if not isinstance(default, bool):
        raise ConfigError(path, "must be true or false", "pack.default", toml_key_line(text, "default"))
    body = {k: v for k, v in data.items() if k != "pack"}
    return Pack(path=path, kind=kind, name=Path(path).stem, description=str(header.get("description", "")),
                default=default, data=body, text=text)


@cache
def builtin_packs() -> tuple[Pack, ...]:
    return tuple(load_pack(str(p)) for p in sorted(data_dir().glob("*.toml")))


def resolve_pack(ref: str, config: Config) -> Pack:
    """A pack named in config: a path (relative to the config's folder) or a built-in pack's name."""
    for pack in builtin_packs():
        if ref in (pack.name, pack.name + ".toml"):
            return pack
    path = config.resolve(ref)
    if not os.path.isfile(path):
        raise ConfigError(config.source or "<config>", f"rule pack {ref!r} not found (looked for {path} and "
                          f"a built-in pack of that name)", "packs")
    return load_pack(path)


def packs_of_kind(kind: str, config: Config) -> list[Pack]:
    """Built-in packs of ``kind`` that are on by default, plus the packs config names."""
    chosen = [p for p in builtin_packs() if p.kind == kind and p.default]
    for ref in config.packs:
        pack = resolve_pack(ref, config)
        if pack.kind == kind and pack not in chosen:
            chosen.append(pack)
    return chosen
