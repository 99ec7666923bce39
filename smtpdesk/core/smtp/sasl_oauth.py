"""SMTP AUTH with an OAuth2 access token: OAUTHBEARER (RFC 7628) and XOAUTH2 (Google, Microsoft).

The access token comes from the request's token provider at the AUTH step (so it is as fresh as it
can be), is added to the transcript's secrets before anything is sent, and travels only inside the
AUTH line, which the transcript shows redacted. When the server refuses the token it first sends
a 334 challenge with a JSON explanation; that is recorded (it names no token) and the exchange is
ended as the RFC asks, so the final 5xx reply reaches the diagnosis.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable

from smtpdesk.core.oauth.errors import OAuthError
from smtpdesk.core.smtp.connection import SmtpConnection
from smtpdesk.core.smtp.transcript import Secrets, Transcript

TokenFetcher = Callable[[], str]

# The standard mechanism first; XOAUTH2 is what Microsoft 365 offers (and Gmail too).
MECHANISMS = ("OAUTHBEARER", "XOAUTH2")


def xoauth2_response(username: str, token: str) -> str:
    return f"user={username}\x01auth=Bearer {token}\x01\x01"


def _saslname(username: str) -> str:
    # RFC 5801 section 4: "," and "=" in the authorization identity are escaped.
    return username.replace("=", "=3D").replace(",", "=2C")


def oauthbearer_response(username: str, token: str, host: str, port: int) -> str:
    return f"n,a={_saslname(username)},\x01host={host}\x01port={port}\x01auth=Bearer {token}\x01\x01"


def offered_mechanism(conn: SmtpConnection) -> str | None:
    offered = conn.esmtp_features.get("auth", "").upper().split()
    return next((m for m in MECHANISMS if m in offered), None)


def authenticate(
    conn: SmtpConnection,
    *,
    username: str,
    host: str,
    port: int,
    fetch_token: TokenFetcher,
    secrets: Secrets,
    transcript: Transcript,
) -> tuple[int, bytes]:
    """Log in with a fresh access token. Raises ``OAuthError`` when no token can be had and the
    usual smtplib errors for the server's refusals."""
    mechanism = offered_mechanism(conn)
    if mechanism is None:
        offered = conn.esmtp_features.get("auth", "").strip() or "none"
        raise smtplib.SMTPException(
            f"No suitable authentication method found: the server offers no OAuth2 login "
            f"(XOAUTH2 or OAUTHBEARER), only: {offered}"
        )
    transcript.info("Getting a fresh access token from the sign-in server")
    token = fetch_token()
    if not token:
        raise OAuthError("invalid_response", "the sign-in server gave an empty access token", stage="refresh")
    secrets.add(token)
    transcript.info(f"Access token received; logging in with {mechanism}")
    if mechanism == "OAUTHBEARER":
        initial = oauthbearer_response(username, token, host, port)
        end_of_error = "\x01"
    else:
        initial = xoauth2_response(username, token)
        end_of_error = ""

    def answer(challenge: bytes | None = None) -> str:
        if challenge is None:
            return initial
        transcript.info("The server explained: " + challenge.decode("utf-8", "replace")[:500])
        return end_of_error

    return conn.auth(mechanism, answer, initial_response_ok=True)
