"""Header lines of the test mail, written here rather than by ``email``'s folder.

CPython 3.11's header folder can put a real space between two RFC 2047 encoded words, where
clients drop it (a long Polish subject or name loses a space), so subjects and display names are
encoded and folded here: every space stays inside an encoded word. Every value is cleaned first —
control characters (CR, LF above all) never reach a header — and an address is accepted only in a
shape that cannot be read as more than one address.
"""

from __future__ import annotations

import base64
import re

from smtpdesk.core import addresses
from smtpdesk.core.addresses import MailAddress
from smtpdesk.core.footer import clean_line

# RFC 2047 limits a line holding encoded words to 76 characters.
MAX_LINE = 76
# 39 bytes of UTF-8 make 52 base64 characters: an encoded word of 64, which fits after "Reply-To: ".
_EW_BYTES = 39
_MAX_PLAIN_WORD = 60
_PLAIN_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+")


def header_safe(text: str) -> str:
    """A display name or subject fit for a header: control characters become spaces.

    A typed "=?" gets an invisible word joiner, so text that looks like an RFC 2047 encoded word is
    encoded itself and shown as typed, instead of being decoded by the client into other text.
    """
    return clean_line(text).replace("=?", "=\u2060?")


def parse_address(text: str) -> MailAddress:
    """``local@domain`` for a header, read by the one address parser (``ValueError`` otherwise)."""
    return addresses.parse_address(text)


def _encoded_words(text: str) -> list[str]:
    """``text`` as base64 encoded words, cut after a space where one is near, never inside a letter."""
    words: list[str] = []
    chunk = ""
    for char in text:
        if len((chunk + char).encode()) > _EW_BYTES:
            cut = chunk.rfind(" ") + 1
            if cut <= 0 or len((chunk[cut:] + char).encode()) > _EW_BYTES:
                cut = len(chunk)
            words.append(chunk[:cut])
            chunk = chunk[cut:]
        chunk += char
    if chunk:
        words.append(chunk)
    return ["=?utf-8?b?" + base64.b64encode(word.encode()).decode("ascii") + "?=" for word in words]


def _fold(name: str, tokens: list[str]) -> str:
    """``Name: token token …`` folded to lines of at most ``MAX_LINE`` characters.

    A fold turns the space between two tokens into CRLF + space, so unfolding restores it; between
    two encoded words that space is not part of the text (RFC 2047), so nothing is added there.
    """
    lines: list[str] = []
    line = f"{name}:"
    for index, token in enumerate(tokens):
        joined = f"{line} {token}"
        if index and len(joined) > MAX_LINE:
            lines.append(line)
            line = f" {token}"
        else:
            line = joined
    lines.append(line)
    return "\r\n".join(lines) + "\r\n"


def _ascii_plain(text: str) -> bool:
    return text.isascii() and all(len(word) <= _MAX_PLAIN_WORD for word in text.split(" "))


def unstructured(name: str, text: str) -> str:
    """A header like Subject: plain words when they are short ASCII, else encoded words."""
    text = header_safe(text)
    if _ascii_plain(text):
        return _fold(name, text.split(" "))
    return _fold(name, _encoded_words(text))


def mailbox(name: str, address: MailAddress, display_name: str = "") -> str:
    """A From/To/Reply-To header with one address and an optional display name."""
    display = header_safe(display_name)
    tokens: list[str] = []
    if display and _ascii_plain(display):
        words = display.split(" ")
        if all(_PLAIN_ATOM.fullmatch(word) and "." not in word for word in words):
            tokens = words
        else:
            quoted = [word.replace("\\", "\\\\").replace('"', '\\"') for word in words]
            quoted[0] = '"' + quoted[0]
            quoted[-1] = quoted[-1] + '"'
            tokens = quoted
    elif display:
        tokens = _encoded_words(display)
    addr = f"<{address.addr_spec}>" if tokens else address.addr_spec
    return _fold(name, [*tokens, addr])
