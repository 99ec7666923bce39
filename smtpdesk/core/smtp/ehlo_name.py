"""The name this computer introduces itself with in EHLO.

Strict servers reject a bare or non-ASCII computer name ("KSIĘGOWOŚĆ", "DESKTOP-ABC", "Anna’s
MacBook"), and smtplib itself raises UnicodeEncodeError on a non-ASCII one. A dotted ASCII host
name is used when there is one; otherwise the address literal of the connection's own end, which
RFC 5321 allows for exactly this case.
"""

from __future__ import annotations

import ipaddress
import re
import socket

_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


def is_safe_fqdn(name: str) -> bool:
    """A dotted, ASCII letters-digits-hyphen name that no server can object to syntactically."""
    if not name or len(name) > 253 or not name.isascii() or "." not in name.strip("."):
        return False
    labels = name.rstrip(".").split(".")
    if all(label.isdigit() for label in labels):
        return False  # looks like an IPv4 address, not a name
    return all(_LABEL.match(label) for label in labels)


def address_literal(address: str) -> str:
    """``[192.0.2.1]`` or ``[IPv6:2001:db8::1]`` for a local socket address."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "[127.0.0.1]"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return f"[{ip.ipv4_mapped}]"
        return f"[IPv6:{ip.compressed}]"
    return f"[{ip}]"


def safe_ehlo_name(local_address: str | None, host_name: str | None = None) -> str:
    """The EHLO argument: this computer's dotted ASCII name, else an address literal.

    ``host_name`` defaults to ``socket.gethostname()`` (no DNS lookup, so it never waits on the
    network); ``local_address`` is the IP of our end of the connection.
    """
    name = socket.gethostname() if host_name is None else host_name
    if is_safe_fqdn(name):
        return name.rstrip(".").lower()
    return address_literal(local_address or "127.0.0.1")
