"""One SMTP session on a socket the engine opened: bounded replies, deadlines, a full record.

Every read waits only as long as the current ``Deadline`` allows, and a reply may not grow beyond
``replies.MAX_LINE_BYTES`` per line, ``MAX_REPLY_LINES`` lines or ``MAX_REPLY_BYTES`` in all: a
server that drips, floods or never ends a reply is stopped within its deadline with memory that
stays flat. What the server says is recorded line by line; lines carrying credentials are recorded
as ``REDACTED``.
"""

from __future__ import annotations

import base64
import binascii
import re
import socket
from collections.abc import Callable
from dataclasses import dataclass

from smtpdesk.core.scrub import REDACTED
from smtpdesk.core.smtp import notes, sasl
from smtpdesk.core.smtp.deadline import Deadline
from smtpdesk.core.smtp.replies import MAX_LINE_BYTES, MAX_REPLY_BYTES, MAX_REPLY_LINES, decode, shown
from smtpdesk.core.smtp.transcript import Transcript

_REPLY_START = re.compile(rb"^\d{3}(?:[ -]|\r?$)")
_BARE_NEWLINE = re.compile(rb"\r(?!\n)|(?<!\r)\n")
_HEADER_END = re.compile(rb"\r\n\r\n")
_REARM_S = 0.05
_CHUNK = 8192  # a read buffer of this size is allocated for every read
# After the first bytes showed the peer does not speak SMTP, how long to wait for the rest of its
# first line (to show it), at most.
_FOREIGN_LINE_WAIT = 1.0


class ServerClosed(ConnectionError):
    """The server closed the connection (before answering, or in the middle of a reply)."""


class ReplyOverflow(Exception):
    """A reply broke one of the bounds; ``kind`` is "line", "lines" or "bytes"."""

    def __init__(self, kind: str, start: str) -> None:
        super().__init__(f"the server's reply exceeded the limit of {_LIMITS[kind]}")
        self.kind = kind
        self.start = start  # the beginning of what arrived, for the transcript and the diagnosis


_LIMITS = {
    "line": f"{MAX_LINE_BYTES} bytes per line",
    "lines": f"{MAX_REPLY_LINES} lines per reply",
    "bytes": f"{MAX_REPLY_BYTES} bytes per reply",
}


class NotSmtp(Exception):
    """The peer answered with something that is not an SMTP reply (POP3, IMAP, HTTP, garbage)."""

    def __init__(self, first_line: str) -> None:
        super().__init__(f"not an SMTP reply: {first_line}")
        self.first_line = first_line


@dataclass(frozen=True)
class Reply:
    code: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def first(self) -> str:
        return self.lines[0] if self.lines else ""


class Refused(Exception):
    """The server answered a command with a code the step does not accept."""

    def __init__(self, reply: Reply, kind: str) -> None:
        super().__init__(f"{reply.code} {reply.first}")
        self.reply = reply
        self.kind = kind  # the name the diagnosis knows it by, e.g. "SMTPHeloError"


def normalise_line_ends(message: bytes) -> bytes:
    return _BARE_NEWLINE.sub(b"\r\n", message)


def dot_stuffed(message: bytes) -> bytes:
    """The message as DATA sends it: CRLF line ends, leading dots doubled, ending in CRLF . CRLF."""
    message = normalise_line_ends(message)
    payload = re.sub(rb"(?m)^\.", b"..", message)
    if not payload.endswith(b"\r\n"):
        payload += b"\r\n"
    return payload + b".\r\n"


class SmtpConnection:
    """Commands and replies over ``sock``; ``deadline`` bounds every wait (set it per stage)."""

    def __init__(self, sock: socket.socket, transcript: Transcript, deadline: Deadline) -> None:
        self.sock = sock
        self.transcript = transcript
        self.deadline = deadline
        self.features: dict[str, str] = {}
        self.bytes_received = 0
        self._buffer = bytearray()
        self._armed: tuple[socket.socket, float] | None = None

    def _arm(self) -> None:
        """Give the socket the time left to the deadline. Setting a timeout costs system calls,
        so it is renewed only once the deadline has come 50 ms closer (or moved further off):
        no read can outlast the deadline by more than that."""
        left = self.deadline.left()
        armed = self._armed
        if armed is None or armed[0] is not self.sock or not left <= armed[1] < left + _REARM_S:
            self.sock.settimeout(left)
            self._armed = (self.sock, left)

    # -- reading -------------------------------------------------------------------------------
    def _fill(self) -> bool:
        """Read what is there within the deadline; False when the server closed the connection."""
        self._arm()
        try:
            chunk = self.sock.recv(_CHUNK)
        except TimeoutError:
            raise self.deadline.exceeded() from None
        if not chunk:
            return False
        self.bytes_received += len(chunk)
        self._buffer.extend(chunk)
        return True

    def _line(self, first: bool) -> bytes:
        """One line without its CRLF, bounded in length."""
        foreign_until: Deadline | None = None
        while True:
            end = self._buffer.find(b"\n")
            if end >= 0:
                line = bytes(self._buffer[:end]).rstrip(b"\r")
                del self._buffer[: end + 1]
                if len(line) > MAX_LINE_BYTES:
                    raise ReplyOverflow("line", shown(line[:200], 200))
                return line
            if first and len(self._buffer) >= 4 and not _REPLY_START.match(bytes(self._buffer[:4])):
                # Not SMTP: wait a moment for the rest of its first line, only to show it.
                if foreign_until is None:
                    foreign_until = Deadline(_FOREIGN_LINE_WAIT, within=self.deadline)
                if foreign_until.expired() or len(self._buffer) >= 512:
                    raise NotSmtp(shown(bytes(self._buffer[:512]), 200))
                saved, self.deadline = self.deadline, foreign_until
                try:
                    more = self._fill()
                except TimeoutError:
                    more = False
                finally:
                    self.deadline = saved
                if not more:
                    raise NotSmtp(shown(bytes(self._buffer[:512]), 200))
                continue
            if len(self._buffer) > MAX_LINE_BYTES:
                start = shown(bytes(self._buffer[:200]), 200)
                self._buffer.clear()
                raise ReplyOverflow("line", start)
            if not self._fill():
                partial = bytes(self._buffer)
                self._buffer.clear()
                if partial:
                    self.transcript.server(shown(partial))
                raise ServerClosed(
                    "the server closed the connection in the middle of a reply"
                    if partial or not first
                    else "the server closed the connection"
                )

    def read_reply(self) -> Reply:
        """One complete reply (all its continuation lines), or an exception saying why not."""
        lines: list[str] = []
        code = -1
        total = 0
        try:
            while True:
                raw = self._line(first=not lines)
                total += len(raw) + 2
                text = decode(raw)
                if not _REPLY_START.match(raw[:4]):
                    self.transcript.server(shown(raw))
                    raise NotSmtp(shown(raw, 200))
                self.transcript.server(shown(text))
                if not lines:
                    code = int(raw[:3])
                lines.append(text[4:].strip())
                if total > MAX_REPLY_BYTES:
                    raise ReplyOverflow("bytes", lines[0][:200])
                if raw[3:4] != b"-":
                    return Reply(code, tuple(lines))
                if len(lines) >= MAX_REPLY_LINES:
                    raise ReplyOverflow("lines", lines[0][:200])
        except TimeoutError:
            if self._buffer:
                self.transcript.say(notes.INCOMPLETE_REPLY, reply=shown(bytes(self._buffer[:200]), 200))
            raise

    # -- writing -------------------------------------------------------------------------------
    def send(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            self._arm()
            try:
                sent = self.sock.send(view[:_CHUNK])
            except TimeoutError:
                raise self.deadline.exceeded() from None
            view = view[sent:]

    def command(self, line: str, *, shown_as: str | None = None) -> Reply:
        """Send one command line (UTF-8) and read its reply."""
        self.transcript.client(shown_as if shown_as is not None else line)
        self.send(line.encode("utf-8") + b"\r\n")
        return self.read_reply()

    def discard_buffer(self) -> None:
        """After STARTTLS nothing read before the handshake may be used (RFC 3207)."""
        self._buffer.clear()

    # -- SMTP steps ------------------------------------------------------------------------------
    def ehlo(self, name: str) -> Reply:
        reply = self.command(f"EHLO {name}")
        if reply.code == 250:
            self.features = {}
            for line in reply.lines[1:]:
                keyword, _, value = line.partition(" ")
                if keyword:
                    self.features[keyword.lower()] = value.strip()
        return reply

    def helo(self, name: str) -> Reply:
        self.features = {}
        return self.command(f"HELO {name}")

    def offers(self, extension: str) -> bool:
        return extension.lower() in self.features

    def auth_mechanisms(self) -> tuple[str, ...]:
        return tuple(self.features.get("auth", "").upper().split())

    def size_limit(self) -> int | None:
        value = self.features.get("size", "").strip()
        return int(value) if value.isdigit() and int(value) > 0 else None

    def authenticate(self, mechanism: sasl.Mechanism) -> Reply:
        """RFC 4954 exchange; every line that carries a credential shows as ``REDACTED``."""
        initial = mechanism.initial()
        if initial is not None:
            reply = self.command(
                f"AUTH {mechanism.name} {_b64(initial)}", shown_as=f"AUTH {mechanism.name} {REDACTED}"
            )
        else:
            reply = self.command(f"AUTH {mechanism.name}")
        challenges = 0
        while reply.code == 334:
            challenges += 1
            if challenges > sasl.MAX_CHALLENGES:
                raise Refused(reply, "TooManyChallenges")
            try:
                challenge = base64.b64decode(reply.first, validate=True)
            except (binascii.Error, ValueError):
                challenge = b""
            reply = self.command(_b64(mechanism.respond(challenge)), shown_as=REDACTED)
        return reply

    def send_message(self, message: bytes, on_sent: Callable[[], None] | None = None) -> Reply:
        """The message after DATA's 354: the transcript shows its headers and its size."""
        payload = dot_stuffed(message)
        split = _HEADER_END.search(payload)
        headers = payload[: split.start()] if split else b""
        for line in headers.split(b"\r\n"):
            if line:
                self.transcript.client(shown(line))
        self.transcript.client(f"({len(payload) - 3} B) .")
        self.send(payload)
        if on_sent is not None:
            on_sent()
        return self.read_reply()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
