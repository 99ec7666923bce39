"""The conversation as the user may copy it: every line both ways, with the password in no form.

AUTH lines are replaced structurally by the connection (it knows which lines carry credentials);
on top of that every recorded line, reply and error message passes through ``Secrets.scrub``,
which removes the password, its UTF-8 bytes and every base64 form it can take on the wire.
"""

from __future__ import annotations

import base64
import logging
import threading
import time
from collections.abc import Callable

from smtpdesk.core.smtp.result import TranscriptLine

REDACTED = "********"
# Shorter secrets are not scrubbed from free text: they would blank out ordinary words and codes.
# Lines that carry credentials are still redacted whole, whatever the password's length.
MIN_SCRUB_LENGTH = 4

log = logging.getLogger("smtpdesk.smtp")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64_fragments(data: bytes) -> list[str]:
    """The part of the base64 text of ``data`` that is the same wherever ``data`` sits in a
    longer base64 stream (one per byte alignment), so a password inside an AUTH PLAIN blob or
    any other encoded value is found too."""
    fragments = []
    for offset in range(3):
        encoded = _b64(b"\0" * offset + data)
        start = -(-offset * 8 // 6)  # characters that also carry bits of the preceding bytes
        end = (offset + len(data)) * 8 // 6  # characters fully defined without following bytes
        if end - start >= 6:
            fragments.append(encoded[start:end])
    return fragments


class Secrets:
    """Every text form of one password that must never be shown."""

    def __init__(self, username: str = "", password: str | None = None) -> None:
        self._username = username
        self._forms: list[str] = []
        self.add(password)

    def add(self, password: str | None) -> None:
        """Also keep ``password`` (e.g. an access token learnt during the run) out of every text."""
        username = self._username
        forms: set[str] = set(self._forms)
        if password:
            raw = password.encode("utf-8")
            forms.add(_b64(raw))
            forms.add(_b64(b"\0" + username.encode("utf-8") + b"\0" + raw))
            forms.update(_b64_fragments(raw))
            if len(password) >= MIN_SCRUB_LENGTH:
                forms.add(password)
                forms.add(raw.decode("latin-1"))  # UTF-8 bytes shown as Latin-1
                forms.add(repr(raw)[2:-1])  # UTF-8 bytes shown as a bytes literal
                forms.add(password.encode("unicode_escape").decode("ascii"))
        self._forms = sorted((f for f in forms if f), key=len, reverse=True)

    def scrub(self, text: str) -> str:
        for form in self._forms:
            if form in text:
                text = text.replace(form, REDACTED)
        return text


class Transcript:
    """Collects ``TranscriptLine``s with the time since the run started (thread-safe: probe
    connections add their notes from helper threads)."""

    def __init__(
        self,
        secrets: Secrets,
        started: float | None = None,
        on_line: Callable[[TranscriptLine], None] | None = None,
    ) -> None:
        self.secrets = secrets
        self.started = time.monotonic() if started is None else started
        self.lines: list[TranscriptLine] = []
        self._on_line = on_line
        self._lock = threading.Lock()

    def elapsed_ms(self) -> float:
        return (time.monotonic() - self.started) * 1000.0

    def add(self, direction: str, text: str) -> TranscriptLine:
        line = TranscriptLine(dir=direction, text=self.secrets.scrub(text), t_ms=self.elapsed_ms())
        with self._lock:
            self.lines.append(line)
        log.debug("%s %s", {"client": "->", "server": "<-"}.get(direction, "=="), line.text)
        if self._on_line is not None:
            self._on_line(line)
        return line

    def client(self, text: str) -> None:
        self.add("client", text)

    def server(self, text: str) -> None:
        self.add("server", text)

    def info(self, text: str) -> None:
        self.add("info", text)
