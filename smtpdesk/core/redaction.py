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

_lock = threading.Lock()
_known: set[str] = set()

# An AUTH command's argument is a credential whatever it encodes (PLAIN, LOGIN, XOAUTH2 tokens).
_AUTH_ARGUMENT = re.compile(r"(?i)\b(AUTH\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5))\s+\S+")
AUTH_REDACTED = r"\1 [UKRYTO]"


# Hiding every "a" or "12" would make the log unreadable; passwords that short are refused by
# every provider anyway.
MIN_SECRET_LENGTH = 4


def remember_secret(secret: str | None) -> None:
    """Makes ``redact`` hide ``secret`` from now on (kept in this process's memory only)."""
    if secret and len(secret) >= MIN_SECRET_LENGTH:
        with _lock:
            _known.add(secret)


def redact(text: str) -> str:
    """``text`` without any password this program has seen and without AUTH arguments."""
    from smtpdesk.core.report import scrub

    with _lock:
        secrets = tuple(_known)
    if secrets:
        text = scrub(text, secrets)
    return _AUTH_ARGUMENT.sub(AUTH_REDACTED, text)
