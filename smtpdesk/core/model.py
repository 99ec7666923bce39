"""The office's mail settings as plain, immutable data.

Everything the window edits, the store persists and the engine, routing and doctor read is one of
these classes. Passwords are never part of the model: they live in the secret store under
``account_key(...)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


class Security(str, Enum):
    """How the connection to the sending server is protected."""

    AUTO = "auto"  # 465 -> implicit TLS, otherwise STARTTLS (never sends a password in clear)
    STARTTLS = "starttls"
    SSL = "ssl"  # implicit TLS from the first byte
    NONE = "none"

    def __str__(self) -> str:
        return self.value


class AuthMethod(str, Enum):
    """How an account logs in to its server."""

    PASSWORD = "password"  # login and password (kept in the keychain)
    OAUTH_MICROSOFT = "oauth_microsoft"  # "Zaloguj przez Microsoft": a refresh token in the keychain
    OAUTH_GOOGLE = "oauth_google"  # "Zaloguj przez Google"

    @property
    def oauth(self) -> bool:
        return self is not AuthMethod.PASSWORD

    def __str__(self) -> str:
        return self.value


class ContactMode(str, Enum):
    """ "W mailach (stopka i adres mailowy)": whose contact a mail carries."""

    AGENT = "agent"  # "Kontakt do aktualnie zalogowanego agenta"
    COMPANY = "company"  # "Kontakt do firmy / biura"

    def __str__(self) -> str:
        return self.value


class Role(str, Enum):
    ADMIN = "admin"
    AGENT = "agent"

    def __str__(self) -> str:
        return self.value


IMPLICIT_TLS_PORT = 465
SUBMISSION_PORT = 587
DEFAULT_PORT = SUBMISSION_PORT


@dataclass(frozen=True)
class SmtpAccount:
    """One sending account: the four fields of "Ustawienia wysyłania poczty (SMTP)" plus the
    advanced security choice. ``host`` is already normalised (see ``core.validation``)."""

    host: str = ""
    port: int = DEFAULT_PORT
    username: str = ""
    security: Security = Security.AUTO
    # Credentials go over an unencrypted line only when the user allowed it for this account.
    allow_plaintext_auth: bool = False
    # SHA-256 fingerprint (hex, lower case, no colons) of a certificate the user chose to trust
    # for this host after seeing its details; never a switch that turns verification off.
    pinned_fingerprint: str = ""
    # Extra CA bundle (PEM) trusted for this account on top of the system store.
    ca_file: str = ""
    auth_method: AuthMethod = AuthMethod.PASSWORD

    @property
    def uses_oauth(self) -> bool:
        return self.auth_method.oauth

    @property
    def configured(self) -> bool:
        return bool(self.host)

    def resolved_security(self) -> Security:
        """The concrete mode AUTO starts with: implicit TLS on 465, STARTTLS elsewhere."""
        if self.security is Security.AUTO:
            return Security.SSL if self.port == IMPLICIT_TLS_PORT else Security.STARTTLS
        return self.security

    def with_changes(self, **changes: object) -> SmtpAccount:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Company:
    """ "Dane firmy", "Logo Firmy" and "Strona WWW"."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    logo: bytes | None = None
    logo_mime: str = ""  # image/png, image/jpeg or image/svg+xml


@dataclass(frozen=True)
class Giodo:
    """ "Ustawienia GIODO", enforced by the sign-in (``core.people``): password age and format for
    the application passwords, and clients' contact data masked for agents."""

    password_change_days: int = 0  # 0 = no forced change
    giodo_password_format: bool = False
    hide_client_contacts: bool = False


MICROSOFT_AUTHORITY = "https://login.microsoftonline.com"
MICROSOFT_DEFAULT_TENANT = "organizations"
GOOGLE_AUTHORITY = "https://accounts.google.com"


@dataclass(frozen=True)
class OAuthApps:
    """The office's own app registrations for "Zaloguj przez Microsoft / Google", entered once by
    the administrator. The Google client secret (Google requires one even for desktop apps) lives
    in the keychain under ``GOOGLE_CLIENT_SECRET``, never here."""

    microsoft_client_id: str = ""
    # "organizations" (any work account), "common" (also Outlook.com), or the tenant's ID / domain.
    microsoft_tenant: str = MICROSOFT_DEFAULT_TENANT
    # Empty: the public endpoints. Set for national clouds, or a loopback server in the demo.
    microsoft_authority: str = ""
    google_client_id: str = ""
    google_authority: str = ""
    # Extra CA bundle (PEM) trusted for the sign-in endpoints on top of the system store.
    ca_file: str = ""

    def client_id(self, method: AuthMethod) -> str:
        if method is AuthMethod.OAUTH_MICROSOFT:
            return self.microsoft_client_id.strip()
        if method is AuthMethod.OAUTH_GOOGLE:
            return self.google_client_id.strip()
        return ""


@dataclass(frozen=True)
class Employee:
    id: int | None = None
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    role: Role = Role.AGENT
    smtp: SmtpAccount | None = None  # None: the employee has no own sending account

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def has_own_smtp(self) -> bool:
        return self.smtp is not None and self.smtp.configured


@dataclass(frozen=True)
class OfficeSettings:
    """Everything on the Company Settings window except the employees, plus the application's
    default server (the one mail falls back to when no own SMTP is set)."""

    company: Company = field(default_factory=Company)
    contact_mode: ContactMode = ContactMode.AGENT
    company_smtp: SmtpAccount | None = None
    giodo: Giodo = field(default_factory=Giodo)
    default_server: SmtpAccount | None = None
    default_server_sender: str = ""  # envelope/From used by the default server, if it needs one
    # "Agenci mogą sami zmieniać swoje konto SMTP": agents edit their own account in "Moja poczta".
    agents_edit_own_smtp: bool = False
    # The window locks after this many minutes without keyboard or mouse input (0: never).
    idle_lock_minutes: int = 15
    oauth: OAuthApps = field(default_factory=OAuthApps)

    @property
    def has_company_smtp(self) -> bool:
        return self.company_smtp is not None and self.company_smtp.configured


# Keys under which passwords are kept in the secret store (keyring username, service "smtpdesk").
COMPANY_ACCOUNT = "smtp:company"
DEFAULT_ACCOUNT = "smtp:default"


GOOGLE_CLIENT_SECRET = "oauth-app:google:client-secret"


def employee_account(employee_id: int) -> str:
    return f"smtp:employee:{employee_id}"


def oauth_token_key(account_key: str) -> str:
    """Where an account's OAuth refresh token is kept in the keychain (next to where its password
    would be, never in the database)."""
    return f"oauth:{account_key}"
