"""copylint's version (one place: the package, the CLI and SARIF reports read it)."""

__version__ = "0.1.0"
