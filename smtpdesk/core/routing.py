"""Which account sends a mail, as whom, and with which footer.

The rules come from the reference help page:

* "Kontakt do aktualnie zalogowanego agenta" — the agent's own SMTP account when set, else the
  company account, else the application's default server; From is the agent's address and the
  footer is the agent's contact.
* "Kontakt do firmy / biura" — the company account, else the default server; From is the company
  address from "Dane firmy", the footer is the company's contact with its logo and website, and
  replies go to the agent who sent the mail.

With no server at all the route's source is ``"none"`` (the diagnosis calls it
``no_server_configured``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from smtpdesk.core.footer import Footer, clean_line
from smtpdesk.core.i18n import Lang, Msg
from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    DEFAULT_ACCOUNT,
    Company,
    ContactMode,
    Employee,
    OfficeSettings,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.wording import (
    AGENT_MODE,
    COMPANY_DATA_PLACE,
    COMPANY_SMTP_PLACE,
    EMPLOYEE_SMTP_PLACE,
    employee_name,
    fill,
)

__all__ = ["SOURCES", "Footer", "Route", "agent_footer", "company_footer", "login_may_differ", "resolve"]

SOURCE_EMPLOYEE = "employee"
SOURCE_COMPANY = "company"
SOURCE_DEFAULT = "default"
SOURCE_NONE = "none"
SOURCES = (SOURCE_EMPLOYEE, SOURCE_COMPANY, SOURCE_DEFAULT, SOURCE_NONE)


@dataclass(frozen=True)
class Route:
    account: SmtpAccount | None
    account_key: str | None  # where the account's password is kept in the secret store
    source: str  # one of SOURCES
    sender: str  # From
    sender_name: str
    reply_to: str
    footer: Footer
    warnings: tuple[Msg, ...] = field(default_factory=tuple)

    @property
    def has_server(self) -> bool:
        return self.account is not None


_DEFAULT_SERVER_WARNING = Msg(
    pl=(
        "Poczta wyjdzie przez serwer domyślny aplikacji ({host}), a nie przez Państwa własny serwer "
        "SMTP. Część odbiorców może jej nie dostać albo znajdzie ją w spamie — między innymi skrzynki "
        "obsługiwane przez home.pl. Ustaw własny serwer: {place}."
    ),
    en=(
        "Mail will go out through the application's default server ({host}), not through your own "
        "SMTP server. Some recipients may not get it or find it in spam — among others mailboxes "
        "hosted by home.pl. Set up your own server: {place}."
    ),
)
_NO_SERVER_WARNING = Msg(
    pl=(
        "Nie ustawiono żadnego serwera poczty wychodzącej, więc tej poczty nie da się wysłać. "
        "Uzupełnij: {place}."
    ),
    en="No outgoing mail server is set, so this mail cannot be sent. Fill in: {place}.",
)
_COMPANY_ACCOUNT_FOR_AGENT = Msg(
    pl=(
        "{name} nie ma własnego konta SMTP, więc wyśle pocztę przez firmowe konto ({login}) jako "
        "{sender}. To zadziała tylko, jeśli to konto może wysyłać z innych adresów — inaczej serwer "
        "odpowie „Sender address reject”. Przy ustawieniu {mode} strona pomocy zaleca "
        "zostawić firmowe SMTP puste i uzupełnić konto pracownika: {place}."
    ),
    en=(
        "{name} has no own SMTP account, so their mail goes through the company account ({login}) as "
        "{sender}. That works only if this account may send from other addresses — otherwise the "
        'server answers "Sender address reject". With the setting {mode} the help page recommends '
        "leaving the company SMTP empty and filling in the employee's account: {place}."
    ),
)
_LOGIN_DIFFERS = Msg(
    pl=(
        "Konto loguje się jako {login}, a wysyła jako {sender}. Wiele serwerów pozwala wysyłać tylko "
        "z adresu loginu — wtedy pojawi się „Sender address reject”."
    ),
    en=(
        "The account logs in as {login} but sends as {sender}. Many servers allow sending only from "
        'the login\'s address — then "Sender address reject" follows.'
    ),
)
_NO_EMPLOYEE_EMAIL = Msg(
    pl="{name} nie ma adresu e-mail, więc poczta zostanie wysłana z adresu {sender}.",
    en="{name} has no e-mail address, so the mail is sent from {sender}.",
)
_NO_COMPANY_EMAIL = Msg(
    pl="Brak adresu e-mail firmy w {place}, więc poczta zostanie wysłana z adresu {sender}.",
    en="The company e-mail is missing in {place}, so the mail is sent from {sender}.",
)
_NO_SENDER = Msg(
    pl="Brak adresu nadawcy: uzupełnij adres e-mail w {place}.",
    en="No sender address: fill in the e-mail address in {place}.",
)
_EMPLOYEE_DATA_PLACE = Msg(pl="danych pracownika {name}", en="the details of {name}")


def _is_address(text: str) -> bool:
    return "@" in text and " " not in text.strip()


def _same(a: str, b: str) -> bool:
    return a.strip().lower() == b.strip().lower()


def login_may_differ(login: str, sender: str) -> bool:
    """True when a server that lets a login send only as itself would reject ``sender``.

    An empty login (a relay that authorises by address) and a login equal to the sender's address
    or to its local part (WP and o2 accept ``jan`` for ``jan@wp.pl``) are fine.
    """
    login, sender = login.strip().lower(), sender.strip().lower()
    if not login or not sender:
        return False
    return login not in (sender, sender.rpartition("@")[0])


def _phone_line(phone: str) -> str:
    phone = clean_line(phone)
    return f"tel. {phone}" if phone else ""


def _footer_lines(*lines: str) -> tuple[str, ...]:
    """The lines cleaned, empty ones left out."""
    return tuple(line for line in (clean_line(x) for x in lines) if line)


def agent_footer(employee: Employee, company: Company) -> Footer:
    """The agent's contact (name, phone, e-mail) followed by the company's name."""
    return Footer(
        lines=_footer_lines(employee.full_name, _phone_line(employee.phone), employee.email, company.name)
    )


def company_footer(company: Company) -> Footer:
    """The company's name, address, phone and e-mail, with its logo and website."""
    return Footer(
        lines=_footer_lines(company.name, company.address, _phone_line(company.phone), company.email),
        logo=company.logo or None,
        logo_mime=company.logo_mime if company.logo else "",
        website=clean_line(company.website),
    )


def _server(
    settings: OfficeSettings, employee: Employee | None
) -> tuple[SmtpAccount | None, str | None, str]:
    """The first configured account in the order the contact mode prescribes."""
    if employee is not None and employee.has_own_smtp and employee.smtp is not None:
        key = employee_account(employee.id) if employee.id is not None else None
        return employee.smtp, key, SOURCE_EMPLOYEE
    if settings.has_company_smtp:
        return settings.company_smtp, COMPANY_ACCOUNT, SOURCE_COMPANY
    if settings.default_server is not None and settings.default_server.configured:
        return settings.default_server, DEFAULT_ACCOUNT, SOURCE_DEFAULT
    return None, None, SOURCE_NONE


def _server_warnings(account: SmtpAccount | None, source: str, place: Msg) -> list[Msg]:
    if source == SOURCE_DEFAULT and account is not None:
        return [fill(_DEFAULT_SERVER_WARNING, host=account.host, place=place)]
    if source == SOURCE_NONE:
        return [fill(_NO_SERVER_WARNING, place=place)]
    return []


def _agent_route(settings: OfficeSettings, employee: Employee) -> Route:
    company = settings.company
    account, key, source = _server(settings, employee)
    name = employee_name(employee)
    warnings = _server_warnings(account, source, EMPLOYEE_SMTP_PLACE)

    sender = clean_line(employee.email)
    if not sender:
        own_login = employee.smtp.username if employee.smtp is not None else ""
        sender = next((a for a in (own_login, company.email) if _is_address(a)), "")
        place = fill(_EMPLOYEE_DATA_PLACE, name=name)
        warnings.append(
            fill(_NO_EMPLOYEE_EMAIL, name=name, sender=sender) if sender else fill(_NO_SENDER, place=place)
        )

    if account is not None and login_may_differ(account.username, sender):
        if source == SOURCE_COMPANY:
            warnings.append(
                fill(
                    _COMPANY_ACCOUNT_FOR_AGENT,
                    name=name,
                    login=account.username,
                    sender=sender,
                    mode=AGENT_MODE,
                    place=EMPLOYEE_SMTP_PLACE,
                )
            )
        elif source == SOURCE_EMPLOYEE:
            warnings.append(fill(_LOGIN_DIFFERS, login=account.username, sender=sender))

    route = Route(
        account=account,
        account_key=key,
        source=source,
        sender=sender,
        sender_name=clean_line(employee.full_name),
        reply_to="",
        footer=agent_footer(employee, company),
        warnings=tuple(warnings),
    )
    return _through_default_sender(settings, route)


def _company_route(settings: OfficeSettings, employee: Employee | None) -> Route:
    company = settings.company
    account, key, source = _server(settings, None)
    warnings = _server_warnings(account, source, COMPANY_SMTP_PLACE)

    sender = clean_line(company.email)
    if not sender:
        login = account.username if account is not None and source == SOURCE_COMPANY else ""
        agent = employee.email if employee is not None else ""
        sender = next((a for a in (login, agent) if _is_address(a)), "")
        warnings.append(
            fill(_NO_COMPANY_EMAIL, place=COMPANY_DATA_PLACE, sender=sender)
            if sender
            else fill(_NO_SENDER, place=COMPANY_DATA_PLACE)
        )

    if source == SOURCE_COMPANY and account is not None and login_may_differ(account.username, sender):
        warnings.append(fill(_LOGIN_DIFFERS, login=account.username, sender=sender))

    agent_address = clean_line(employee.email) if employee is not None else ""
    reply_to = agent_address if agent_address and not _same(agent_address, sender) else ""
    route = Route(
        account=account,
        account_key=key,
        source=source,
        sender=sender,
        sender_name=clean_line(company.name),
        reply_to=reply_to,
        footer=company_footer(company),
        warnings=tuple(warnings),
    )
    return _through_default_sender(settings, route)


def _through_default_sender(settings: OfficeSettings, route: Route) -> Route:
    """The default server may only accept its own sender address; replies still reach the office."""
    forced = clean_line(settings.default_server_sender)
    if route.source != SOURCE_DEFAULT or not forced or _same(forced, route.sender):
        return route
    return replace(route, sender=forced, reply_to=route.reply_to or route.sender)


def resolve(settings: OfficeSettings, employee: Employee | None) -> Route:
    """The account, From, Reply-To and footer of a mail sent by ``employee`` (None: the office)."""
    if settings.contact_mode is ContactMode.AGENT and employee is not None:
        return _agent_route(settings, employee)
    return _company_route(settings, employee)


def route_message(route: Route, recipient: str, lang: Lang) -> bytes:
    """The test mail exactly as ``route`` sends it: its From, Reply-To and footer (ValueError for
    an address no message can carry)."""
    # The message builder (the e-mail package, MIME) is loaded when a message is built.
    from smtpdesk.core.message import build_test_message

    return build_test_message(
        sender=route.sender,
        sender_name=route.sender_name,
        recipient=recipient,
        footer=route.footer,
        reply_to=route.reply_to,
        lang=lang,
    )
