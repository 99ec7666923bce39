"""The conversation as the user may copy it: every line both ways, with the password in no form.

AUTH lines are replaced structurally by the connection (it knows which lines carry credentials);
on top of that every recorded line passes through the one ``Scrubber``. The record is bounded
(``replies.MAX_TRANSCRIPT_LINES`` lines, each cut at ``MAX_SHOWN_LINE`` characters), so a server
that floods the connection cannot grow it without end.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Protocol

from smtpdesk.core.i18n import Lang, Msg
from smtpdesk.core.scrub import MIN_SCRUB_LENGTH, REDACTED, Scrubber
from smtpdesk.core.smtp.replies import MAX_SHOWN_LINE, MAX_TRANSCRIPT_LINES
from smtpdesk.core.smtp.result import TranscriptLine

__all__ = ["MIN_SCRUB_LENGTH", "REDACTED", "Say", "Secrets", "Transcript"]

log = logging.getLogger("smtpdesk.smtp")
_ARROWS = {"client": "->", "server": "<-"}


class Secrets(Scrubber):
    """The scrubber for one account's password (and its AUTH blobs with this login)."""

    def __init__(self, username: str = "", password: str | None = None) -> None:
        super().__init__((password,), username)


class Say(Protocol):
    """Writes a line of smtpdesk's own into the record, in the language of the run."""

    def __call__(self, msg: Msg, /, **values: object) -> None: ...


class Transcript:
    """Collects ``TranscriptLine``s with the time since the run started (thread-safe: probe
    connections add their notes from helper threads). smtpdesk's own lines are in ``lang``."""

    def __init__(
        self,
        secrets: Scrubber,
        started: float | None = None,
        on_line: Callable[[TranscriptLine], None] | None = None,
        lang: Lang = "pl",
    ) -> None:
        self.secrets = secrets
        self.lang = lang
        self.started = time.monotonic() if started is None else started
        self.lines: list[TranscriptLine] = []
        self.omitted = 0
        self._on_line = on_line
        self._lock = threading.Lock()

    def elapsed_ms(self) -> float:
        return (time.monotonic() - self.started) * 1000.0

    def add(self, direction: str, text: str) -> TranscriptLine | None:
        if len(text) > MAX_SHOWN_LINE:
            text = f"{text[:MAX_SHOWN_LINE]}… ({len(text)})"
        line = TranscriptLine(dir=direction, text=self.secrets.scrub(text), t_ms=self.elapsed_ms())
        with self._lock:
            # The last places stay free for how the run ended.
            if len(self.lines) >= MAX_TRANSCRIPT_LINES - 20 and direction != "info":
                self.omitted += 1
                return None
            if len(self.lines) >= MAX_TRANSCRIPT_LINES:
                self.omitted += 1
                return None
            self.lines.append(line)
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s %s", _ARROWS.get(direction, "=="), line.text)
        if self._on_line is not None:
            self._on_line(line)
        return line

    def client(self, text: str) -> None:
        self.add("client", text)

    def server(self, text: str) -> None:
        self.add("server", text)

    def info(self, text: str) -> None:
        self.add("info", text)

    def say(self, msg: Msg, /, **values: object) -> None:
        self.info(msg.text(self.lang, **values))
