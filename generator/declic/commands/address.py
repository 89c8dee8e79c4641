"""The address `declic serve -a` listens on: « PORT » (this computer only) or « HÔTE:PORT ».

Takes what was typed; returns the host and port, and whether other computers can reach it (the
preview shows drafts). Raises ValueError with a French message; starts no server.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

LOCAL = "127.0.0.1"
EXAMPLE = "« 8000 » (cet ordinateur seulement) ou « 0.0.0.0:8000 » (tout le réseau)"


@dataclass(frozen=True)
class Address:
    host: str
    port: int

    @property
    def reachable_from_the_network(self) -> bool:
        if self.host == "localhost":
            return False
        try:
            return not ipaddress.ip_address(self.host).is_loopback
        except ValueError:  # a host name: whatever it resolves to, it may be another interface
            return True

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def parse_address(value: str) -> Address:
    """« 8013 » → 127.0.0.1:8013; « 0.0.0.0:8013 », « [::]:8013 », « localhost:8013 » as written."""
    text = value.strip()
    host, colon, port = text.rpartition(":")
    if not colon:
        host = LOCAL
    elif host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    problem = _problem(host, port, bool(colon))
    if problem:
        raise ValueError(f"« {value} » : {problem} ; attendu « HÔTE:PORT » ou « PORT », par exemple {EXAMPLE}")
    return Address(host, int(port))


def _problem(host: str, port: str, has_host: bool) -> str | None:
    if not (port.isascii() and port.isdigit()):
        return "le port n'est pas un nombre" if port else "le port manque"
    if not 1 <= int(port) <= 65535:
        return "le port va de 1 à 65535"
    if has_host and not host:
        return "l'hôte manque avant « : »"
    if has_host and not _plausible_host(host):
        return f"« {host} » n'est ni une adresse IP ni un nom d'hôte"
    return None


def _plausible_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        labels = host.split(".")
        return all(
            label and len(label) <= 63 and label.replace("-", "").isalnum() and label.isascii() for label in labels
        )
