"""What keeps passwords out of the log file: every log line passes through ``redact``.

The program remembers (in memory only) each password it read from or wrote to the keychain and
each one typed for a test, so a password quoted by a library, a server reply or a traceback is
replaced before the line is written. ``redact`` is the single door: it hands the text to the
project's scrubber, which knows every encoded form (base64 at any alignment, percent-encoding,
bytes written out).
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded with the first secret, not when logging starts
    from smtpdesk.core.scrub import Scrubber

_lock = threading.Lock()
_known: set[str] = set()
# Built once per new secret, not per line: a log line then costs one pass of one pattern.
_scrubber: Scrubber | None = None

# An AUTH command's argument is a credential whatever it encodes (PLAIN, LOGIN, XOAUTH2 tokens).
_AUTH_ARGUMENT = re.compile(r"(?i)\b(AUTH\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5))\s+\S+")
AUTH_REDACTED = r"\1 [UKRYTO]"


# Hiding every "a" or "12" would make the log unreadable; passwords that short are refused by
# every provider anyway.
MIN_SECRET_LENGTH = 4


def remember_secret(secret: str | None) -> None:
    """Makes ``redact`` hide ``secret`` from now on (kept in this process's memory only)."""
    global _scrubber
    if secret and len(secret) >= MIN_SECRET_LENGTH:
        with _lock:
            if secret not in _known:
                _known.add(secret)
                _scrubber = None


def _current_scrubber() -> Scrubber | None:
    global _scrubber
    with _lock:
        if _scrubber is None and _known:
            from smtpdesk.core.scrub import Scrubber

            _scrubber = Scrubber(_known)
        return _scrubber


def redact(text: str) -> str:
    """``text`` without any password this program has seen and without AUTH arguments."""
    scrubber = _current_scrubber()
    if scrubber is not None:
        from smtpdesk.core.report import REDACTED
        from smtpdesk.core.scrub import REDACTED as SCRUBBED

        text = scrubber.scrub(text).replace(SCRUBBED, REDACTED)
    return _AUTH_ARGUMENT.sub(AUTH_REDACTED, text)
