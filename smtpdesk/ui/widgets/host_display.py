"""Server names as people read them: ``poczta.xn--rdo-...`` is shown as ``poczta.źródło.pl``."""

from __future__ import annotations


def display_host(host: str) -> str:
    """``host`` with every IDNA (``xn--``) label decoded; labels that do not decode stay as they are."""
    return ".".join(_display_label(label) for label in host.split("."))


def _display_label(label: str) -> str:
    if not label.lower().startswith("xn--"):
        return label
    try:
        return label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return label
