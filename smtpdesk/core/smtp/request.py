"""What to test: the account, the password, the addresses and the time allowed for each step."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from smtpdesk.core.i18n import Lang
from smtpdesk.core.model import ContactMode, SmtpAccount

if TYPE_CHECKING:
    from smtpdesk.core.diagnosis.model import DiagnosisContext


@dataclass(frozen=True)
class Timeouts:
    """Seconds allowed for each kind of socket operation (the name lookup counts as connect)."""

    connect: float = 10.0
    greeting: float = 30.0
    command: float = 30.0
    data: float = 60.0
    # No greeting within this time on a plain/STARTTLS connection → check for implicit TLS.
    probe: float = 1.5

    def __post_init__(self) -> None:
        for name in ("connect", "greeting", "command", "data", "probe"):
            if not getattr(self, name) > 0:
                raise ValueError(f"timeout {name} must be a positive number of seconds")


@dataclass(frozen=True)
class MailTestRequest:
    account: SmtpAccount
    password: str | None = field(repr=False)
    sender: str
    recipient: str
    login_only: bool = False
    message: bytes | None = field(default=None, repr=False)  # None → a standard test message
    timeouts: Timeouts = field(default_factory=Timeouts)
    lang: Lang = "pl"
    ehlo_name: str | None = None
    # Where the account came from ("employee", "company", "default") and the office's contact mode,
    # so the diagnosis can tell e.g. which settings section to fix after "Sender address rejected".
    account_source: str = ""
    contact_mode: ContactMode | None = None
    # Why ``password`` is None when it came from the keychain: "missing" (nothing saved),
    # "unavailable" (no keychain on this computer) or "locked"; "" when it was not looked up.
    password_state: str = ""

    def diagnosis_context(self) -> DiagnosisContext:
        """The user's own values that the diagnosis fills into its sentences."""
        # The diagnosis package (rules and texts) loads with the first test, not with the window.
        from smtpdesk.core.diagnosis.model import DiagnosisContext

        account = self.account
        return DiagnosisContext(
            host=account.host,
            port=account.port,
            username=account.username,
            sender=self.sender,
            recipient=self.recipient,
            security=account.security,
            login_only=self.login_only,
            lang=self.lang,
            account_source=self.account_source,
            contact_mode=self.contact_mode,
        )

    @property
    def has_credentials(self) -> bool:
        return bool(self.account.username)
