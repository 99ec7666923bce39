"""SMTP AUTH with an OAuth2 access token: OAUTHBEARER (RFC 7628) and XOAUTH2 (Google, Microsoft).

The two mechanisms are ``sasl.Mechanism`` classes like PLAIN and LOGIN, whose secret is the access
token. The token comes from the request's token provider at the AUTH step (so it is as fresh as it
can be) and is added to the run's secrets before anything is sent; the AUTH line is shown redacted.
When the server refuses the token it first sends a 334 challenge with a JSON explanation (it names
no token, so the transcript keeps it); the answer ends the exchange as the RFCs ask, so the final
5xx reply reaches the diagnosis.
"""

from __future__ import annotations

from collections.abc import Callable

from smtpdesk.core.oauth.errors import OAuthError
from smtpdesk.core.smtp import notes, sasl
from smtpdesk.core.smtp.connection import Refused, Reply, SmtpConnection
from smtpdesk.core.smtp.transcript import Say, Secrets

TokenFetcher = Callable[[], str]


def xoauth2_response(username: str, token: str) -> str:
    return f"user={username}\x01auth=Bearer {token}\x01\x01"


def _saslname(username: str) -> str:
    # RFC 5801 section 4: "," and "=" in the authorization identity are escaped.
    return username.replace("=", "=3D").replace(",", "=2C")


def oauthbearer_response(username: str, token: str, host: str, port: int) -> str:
    return f"n,a={_saslname(username)},\x01host={host}\x01port={port}\x01auth=Bearer {token}\x01\x01"


class _TokenMechanism(sasl.Mechanism):
    """A token login: one initial response; a challenge is the server's error explanation (JSON
    naming no token), which ``explained`` records, and the answer ends the exchange."""

    END = b""

    def __init__(self, credentials: sasl.Credentials, explained: Say) -> None:
        super().__init__(credentials)
        self.explained = explained

    def respond(self, challenge: bytes) -> bytes:
        self.explained(notes.SERVER_EXPLAINED, explanation=challenge.decode("utf-8", "replace")[:500])
        return self.END


class XOAuth2(_TokenMechanism):
    name = "XOAUTH2"

    def initial(self) -> bytes | None:
        return xoauth2_response(self.credentials.username, self.credentials.secret).encode("utf-8")


class OAuthBearer(_TokenMechanism):
    name = "OAUTHBEARER"
    END = b"\x01"  # RFC 7628 3.2.3: a single ^A ends a failed exchange

    def __init__(self, credentials: sasl.Credentials, explained: Say, host: str, port: int) -> None:
        super().__init__(credentials, explained)
        self.host, self.port = host, port

    def initial(self) -> bytes | None:
        c = self.credentials
        return oauthbearer_response(c.username, c.secret, self.host, self.port).encode("utf-8")


# The standard mechanism first; XOAUTH2 is what Microsoft 365 offers (and Gmail too).
PREFERENCE: tuple[str, ...] = ("OAUTHBEARER", "XOAUTH2")


def choose(conn: SmtpConnection) -> str | None:
    """The OAuth2 mechanism to use, of those the server offers."""
    offered = conn.auth_mechanisms()
    return next((m for m in PREFERENCE if m in offered), None)


def log_in(
    conn: SmtpConnection,
    name: str,
    *,
    username: str,
    host: str,
    port: int,
    fetch_token: TokenFetcher,
    secrets: Secrets,
    note: Say,
) -> Reply:
    """Logs in with mechanism ``name`` and a fresh access token. Raises ``OAuthError`` when no
    token can be had and ``Refused`` when the server does not take it."""
    note(notes.FETCHING_TOKEN)
    token = fetch_token()
    if not token:
        raise OAuthError("invalid_response", "the sign-in server gave an empty access token", stage="refresh")
    secrets.add(token)
    note(notes.TOKEN_RECEIVED, mechanism=name)
    credentials = sasl.Credentials(username, token)
    mechanism: sasl.Mechanism = (
        OAuthBearer(credentials, note, host, port) if name == "OAUTHBEARER" else XOAuth2(credentials, note)
    )
    reply = conn.authenticate(mechanism)
    if reply.code not in (235, 503):
        raise Refused(reply, "SMTPAuthenticationError")
    return reply
