"""What a diagnosis says, and the one-click fixes it can offer."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from smtpdesk.core.i18n import Lang
from smtpdesk.core.model import AuthMethod, ContactMode, Security


class FixKind(str, Enum):
    """A change to the account form that the GUI can apply with one click (then test again)."""

    SET_SECURITY = "set_security"  # params: security, and optionally port
    SET_PORT = "set_port"  # params: port, and optionally security
    SET_HOST = "set_host"  # params: host (e.g. the name the certificate was issued for)
    PIN_CERTIFICATE = "pin_certificate"  # params: sha256, host
    SET_USERNAME = "set_username"  # params: username (e.g. the full e-mail address)
    SET_SENDER = "set_sender"  # params: sender (send as the login instead)
    CLEAR_CREDENTIALS = "clear_credentials"  # an IP-authorised relay takes no login
    SIGN_IN = "sign_in"  # params: method (AuthMethod value) — "Zaloguj przez Microsoft / Google"
    OAUTH_SETTINGS = "oauth_settings"  # params: method — open the office's app registration

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Fix:
    kind: FixKind
    params: dict[str, Any]
    label: str  # button text, in the diagnosis language

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "params": dict(self.params), "label": self.label}


@dataclass(frozen=True)
class DiagnosisContext:
    """The user's own values, filled into the sentences."""

    host: str = ""
    port: int = 0
    username: str = ""
    sender: str = ""
    recipient: str = ""
    security: Security = Security.AUTO
    login_only: bool = False
    lang: Lang = "pl"
    # Where the account came from ("employee" | "company" | "default" | "", as routing's Route.source)
    # and the office's "W mailach" choice: they decide which settings a rejected sender points to.
    account_source: str = ""
    contact_mode: ContactMode | None = None
    sender_check: bool = False  # a login check that also tried the sender (MAIL, RCPT, RSET)
    # Where the advice is read: "window" (name the form's fields) or "cli" (name the options).
    shown_in: str = "window"
    # How the account logs in; OAuth2 runs get their own advice for a refused login.
    auth_method: AuthMethod = AuthMethod.PASSWORD


@dataclass(frozen=True)
class Diagnosis:
    code: str  # stable identifier, e.g. "auth_failed"
    severity: str  # "ok" | "warning" | "error"
    title: str
    explanation: str
    steps: tuple[str, ...] = ()
    fixes: tuple[Fix, ...] = field(default_factory=tuple)
    temporary: bool = False  # 4xx-like: the same settings may work later

    @property
    def fix(self) -> Fix | None:
        return self.fixes[0] if self.fixes else None

    @property
    def ok(self) -> bool:
        return self.code == "ok"
