"""The ``audit`` extra: importing its packages with one clear error when they are missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from copylint.core.errors import CopylintError

INSTALL_HINT = "pip install 'copylint[audit]'"


class MissingExtra(CopylintError):
    """A feature needs a package of the ``audit`` extra that is not installed."""


def require(module: str, feature: str) -> ModuleType:
    """Import ``module`` (``pyarrow.parquet``, ``distributed``) or say which install brings it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".")[0]
        raise MissingExtra(f"{feature} needs {top}, which is not installed: {INSTALL_HINT}") from None
