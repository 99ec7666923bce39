"""smtplib on a socket the engine opened: every line recorded, AUTH in UTF-8 and redacted.

smtplib encodes AUTH responses as ASCII (``UnicodeEncodeError`` for "Hasło", cpython #73936),
retries every mechanism after a wrong password (three failed logins where one is enough to know),
and prints nothing we can show. This subclass fixes those three things and leaves the protocol
details (reply parsing, EHLO features, dot-stuffing) to smtplib.
"""

from __future__ import annotations

import base64
import hmac
import re
import smtplib
import socket
from collections.abc import Callable

from smtpdesk.core.smtp.replies import decode
from smtpdesk.core.smtp.transcript import REDACTED, Transcript

# Mechanisms smtpdesk can use, in order of preference. The conversation is encrypted by the
# time a password is sent (unless the account explicitly allows otherwise), so the simple,
# universally implemented ones come first; CRAM-MD5 is for servers offering nothing else.
SUPPORTED_MECHANISMS = ("PLAIN", "LOGIN", "CRAM-MD5")
_MAX_CHALLENGES = 5
_VERBS = frozenset({"ehlo", "helo", "mail", "rcpt", "data", "quit", "rset", "noop", "starttls", "auth"})
_MAX_LINE = 8192
_HEADER_END = re.compile(rb"\r\n\r\n")
_BARE_NEWLINE = re.compile(rb"\r(?!\n)|(?<!\r)\n")


def _b64(data: str) -> str:
    return base64.b64encode(data.encode("utf-8")).decode("ascii")


def normalise_line_ends(message: bytes) -> bytes:
    return _BARE_NEWLINE.sub(b"\r\n", message)


class SmtpConnection(smtplib.SMTP):
    """One SMTP session over ``sock`` (already connected, possibly already TLS)."""

    def __init__(self, sock: socket.socket, transcript: Transcript, local_hostname: str) -> None:
        # No host: smtplib must not connect by itself; an explicit name: no getfqdn() lookup.
        super().__init__(local_hostname=local_hostname)
        self.sock = sock
        self.file = None
        self._transcript = transcript
        self._shown: str | None = None  # what the transcript shows instead of the line being sent
        self.bytes_received = 0

    # -- recording -------------------------------------------------------------------------
    def putcmd(self, cmd: str, args: str = "") -> None:
        # smtplib sends verbs in lower case; the transcript reads better the usual way.
        super().putcmd(cmd.upper() if cmd.lower() in _VERBS else cmd, args)

    def send(self, s: str | bytes) -> None:  # type: ignore[override]
        if self._shown is not None:
            self._transcript.client(self._shown)
        else:
            text = decode(s)
            for line in text.split("\r\n"):
                if line:
                    self._transcript.client(line)
        super().send(s)

    def getreply(self) -> tuple[int, bytes]:
        """smtplib's reply reader, recording each line and keeping the socket error as the cause."""
        lines: list[bytes] = []
        if self.file is None:
            assert self.sock is not None
            self.file = self.sock.makefile("rb")
        errcode = -1
        while True:
            try:
                line = self.file.readline(_MAX_LINE + 1)
            except OSError as error:
                self.close()
                raise smtplib.SMTPServerDisconnected(f"Connection unexpectedly closed: {error}") from error
            if not line:
                self.close()
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
            self.bytes_received += len(line)
            self._transcript.server(decode(line).rstrip("\r\n"))
            if len(line) > _MAX_LINE:
                self.close()
                raise smtplib.SMTPResponseException(500, "Line too long.")
            lines.append(line[4:].strip(b" \t\r\n"))
            try:
                errcode = int(line[:3])
            except ValueError:
                errcode = -1
                lines[-1] = line.strip(b" \t\r\n")  # not SMTP: keep the whole line as the text
                break
            if line[3:4] != b"-":
                break
        return errcode, b"\n".join(lines)

    def _secret_command(self, line: str, shown: str) -> tuple[int, bytes]:
        self._shown = shown
        try:
            self.putcmd(line)
        finally:
            self._shown = None
        return self.getreply()

    # -- authentication --------------------------------------------------------------------
    def auth(
        self,
        mechanism: str,
        authobject: Callable[..., str | None],
        *,
        initial_response_ok: bool = True,
    ) -> tuple[int, bytes]:
        """RFC 4954 exchange with UTF-8 credentials (RFC 4616) and redacted client lines."""
        mechanism = mechanism.upper()
        initial = authobject() if initial_response_ok else None
        if initial is not None:
            code, reply = self._secret_command(
                f"AUTH {mechanism} {_b64(initial)}", f"AUTH {mechanism} {REDACTED}"
            )
        else:
            code, reply = self.docmd("AUTH", mechanism)
        challenges = 0
        while code == 334:
            challenges += 1
            if challenges > _MAX_CHALLENGES:
                raise smtplib.SMTPException("Server AUTH mechanism asked too many questions.")
            answer = authobject(base64.b64decode(reply))
            code, reply = self._secret_command(_b64(answer or ""), REDACTED)
        if code in (235, 503):  # 503: already authenticated
            return code, reply
        raise smtplib.SMTPAuthenticationError(code, reply)

    def authenticate(self, username: str, password: str) -> tuple[int, bytes]:
        """Log in once with the best mechanism both sides support (no retries with a wrong
        password: servers lock accounts after a few). Falls through to the next mechanism only
        when the server says it does not implement the one tried (504)."""
        offered = self.esmtp_features.get("auth", "").upper().split()
        usable = [m for m in SUPPORTED_MECHANISMS if m in offered]
        if not usable:
            raise smtplib.SMTPException("No suitable authentication method found.")
        last: smtplib.SMTPAuthenticationError | None = None
        for mechanism in usable:
            try:
                return self.auth(
                    mechanism, _authobject(mechanism, username, password), initial_response_ok=True
                )
            except smtplib.SMTPAuthenticationError as error:
                if error.smtp_code != 504:
                    raise
                last = error
        assert last is not None
        raise last

    # -- message ---------------------------------------------------------------------------
    def send_data(self, message: bytes) -> tuple[int, bytes]:
        """DATA with the message; the transcript shows the headers and the size of the body."""
        self.putcmd("data")
        code, reply = self.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        message = normalise_line_ends(message)
        payload = smtplib._quote_periods(message)  # type: ignore[attr-defined]
        if not payload.endswith(b"\r\n"):
            payload += b"\r\n"
        payload += b".\r\n"
        split = _HEADER_END.search(message)
        headers = message[: split.start()] if split else b""
        for line in headers.split(b"\r\n"):
            if line:
                self._transcript.client(decode(line))
        self._shown = f"({len(message)} bytes of message) ."
        try:
            self.send(payload)
        finally:
            self._shown = None
        return self.getreply()


def _authobject(mechanism: str, username: str, password: str) -> Callable[..., str | None]:
    """The answer to each AUTH challenge; initial response where the mechanism has one."""
    if mechanism == "PLAIN":

        def plain(challenge: bytes | None = None) -> str | None:
            return f"\0{username}\0{password}"

        return plain
    if mechanism == "LOGIN":
        answers = iter((username, password))

        def login(challenge: bytes | None = None) -> str | None:
            if challenge is None:
                return None  # the classic exchange: wait for "Username:" before sending it
            return next(answers, "")

        return login

    def cram_md5(challenge: bytes | None = None) -> str | None:
        if challenge is None:
            return None
        digest = hmac.HMAC(password.encode("utf-8"), challenge, "md5").hexdigest()
        return f"{username} {digest}"

    return cram_md5
