"""Déclic: turns a YAML catalog of irritants, trades, personas and prompts into a French training site."""

__version__ = "0.3.0"  # the one place it is written: pyproject reads it, guides pin it
