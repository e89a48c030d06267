"""The version of govinfo-report (as in ``pyproject.toml``)."""

__version__ = "0.1.0"
