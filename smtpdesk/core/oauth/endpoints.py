"""Where each provider signs in, with which scopes, for the office's own app registration."""

from __future__ import annotations

from dataclasses import dataclass, field

from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import (
    GOOGLE_AUTHORITY,
    MICROSOFT_AUTHORITY,
    MICROSOFT_DEFAULT_TENANT,
    AuthMethod,
    OAuthApps,
)

GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token"
# SMTP.Send is the only mail permission needed; openid/email name the account that signed in,
# offline_access brings the refresh token.
MICROSOFT_SCOPES = ("https://outlook.office.com/SMTP.Send", "offline_access", "openid", "email", "profile")
GOOGLE_SCOPES = ("https://mail.google.com/", "openid", "email")

PROVIDER_NAMES: dict[AuthMethod, str] = {
    AuthMethod.OAUTH_MICROSOFT: "Microsoft",
    AuthMethod.OAUTH_GOOGLE: "Google",
}

MSG_NOT_CONFIGURED = Msg(
    pl="Logowanie przez {provider} nie jest jeszcze skonfigurowane: administrator musi raz wpisać "
    "identyfikator aplikacji biura (Narzędzia → Logowanie Microsoft i Google).",
    en="Signing in with {provider} is not set up yet: an administrator must enter the office's app "
    "ID once (Tools → Microsoft and Google sign-in).",
)


class OAuthNotConfigured(Exception):
    def __init__(self, method: AuthMethod) -> None:
        self.method = method
        self.message = Msg(
            pl=MSG_NOT_CONFIGURED.pl.format(provider=PROVIDER_NAMES.get(method, "")),
            en=MSG_NOT_CONFIGURED.en.format(provider=PROVIDER_NAMES.get(method, "")),
        )
        super().__init__(self.message.en)

    def __str__(self) -> str:  # shown to a person: in the language of the program
        return self.message.text()


@dataclass(frozen=True)
class Endpoints:
    method: AuthMethod
    client_id: str
    authorize_url: str
    token_url: str
    scopes: tuple[str, ...]
    # The host of the loopback redirect: Microsoft matches "http://localhost" registrations,
    # Google recommends the loopback address itself.
    redirect_host: str
    client_secret: str = field(default="", repr=False)
    extra: tuple[tuple[str, str], ...] = ()  # further authorization parameters
    ca_file: str = ""

    @property
    def provider(self) -> str:
        return PROVIDER_NAMES[self.method]


def endpoints_for(method: AuthMethod, apps: OAuthApps, client_secret: str = "") -> Endpoints:
    """The endpoints of ``method`` for the office's registration (OAuthNotConfigured without one)."""
    client_id = apps.client_id(method)
    if not method.oauth or not client_id:
        raise OAuthNotConfigured(method)
    if method is AuthMethod.OAUTH_MICROSOFT:
        authority = (apps.microsoft_authority.strip() or MICROSOFT_AUTHORITY).rstrip("/")
        tenant = apps.microsoft_tenant.strip() or MICROSOFT_DEFAULT_TENANT
        base = f"{authority}/{tenant}/oauth2/v2.0"
        return Endpoints(
            method=method,
            client_id=client_id,
            authorize_url=f"{base}/authorize",
            token_url=f"{base}/token",
            scopes=MICROSOFT_SCOPES,
            redirect_host="localhost",
            extra=(("prompt", "select_account"),),
            ca_file=apps.ca_file,
        )
    authority = apps.google_authority.strip().rstrip("/")
    return Endpoints(
        method=method,
        client_id=client_id,
        authorize_url=f"{authority or GOOGLE_AUTHORITY}/o/oauth2/v2/auth",
        token_url=f"{authority}/token" if authority else GOOGLE_TOKEN_URL,
        scopes=GOOGLE_SCOPES,
        redirect_host="127.0.0.1",
        client_secret=client_secret,
        # A refresh token is only handed out with offline access, and again only after consent.
        extra=(("access_type", "offline"), ("prompt", "consent")),
        ca_file=apps.ca_file,
    )
