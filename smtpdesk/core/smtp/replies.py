"""Reading server replies: enhanced status codes and the queue id of an accepted message."""

from __future__ import annotations

import re

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


def decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    return data.decode("utf-8", errors="replace")


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
