"""What one test is about to do: the account, where its password came from, sender and recipient."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from smtpdesk.core.check_all import account_label, route_label
from smtpdesk.core.i18n import language
from smtpdesk.core.model import ContactMode, Employee, OfficeSettings, SmtpAccount
from smtpdesk.core.oauth.tokens import TokenProvider, TokenSource
from smtpdesk.core.redaction import remember_secret
from smtpdesk.core.routing import Route, route_message
from smtpdesk.core.secrets import SecretStore
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


def route_plan(
    route: Route,
    employee: Employee,
    settings: OfficeSettings,
    secrets: SecretStore,
    *,
    typed_password: str | None = None,
    token_provider: TokenProvider | None = None,
    login_only: bool = False,
    timeouts: Timeouts | None = None,
    through: str = "{name} ({account})",
) -> MailTestPlan:
    """The test of ``employee``'s mail exactly as it leaves: the account routing chose, its From,
    Reply-To and footer, signing in with the keychain's password or OAuth2 sign-in (``typed_password``,
    ``token_provider``: those of a form not saved yet). ``through`` names a shared account in the
    heading ("{name}", "{account}")."""
    assert route.account is not None and route.account_key is not None
    own = route.source == "employee"
    if not route.account.uses_oauth:
        token_provider = None
    elif token_provider is None:
        token_provider = TokenSource(settings.oauth, secrets).stored(
            route.account.auth_method, route.account_key
        )
    password = None
    if token_provider is None:
        password = typed_password or secrets.get(route.account_key)
    return MailTestPlan(
        account=route.account,
        password=password,
        password_state="" if password or token_provider else secrets.state(route.account_key).value,
        sender=route.sender,
        account_key=route.account_key,
        account_label=account_label(route, employee),
        login_only=login_only,
        message_for=lambda to: route_message(route, to, language()),
        warnings=tuple(w.text() for w in route.warnings),
        timeouts=timeouts,
        account_source=route.source,
        contact_mode=settings.contact_mode,
        token_provider=token_provider,
        subject=employee.full_name
        if own
        else through.format(name=employee.full_name, account=route_label(route.source)),
    )
