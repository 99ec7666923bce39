"""The server side of XOAUTH2 / OAUTHBEARER for aiosmtpd: the demo server's OAuth2 mailbox and the
tests' "tokens only" server use it. A token is checked with ``validate(user, token)``; a refused one
gets the providers' JSON challenge, then "535 5.7.3 Authentication unsuccessful", as Microsoft 365
answers."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable

from aiosmtpd.smtp import MISSING, SMTP, AuthResult

Validator = Callable[[str, str], bool]
REFUSED = "535 5.7.3 Authentication unsuccessful"
_ERROR = json.dumps({"status": "401", "schemes": "bearer", "scope": "https://outlook.office.com/SMTP.Send"})


def parse_xoauth2(blob: bytes) -> tuple[str, str]:
    parts = dict(p.split("=", 1) for p in blob.decode("utf-8").split("\x01") if "=" in p)
    token = parts.get("auth", "")
    return parts.get("user", ""), token[7:] if token.startswith("Bearer ") else ""


def parse_oauthbearer(blob: bytes) -> tuple[str, str]:
    header, _, rest = blob.decode("utf-8").partition("\x01")
    user = next((f[2:] for f in header.split(",") if f.startswith("a=")), "")
    user = user.replace("=2C", ",").replace("=3D", "=")
    fields = dict(p.split("=", 1) for p in rest.split("\x01") if "=" in p)
    token = fields.get("auth", "")
    return user, token[7:] if token.startswith("Bearer ") else ""


class OAuthMechanisms:
    """Mix into an aiosmtpd handler: adds ``AUTH XOAUTH2`` and ``AUTH OAUTHBEARER``."""

    oauth_validate: Validator
    oauth_logins: list[str]

    async def _oauth(
        self, server: SMTP, args: list[str], parse: Callable[[bytes], tuple[str, str]]
    ) -> AuthResult:
        if len(args) > 1:
            encoded: bytes | None = args[1].encode("ascii", "replace")
        else:
            answer = await server.challenge_auth("", encode_to_b64=False)
            encoded = None if answer is MISSING else base64.b64encode(bytes(answer))
        try:
            user, token = parse(base64.b64decode(encoded or b"", validate=True))
        except (binascii.Error, ValueError, UnicodeDecodeError):
            return AuthResult(success=False, handled=False, message="501 5.5.2 Cannot decode response")
        if user and token and self.oauth_validate(user, token):
            self.oauth_logins.append(user)
            return AuthResult(success=True, auth_data=user)
        await server.challenge_auth(_ERROR)  # the client answers with an empty line (or ^A)
        return AuthResult(success=False, handled=False, message=REFUSED)

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        return await self._oauth(server, args, parse_xoauth2)

    async def auth_OAUTHBEARER(self, server: SMTP, args: list[str]) -> AuthResult:
        return await self._oauth(server, args, parse_oauthbearer)
