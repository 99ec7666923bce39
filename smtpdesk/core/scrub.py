"""The one scrubber every output goes through: transcript, report, history, JSON and CLI text.

A password must not reach the user's screen, a saved report or the history in any form a server
or a program may have turned it into: as typed, as its UTF-8 bytes (written out, as Latin-1
mojibake or hex), base64 at any alignment (AUTH PLAIN and LOGIN blobs, or a server echoing an
encoded value), URL-encoded, quoted-printable and JSON-escaped.
"""

from __future__ import annotations

import base64
import json
import quopri
import re
import urllib.parse
from collections.abc import Iterable

REDACTED = "********"
# Shorter secrets are not scrubbed from free text: they would blank out ordinary words and codes.
# Lines that carry credentials are redacted whole by the connection, whatever the length.
MIN_SCRUB_LENGTH = 4
# A base64 fragment shorter than this matches too much unrelated text to be worth removing.
_MIN_BASE64_FRAGMENT = 6


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64_fragments(data: bytes) -> set[str]:
    """The part of the base64 text of ``data`` that is the same wherever ``data`` sits in a longer
    base64 stream (one per byte alignment), so a password inside an AUTH PLAIN blob is found too."""
    fragments: set[str] = set()
    for offset in range(3):
        encoded = _b64(b"\0" * offset + data)
        start = -(-offset * 8 // 6)  # characters that also carry bits of the preceding bytes
        end = (offset + len(data)) * 8 // 6  # characters fully defined without following bytes
        if end - start >= _MIN_BASE64_FRAGMENT:
            fragments.add(encoded[start:end])
    return fragments


def _quoted_printable(raw: bytes) -> set[str]:
    forms: set[str] = set()
    for quotetabs in (False, True):
        encoded = quopri.encodestring(raw, quotetabs=quotetabs).decode("ascii")
        # A soft line break may fall anywhere in a long value; each piece is scrubbed on its own too.
        forms.add(encoded.replace("=\n", ""))
        forms.update(piece for piece in encoded.split("=\n") if piece)
    every_byte = "".join(f"={byte:02X}" for byte in raw)
    return forms | {every_byte, every_byte.lower()}


def secret_forms(secret: str, username: str = "") -> set[str]:
    """Every text form of ``secret`` that must never be shown (the short ones already dropped)."""
    raw = secret.encode("utf-8", "surrogatepass")
    login = username.encode("utf-8", "surrogatepass")
    forms: set[str] = set()
    for payload in (raw, b"\0" + login + b"\0" + raw, login + b"\0" + login + b"\0" + raw):
        forms.add(_b64(payload))
        forms.add(_b64(payload).rstrip("="))
    forms |= _b64_fragments(raw)
    forms |= {
        secret,
        raw.decode("latin-1"),  # UTF-8 bytes shown as Latin-1
        repr(raw)[2:-1],  # b'Has\xc5\x82o' written out
        raw.hex(),
        raw.hex().upper(),
        secret.encode("unicode_escape").decode("ascii"),
        urllib.parse.quote(raw, safe=""),
        urllib.parse.quote_plus(raw, safe=""),
        urllib.parse.quote(raw, safe="").lower(),
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
    }
    forms |= _quoted_printable(raw)
    return {form for form in forms if len(form) >= MIN_SCRUB_LENGTH and form.strip()}


class Scrubber:
    """Removes every form of the given secrets from a text (longest forms first, so a base64
    blob goes whole rather than leaving pieces around the password's own fragment)."""

    def __init__(self, secrets: Iterable[str | None] = (), username: str = "") -> None:
        self._username = username
        self._forms: list[str] = []
        self._pattern: re.Pattern[str] | None = None
        self._extend([secret for secret in secrets if secret])

    def add(self, secret: str | None) -> None:
        """Also keep ``secret`` out of every text (e.g. an access token learnt during a run)."""
        if secret:
            self._extend([secret])

    def _extend(self, secrets: list[str]) -> None:
        if not secrets:
            return
        forms = set(self._forms)
        for secret in secrets:
            forms |= secret_forms(secret, self._username)
        self._forms = sorted(forms, key=len, reverse=True)
        # One pass over a text for all forms (an alternation tries the longest first), compiled
        # once for all the secrets given together.
        self._pattern = re.compile("|".join(map(re.escape, self._forms)))

    def __bool__(self) -> bool:
        return bool(self._forms)

    def scrub(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(REDACTED, text)

    def scrub_json(self, value: object) -> object:
        """``value`` (nested dicts, lists, strings) with every string scrubbed."""
        if isinstance(value, str):
            return self.scrub(value)
        if isinstance(value, dict):
            return {key: self.scrub_json(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.scrub_json(item) for item in value]
        return value


def scrub(text: str, secrets: Iterable[str | None], *, username: str = "") -> str:
    return Scrubber(secrets, username).scrub(text)
