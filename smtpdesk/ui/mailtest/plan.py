"""What one test is about to do: the account, where its password came from, sender and recipient."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from smtpdesk.core.i18n import language
from smtpdesk.core.model import ContactMode, SmtpAccount
from smtpdesk.core.redaction import remember_secret
from smtpdesk.core.smtp.request import MailTestRequest, Timeouts

# Account key used in the history for a form that has not been saved yet.
UNSAVED_ACCOUNT = "smtp:unsaved"


@dataclass(frozen=True)
class MailTestPlan:
    account: SmtpAccount
    password: str | None = field(repr=False)  # repr() ends up in logs and tracebacks
    sender: str
    account_key: str
    account_label: str
    login_only: bool = False
    recipient: str = ""  # empty: the sender's own address
    # Builds the exact message clients would get (routing: From, footer); None lets the engine
    # build a simple one.
    message_for: Callable[[str], bytes] | None = field(default=None, compare=False)
    warnings: tuple[str, ...] = ()
    timeouts: Timeouts | None = None
    subject: str = ""  # what the window's heading names; the account label when empty
    # "employee" / "company" / "default" and the office's contact mode, for the diagnosis' advice.
    account_source: str = ""
    contact_mode: ContactMode | None = None
    # A login check also asks the server about the sender (MAIL, RCPT, RSET — nothing is sent),
    # so a server that refuses this sender says so before anyone sends real mail.
    check_sender: bool = True
    # An OAuth2 account: fetches a fresh access token at the login step.
    token_provider: Callable[[], str] | None = field(default=None, repr=False, compare=False)
    # Why ``password`` is None: a SecretState value ("missing", "unavailable", "locked") or "".
    password_state: str = ""

    @property
    def default_recipient(self) -> str:
        return self.recipient or self.sender

    def request(self, recipient: str | None = None) -> MailTestRequest:
        to = (recipient or self.default_recipient).strip()
        remember_secret(self.password)  # a typed password is kept out of the log as well
        message = None if self.login_only or self.message_for is None else self.message_for(to)
        return MailTestRequest(
            account=self.account,
            password=self.password,
            sender=self.sender,
            recipient=to,
            login_only=self.login_only,
            check_sender=self.check_sender and "@" in self.sender,
            message=message,
            timeouts=self.timeouts or Timeouts(),
            lang=language(),
            account_source=self.account_source,
            contact_mode=self.contact_mode,
            token_provider=self.token_provider,
            password_state="" if self.password else self.password_state,
        )

    def with_changes(self, **changes: object) -> MailTestPlan:
        return replace(self, **changes)  # type: ignore[arg-type]

    def secrets(self) -> tuple[str, ...]:
        """What a report made from this plan's runs must never contain."""
        return (self.password,) if self.password else ()
