"""SASL mechanisms for SMTP AUTH (RFC 4954): what the client answers to each server challenge.

A mechanism is a small class registered in ``MECHANISMS``; the engine offers them in the order of
``PREFERENCE`` and uses the first one the server announces. A new mechanism (for example one that
sends a token instead of a password) is one more class here plus its place in ``PREFERENCE``; the
engine's AUTH step and the redaction of the exchange need no change.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field


@dataclass
class Credentials:
    username: str
    secret: str = field(repr=False)  # a password (or token); never logged


class Mechanism:
    """One exchange. ``initial`` is sent with the AUTH command (None: wait for a challenge)."""

    name = ""

    def __init__(self, credentials: Credentials) -> None:
        self.credentials = credentials

    def initial(self) -> bytes | None:
        return None

    def respond(self, challenge: bytes) -> bytes:
        raise ValueError(f"{self.name} takes no challenge")


class Plain(Mechanism):
    """RFC 4616: authorisation id (empty), login and password in one UTF-8 blob."""

    name = "PLAIN"

    def initial(self) -> bytes | None:
        c = self.credentials
        return b"\0" + c.username.encode("utf-8") + b"\0" + c.secret.encode("utf-8")


class Login(Mechanism):
    """The classic exchange: the server asks "Username:" then "Password:"."""

    name = "LOGIN"

    def __init__(self, credentials: Credentials) -> None:
        super().__init__(credentials)
        self._answers = [credentials.username.encode("utf-8"), credentials.secret.encode("utf-8")]

    def respond(self, challenge: bytes) -> bytes:
        return self._answers.pop(0) if self._answers else b""


class CramMd5(Mechanism):
    """RFC 2195, for servers offering nothing else (the password itself is never sent)."""

    name = "CRAM-MD5"

    def respond(self, challenge: bytes) -> bytes:
        c = self.credentials
        digest = hmac.HMAC(c.secret.encode("utf-8"), challenge, "md5").hexdigest()
        return f"{c.username} {digest}".encode()


MECHANISMS: dict[str, type[Mechanism]] = {m.name: m for m in (Plain, Login, CramMd5)}
# The conversation is encrypted by the time a password is sent (unless the account explicitly
# allows otherwise), so the simple, universally implemented ones come first.
PREFERENCE: tuple[str, ...] = ("PLAIN", "LOGIN", "CRAM-MD5")
# A server asking more questions than any of these needs is not going to accept the login.
MAX_CHALLENGES = 5


def usable(offered: tuple[str, ...]) -> list[str]:
    """The mechanisms to try, best first, among those the server offered."""
    return [name for name in PREFERENCE if name in offered]
