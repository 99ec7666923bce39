"""Which account sends, as whom, with which footer — every branch of the help page's two modes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    DEFAULT_ACCOUNT,
    Company,
    ContactMode,
    Employee,
    OfficeSettings,
    Security,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.routing import Footer, login_may_differ, resolve

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16

COMPANY = Company(
    name="Biuro Nieruchomości Źródło",
    address="ul. Łąkowa 5, 00-001 Warszawa",
    phone="+48 22 123 45 67",
    email="biuro@zrodlo.pl",
    website="www.zrodlo.pl",
    logo=PNG,
    logo_mime="image/png",
)
COMPANY_SMTP = SmtpAccount(host="smtp.zrodlo.pl", port=587, username="biuro@zrodlo.pl")
DEFAULT = SmtpAccount(host="smtp.domyslny.example", port=587, username="relay")
OWN = SmtpAccount(host="smtp.poczta.onet.pl", port=465, username="anna@zrodlo.pl", security=Security.SSL)
ANNA = Employee(
    id=7,
    first_name="Anna",
    last_name="Łęcka",
    email="anna@zrodlo.pl",
    phone="600 100 200",
    smtp=OWN,
)


def settings(mode: ContactMode, **changes: object) -> OfficeSettings:
    base = OfficeSettings(company=COMPANY, contact_mode=mode)
    return replace(base, **changes)  # type: ignore[arg-type]


def texts(route_warnings: tuple, lang: str = "pl") -> str:
    return "\n".join(w.text(lang) for w in route_warnings)


# --- "Kontakt do aktualnie zalogowanego agenta" -------------------------------------------------


def test_agent_mode_uses_the_employees_own_account_and_contact() -> None:
    route = resolve(settings(ContactMode.AGENT, company_smtp=COMPANY_SMTP, default_server=DEFAULT), ANNA)

    assert route.source == "employee"
    assert route.account == OWN
    assert route.account_key == employee_account(7)
    assert route.sender == "anna@zrodlo.pl"
    assert route.sender_name == "Anna Łęcka"
    assert route.reply_to == ""
    assert route.footer.lines == (
        "Anna Łęcka",
        "tel. 600 100 200",
        "anna@zrodlo.pl",
        "Biuro Nieruchomości Źródło",
    )
    assert route.footer.logo is None and route.footer.website == ""
    assert route.warnings == ()


def test_an_unsaved_employee_has_no_password_key() -> None:
    route = resolve(settings(ContactMode.AGENT), replace(ANNA, id=None))
    assert route.source == "employee"
    assert route.account_key is None


def test_agent_without_own_account_falls_back_to_the_company_account_with_a_warning() -> None:
    jan = Employee(id=3, first_name="Jan", last_name="Żółw", email="jan@zrodlo.pl")
    route = resolve(settings(ContactMode.AGENT, company_smtp=COMPANY_SMTP, default_server=DEFAULT), jan)

    assert route.source == "company"
    assert route.account == COMPANY_SMTP
    assert route.account_key == COMPANY_ACCOUNT
    assert route.sender == "jan@zrodlo.pl"
    assert route.footer.lines[0] == "Jan Żółw"
    pl = texts(route.warnings)
    assert "Sender address reject" in pl
    assert "biuro@zrodlo.pl" in pl and "jan@zrodlo.pl" in pl and "Jan Żółw" in pl
    assert "Sender address reject" in texts(route.warnings, "en")


def test_agent_sending_as_the_company_accounts_login_gets_no_warning() -> None:
    office = Employee(id=4, first_name="Ewa", last_name="Biurowa", email="biuro@zrodlo.pl")
    route = resolve(settings(ContactMode.AGENT, company_smtp=COMPANY_SMTP), office)
    assert route.source == "company"
    assert route.sender == "biuro@zrodlo.pl"
    assert route.warnings == ()


def test_agent_without_any_account_goes_through_the_default_server() -> None:
    jan = Employee(id=3, first_name="Jan", last_name="Żółw", email="jan@zrodlo.pl")
    route = resolve(settings(ContactMode.AGENT, default_server=DEFAULT), jan)

    assert route.source == "default"
    assert route.account == DEFAULT
    assert route.account_key == DEFAULT_ACCOUNT
    assert route.sender == "jan@zrodlo.pl"
    pl = texts(route.warnings)
    assert "home.pl" in pl and "smtp.domyslny.example" in pl
    assert "Pracownicy" in pl


def test_default_server_with_its_own_sender_keeps_replies_with_the_agent() -> None:
    jan = Employee(id=3, first_name="Jan", last_name="Żółw", email="jan@zrodlo.pl")
    office = settings(
        ContactMode.AGENT, default_server=DEFAULT, default_server_sender="noreply@domyslny.example"
    )
    route = resolve(office, jan)
    assert route.sender == "noreply@domyslny.example"
    assert route.sender_name == "Jan Żółw"
    assert route.reply_to == "jan@zrodlo.pl"


def test_no_server_anywhere_is_source_none() -> None:
    jan = Employee(id=3, first_name="Jan", email="jan@zrodlo.pl")
    route = resolve(settings(ContactMode.AGENT), jan)
    assert route.source == "none"
    assert route.account is None and route.account_key is None
    assert not route.has_server
    assert route.sender == "jan@zrodlo.pl"
    assert "Nie ustawiono żadnego serwera" in texts(route.warnings)


def test_agent_without_email_sends_as_own_login_and_is_told() -> None:
    route = resolve(settings(ContactMode.AGENT), replace(ANNA, email=""))
    assert route.sender == "anna@zrodlo.pl"  # the own account's login
    assert "Anna Łęcka nie ma adresu e-mail" in texts(route.warnings)


def test_agent_without_email_and_without_own_account_sends_as_the_company() -> None:
    nameless = Employee(id=9, first_name="Piotr")
    route = resolve(settings(ContactMode.AGENT, default_server=DEFAULT), nameless)
    assert route.sender == "biuro@zrodlo.pl"


def test_no_address_at_all_leaves_the_sender_empty_and_says_where_to_fill_it() -> None:
    nameless = Employee(id=9, first_name="Piotr")
    route = resolve(settings(ContactMode.AGENT, company=Company(name="X")), nameless)
    assert route.sender == ""
    assert "Brak adresu nadawcy" in texts(route.warnings)
    assert "Piotr" in texts(route.warnings)


def test_own_login_different_from_the_address_is_a_sender_reject_risk() -> None:
    alias = replace(ANNA, smtp=replace(OWN, username="a.lecka@zrodlo.pl"))
    route = resolve(settings(ContactMode.AGENT), alias)
    assert "Sender address reject" in texts(route.warnings)
    assert "a.lecka@zrodlo.pl" in texts(route.warnings)


def test_a_local_part_login_is_not_a_different_sender() -> None:
    wp = replace(ANNA, email="anna@wp.pl", smtp=SmtpAccount(host="smtp.wp.pl", port=465, username="anna"))
    assert resolve(settings(ContactMode.AGENT), wp).warnings == ()


def test_agent_mode_without_an_employee_uses_the_company_contact() -> None:
    route = resolve(settings(ContactMode.AGENT, company_smtp=COMPANY_SMTP), None)
    assert route.source == "company"
    assert route.sender == "biuro@zrodlo.pl"
    assert route.sender_name == "Biuro Nieruchomości Źródło"
    assert route.footer.logo == PNG


# --- "Kontakt do firmy / biura" ------------------------------------------------------------------


def test_company_mode_sends_as_the_company_with_its_footer_and_replies_to_the_agent() -> None:
    route = resolve(settings(ContactMode.COMPANY, company_smtp=COMPANY_SMTP, default_server=DEFAULT), ANNA)

    assert route.source == "company"  # the agent's own account is not used in this mode
    assert route.account == COMPANY_SMTP
    assert route.account_key == COMPANY_ACCOUNT
    assert route.sender == "biuro@zrodlo.pl"
    assert route.sender_name == "Biuro Nieruchomości Źródło"
    assert route.reply_to == "anna@zrodlo.pl"
    assert route.footer == Footer(
        lines=(
            "Biuro Nieruchomości Źródło",
            "ul. Łąkowa 5, 00-001 Warszawa",
            "tel. +48 22 123 45 67",
            "biuro@zrodlo.pl",
        ),
        logo=PNG,
        logo_mime="image/png",
        website="www.zrodlo.pl",
    )
    assert route.warnings == ()


def test_company_mode_without_an_employee_has_no_reply_to() -> None:
    route = resolve(settings(ContactMode.COMPANY, company_smtp=COMPANY_SMTP), None)
    assert route.reply_to == ""


def test_reply_to_is_left_out_when_the_agent_uses_the_company_address() -> None:
    office = replace(ANNA, email="Biuro@zrodlo.pl")
    route = resolve(settings(ContactMode.COMPANY, company_smtp=COMPANY_SMTP), office)
    assert route.reply_to == ""


def test_company_mode_without_company_account_uses_the_default_server() -> None:
    route = resolve(settings(ContactMode.COMPANY, default_server=DEFAULT), ANNA)
    assert route.source == "default"
    assert route.account_key == DEFAULT_ACCOUNT
    assert route.sender == "biuro@zrodlo.pl"
    pl = texts(route.warnings)
    assert "home.pl" in pl and "Pozostałe ustawienia" in pl
    assert "home.pl" in texts(route.warnings, "en")


def test_company_mode_default_sender_keeps_the_agent_as_reply_to() -> None:
    office = settings(
        ContactMode.COMPANY, default_server=DEFAULT, default_server_sender="noreply@domyslny.example"
    )
    route = resolve(office, ANNA)
    assert route.sender == "noreply@domyslny.example"
    assert route.reply_to == "anna@zrodlo.pl"
    route = resolve(office, None)
    assert route.reply_to == "biuro@zrodlo.pl"


def test_company_mode_without_any_server_is_source_none() -> None:
    route = resolve(settings(ContactMode.COMPANY), ANNA)
    assert route.source == "none"
    assert route.account is None
    assert "Pozostałe ustawienia" in texts(route.warnings)


def test_company_mode_without_company_email_sends_as_the_login() -> None:
    office = settings(ContactMode.COMPANY, company=replace(COMPANY, email=""), company_smtp=COMPANY_SMTP)
    route = resolve(office, ANNA)
    assert route.sender == "biuro@zrodlo.pl"
    assert "Dane firmy" in texts(route.warnings)


def test_company_mode_without_company_email_or_login_address_sends_as_the_agent() -> None:
    office = settings(ContactMode.COMPANY, company=replace(COMPANY, email=""), default_server=DEFAULT)
    route = resolve(office, ANNA)
    assert route.sender == "anna@zrodlo.pl"
    assert route.reply_to == ""


def test_company_mode_without_any_address_says_so() -> None:
    office = settings(ContactMode.COMPANY, company=replace(COMPANY, email=""), default_server=DEFAULT)
    route = resolve(office, None)
    assert route.sender == ""
    assert "Brak adresu nadawcy" in texts(route.warnings)


def test_company_login_different_from_the_company_address_is_a_sender_reject_risk() -> None:
    other_login = replace(COMPANY_SMTP, username="wysylka@zrodlo.pl")
    route = resolve(settings(ContactMode.COMPANY, company_smtp=other_login), ANNA)
    assert "wysylka@zrodlo.pl" in texts(route.warnings)
    assert "Sender address reject" in texts(route.warnings)


@pytest.mark.parametrize(
    ("login", "sender", "differs"),
    [
        ("", "a@b.pl", False),
        ("a@b.pl", "A@B.PL", False),
        ("a", "a@b.pl", False),
        ("b@b.pl", "a@b.pl", True),
        ("a@b.pl", "", False),
    ],
)
def test_login_may_differ(login: str, sender: str, differs: bool) -> None:
    assert login_may_differ(login, sender) is differs


def test_values_with_braces_and_line_breaks_are_shown_as_typed() -> None:
    odd = Employee(id=5, first_name="{name}", last_name="Nowak\r\nBcc: x", email="jan@zrodlo.pl")
    route = resolve(settings(ContactMode.AGENT, default_server=DEFAULT), odd)
    assert route.sender_name == "{name} Nowak Bcc: x"
    assert route.footer.lines[0] == "{name} Nowak Bcc: x"
    assert all("\n" not in line for line in route.footer.lines)
    assert texts(route.warnings)  # formatting a user's braces never raises
