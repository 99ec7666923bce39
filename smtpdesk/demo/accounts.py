"""The sample agency of demo mode, as data: its mailboxes on the embedded server and its people.

Each mailbox behaves like one kind of real provider account, so every outcome a manager meets in
practice can be tried without a mail server of one's own: a working personal account, a stored
password that is out of date, a login that may send only as itself, and a company account that
may send as anyone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import Role

DOMAIN = "poddebem.test"


@dataclass(frozen=True)
class DemoMailbox:
    """An account on the demo server."""

    login: str
    password: str = field(repr=False)  # the password the demo server accepts
    # A company (collective) account may put any address in MAIL FROM; a personal one only its login.
    send_as_anyone: bool = False
    # Signs in with "Zaloguj przez Microsoft" (the demo's loopback sign-in server), not a password.
    oauth: bool = False


@dataclass(frozen=True)
class DemoPerson:
    """An employee of the sample agency and the account the demo stores for them."""

    first_name: str
    last_name: str
    email: str
    phone: str
    role: Role
    mailbox: DemoMailbox | None  # None: no own SMTP account, mail goes through the company account
    hint: Msg  # what trying this person's test mail shows
    expected: str  # diagnosis code of this person's test mail in agent contact mode
    stored_password: str | None = field(default=None, repr=False)  # None: the mailbox's real one
    # The published password to sign in to the demo office's smtpdesk as this person.
    sign_in_password: str = field(default="", repr=False)

    @property
    def password_to_store(self) -> str:
        if self.stored_password is not None:
            return self.stored_password
        return self.mailbox.password if self.mailbox else ""


COMPANY_MAILBOX = DemoMailbox(f"biuro@{DOMAIN}", "Biuro-Pod-Debem-2024", send_as_anyone=True)
ANNA_MAILBOX = DemoMailbox(f"anna.wisniewska@{DOMAIN}", "Wisnia-Anna-17")
PIOTR_MAILBOX = DemoMailbox(f"piotr.zielinski@{DOMAIN}", "Zielen-Piotr-2024")
# An older mailbox whose login is not the address Marek signs his mail with.
MAREK_MAILBOX = DemoMailbox(f"marek@{DOMAIN}", "Dab-Marek-3")

# A Microsoft 365 mailbox: no password works, only a sign-in through the demo's sign-in server.
TOMASZ_MAILBOX = DemoMailbox(f"tomasz.lewandowski@{DOMAIN}", "", oauth=True)

MAILBOXES: tuple[DemoMailbox, ...] = (
    COMPANY_MAILBOX,
    ANNA_MAILBOX,
    PIOTR_MAILBOX,
    MAREK_MAILBOX,
    TOMASZ_MAILBOX,
)

PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(
        first_name="Katarzyna",
        sign_in_password="Demo-Admin-1",
        last_name="Nowicka",
        # The office manager signs with the office address, so the company SMTP must be set even in
        # agent contact mode (the reference page's rule for an e-mail equal to "Dane firmy").
        email=COMPANY_MAILBOX.login,
        phone="+48 601 200 310",
        role=Role.ADMIN,
        mailbox=None,
        hint=Msg(pl="adres biura — konto firmowe", en="the office address — company account"),
        expected="ok",
    ),
    DemoPerson(
        first_name="Anna",
        sign_in_password="Demo-Agent-1",
        last_name="Wiśniewska",
        email=ANNA_MAILBOX.login,
        phone="+48 602 311 422",
        role=Role.AGENT,
        mailbox=ANNA_MAILBOX,
        hint=Msg(pl="własne konto — działa", en="own account — works"),
        expected="ok",
    ),
    DemoPerson(
        first_name="Piotr",
        sign_in_password="Demo-Agent-2",
        last_name="Zieliński",
        email=PIOTR_MAILBOX.login,
        phone="+48 603 422 533",
        role=Role.AGENT,
        mailbox=PIOTR_MAILBOX,
        hint=Msg(pl="zapisane stare hasło", en="an old password is stored"),
        expected="auth_failed",
        stored_password="Zielen-Piotr-2023",
    ),
    DemoPerson(
        first_name="Marek",
        sign_in_password="Demo-Agent-3",
        last_name="Dąbrowski",
        email=f"marek.dabrowski@{DOMAIN}",
        phone="+48 604 533 644",
        role=Role.AGENT,
        mailbox=MAREK_MAILBOX,
        hint=Msg(
            pl="login inny niż adres — serwer odrzuca nadawcę",
            en="login differs from the address — the server rejects the sender",
        ),
        expected="sender_not_allowed",
    ),
    DemoPerson(
        first_name="Tomasz",
        sign_in_password="Demo-Agent-5",
        last_name="Lewandowski",
        email=TOMASZ_MAILBOX.login,
        phone="+48 606 755 866",
        role=Role.AGENT,
        mailbox=TOMASZ_MAILBOX,
        hint=Msg(
            pl="Microsoft 365 — kliknij „Zaloguj przez Microsoft”",
            en="Microsoft 365 — click “Sign in with Microsoft”",
        ),
        # Not signed in yet: the diagnosis offers the sign-in, which the demo's server completes.
        expected="oauth_sign_in_expired",
    ),
    DemoPerson(
        first_name="Ewa",
        sign_in_password="Demo-Agent-4",
        last_name="Kamińska",
        email=f"ewa.kaminska@{DOMAIN}",
        phone="+48 605 644 755",
        role=Role.AGENT,
        mailbox=None,
        hint=Msg(pl="bez własnego konta — konto firmowe", en="no own account — company account"),
        expected="ok",
    ),
)
