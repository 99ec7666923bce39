"""What to test: the account, the password, the addresses and the time allowed for each step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from smtpdesk.core.i18n import Lang
from smtpdesk.core.model import IMPLICIT_TLS_PORT, SUBMISSION_PORT, AuthMethod, ContactMode, SmtpAccount

# Ports offered instead of one that is refused or silent, when the server answers there.
ALTERNATIVE_PORTS: tuple[int, ...] = (SUBMISSION_PORT, IMPLICIT_TLS_PORT)

if TYPE_CHECKING:
    from smtpdesk.core.diagnosis.model import DiagnosisContext


@dataclass(frozen=True)
class Timeouts:
    """Deadlines in seconds: each stage ends by its own (the name lookup and the TCP connection
    count as connect, EHLO/TLS/AUTH/MAIL/RCPT as command), and the whole run by ``run``."""

    connect: float = 10.0
    greeting: float = 30.0
    command: float = 30.0
    data: float = 60.0
    # No greeting within this time on a plain/STARTTLS connection → check for implicit TLS (and,
    # with the port refused or silent, how long the quick look at other ports may take).
    probe: float = 1.5
    run: float = 180.0

    def __post_init__(self) -> None:
        for name in ("connect", "greeting", "command", "data", "probe", "run"):
            if not getattr(self, name) > 0:
                raise ValueError(f"timeout {name} must be a positive number of seconds")

    @classmethod
    def uniform(cls, seconds: float) -> Timeouts:
        """Every stage gets ``seconds``; the run as a whole four times that (a login and a send
        take about four round trips that may each be slow), the probe stays short."""
        return cls(
            connect=seconds,
            greeting=seconds,
            command=seconds,
            data=seconds,
            probe=min(cls.probe, seconds),
            run=seconds * 4,
        )


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
    # With ``login_only``: after the login also MAIL FROM:<sender>, RCPT TO:<sender> and RSET, so
    # a server refusing this sender says so, and still no message is sent.
    check_sender: bool = False
    # Where the diagnosis' advice is read: "window" names form fields, "cli" command-line options.
    shown_in: str = "window"
    alternative_ports: tuple[int, ...] = ALTERNATIVE_PORTS
    # An OAuth2 account logs in with an access token instead of the password: called at the AUTH
    # step (it refreshes the token; raises ``OAuthError`` when it cannot).
    token_provider: Callable[[], str] | None = field(default=None, repr=False, compare=False)
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
            sender_check=self.sender_check,
            shown_in=self.shown_in,
            auth_method=account.auth_method if self.token_provider is not None else AuthMethod.PASSWORD,
        )

    @property
    def has_credentials(self) -> bool:
        return bool(self.account.username)

    @property
    def sender_check(self) -> bool:
        """A login check that also asks the server about the sender address."""
        return self.login_only and self.check_sender and bool(self.sender.strip())
