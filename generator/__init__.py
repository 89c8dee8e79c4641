"""Déclic: turns a YAML catalog of irritants, trades, personas and prompts into a French training site."""

__version__ = "0.1.0"
