"""Configuration files: discovery, validation with file/key/line, command-line overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint.core.config import Config, ConfigFinder, load_config_file
from copylint.core.errors import ConfigError
from copylint.engine.registry import rule_options


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    p = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.copylint]\ndialect = "en-GB"\n'
              'ignore = ["CL3"]\nwords = ["names.txt"]\n[tool.copylint.per-file-ignores]\n"old/*" = ["CL1"]\n'
              '[tool.copylint.severity]\nCL101 = "error"\n')
    cfg = load_config_file(str(p), rule_options())
    assert cfg is not None
    assert cfg.dialect == "en-GB" and cfg.ignore == ("CL3",)
    assert cfg.per_file_ignores == (("old/*", ("CL1",)),)
    assert cfg.severity_of("CL101", "warning") == "error"
    assert cfg.resolve("names.txt") == str(tmp_path.resolve() / "names.txt")


def test_pyproject_without_table_is_skipped_and_search_walks_up(tmp_path: Path) -> None:
    write(tmp_path / ".copylint.toml", 'dialect = "en-US"\n')
    write(tmp_path / "desk" / "pyproject.toml", '[project]\nname = "x"\n')
    article = write(tmp_path / "desk" / "today" / "a.txt", "text")
    cfg = ConfigFinder(rule_options()).for_path(str(article))
    assert cfg.dialect == "en-US"
    assert cfg.source == str(tmp_path / ".copylint.toml")


def test_closest_config_wins_and_isolated_ignores_files(tmp_path: Path) -> None:
    write(tmp_path / ".copylint.toml", 'dialect = "en-US"\n')
    write(tmp_path / "sub" / ".copylint.toml", 'dialect = "en-GB"\n')
    article = write(tmp_path / "sub" / "a.txt", "text")
    assert ConfigFinder(rule_options()).for_path(str(article)).dialect == "en-GB"
    assert ConfigFinder(rule_options(), isolated=True).for_path(str(article)).dialect == "any"


def test_overrides_extend_config(tmp_path: Path) -> None:
    write(tmp_path / ".copylint.toml", 'ignore = ["CL3"]\n')
    article = write(tmp_path / "a.txt", "text")
    cfg = ConfigFinder(rule_options(), overrides={"ignore": ("CL2",), "dialect": "en-GB"}).for_path(str(article))
    assert cfg.ignore == ("CL3", "CL2") and cfg.dialect == "en-GB"


@pytest.mark.parametrize(("text", "key", "line"), [
    ('select = ["CL1"]\n\ndialect = "en-AU"\n', "dialect", 3),
    ('\nnot-a-setting = 1\n', "not-a-setting", 2),
    ('ignore = "CL1"\n', "ignore", 1),
    ('select = ["E501"]\n', "select", 1),
    ('[severity]\nCL101 = "fatal"\n', "severity.CL101", 2),
])
def test_invalid_settings_name_file_key_and_line(tmp_path: Path, text: str, key: str, line: int) -> None:
    p = write(tmp_path / ".copylint.toml", text)
    with pytest.raises(ConfigError) as err:
        load_config_file(str(p), rule_options())
    assert err.value.key == key
    assert err.value.line == line
    assert str(p) in str(err.value)


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    p = write(tmp_path / ".copylint.toml", 'dialect = "en-GB"\nselect = [\n')
    with pytest.raises(ConfigError) as err:
        load_config_file(str(p), rule_options())
    assert "invalid TOML" in str(err.value) and err.value.line is not None


def test_config_built_in_code_is_validated() -> None:
    with pytest.raises(ConfigError):
        Config(dialect="en-AU")
    with pytest.raises(ConfigError):
        Config(severity=(("CL101", "fatal"),))
