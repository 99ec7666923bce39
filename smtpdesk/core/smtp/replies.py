"""Reading server replies: their bounds, enhanced status codes and an accepted message's queue id."""

from __future__ import annotations

import re

# Bounds on what one reply may be. RFC 5321 allows 512 bytes per line; real servers go beyond it
# (long Microsoft 365 and Gmail texts run to about 1 KB), but nothing honest comes near these.
MAX_LINE_BYTES = 4096
MAX_REPLY_LINES = 100
MAX_REPLY_BYTES = 65536
# What the transcript keeps of one run, so a flood cannot grow memory there either.
MAX_TRANSCRIPT_LINES = 600
MAX_SHOWN_LINE = 1000

_ENHANCED = re.compile(r"^\s*([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])")
# "250 2.0.0 Ok: queued as 4XyZ12", "250 OK id=1rAbCd-000Xyz-2E", "250 2.0.0 OK <id@host> [Hostname=…]",
# "250 2.0.0 OK  1700000000 a1-20020a05sm123ejr.12 - gsmtp", "250 Ok 0102018c…-000000 (SES)".
_QUEUE_ID = (
    re.compile(r"queued as\s+<?([A-Za-z0-9._@:+/=-]+?)>?(?:\s|$)", re.IGNORECASE),
    re.compile(r"\bid=([A-Za-z0-9._-]+)", re.IGNORECASE),
    re.compile(r"\bOK\s+<([^>\s]+)>", re.IGNORECASE),
    re.compile(r"\bOK\s+\d+\s+(\S+)\s+-\s+gsmtp", re.IGNORECASE),
    re.compile(r"^(?:2\.0\.0\s+)?Ok\s+([0-9a-f]{16,}[0-9a-f-]*)", re.IGNORECASE),
)
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]")


def decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    return data.decode("utf-8", errors="replace")


def shown(data: bytes | str, limit: int = MAX_SHOWN_LINE) -> str:
    """Bytes from the wire as a person may read them: control characters escaped, long lines cut."""
    text = decode(data).rstrip("\r\n")
    text = _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group(0)) & 0xFF:02x}", text)
    if len(text) > limit:
        return f"{text[:limit]}… ({len(text)})"
    return text


def enhanced_code(text: str) -> str | None:
    """The RFC 3463 status at the start of a reply text (``5.7.8``), if there is one."""
    match = _ENHANCED.match(text)
    return ".".join(match.groups()) if match else None


def queue_id(text: str) -> str | None:
    """The server's reference for an accepted message, from the reply text after DATA."""
    for pattern in _QUEUE_ID:
        match = pattern.search(text)
        if match:
            return match.group(1)
    return None


def reply_line(code: int, text: str) -> str:
    """One reply as a person reads it: ``553 5.7.1 …`` (continuation lines joined by spaces)."""
    flat = " ".join(part.strip() for part in text.splitlines() if part.strip())
    return f"{code} {flat}".strip() if code > 0 else flat
