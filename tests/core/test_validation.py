"""What the user types into the SMTP, e-mail, website and phone fields, and what they are told."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from smtpdesk.core import i18n
from smtpdesk.core.model import Security, SmtpAccount
from smtpdesk.core.validation import (
    FieldError,
    build_account,
    has_control_chars,
    normalise_email,
    normalise_host,
    normalise_phone,
    normalise_website,
    parse_port,
)

ZRODLO = "xn--rdo-gna01bwk"  # IDNA form of "źródło"

quick = settings(database=None, max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def error_of(call, *args, **kwargs) -> FieldError:
    with pytest.raises(FieldError) as caught:
        call(*args, **kwargs)
    return caught.value


# --- server name ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("smtp.gmail.com", ("smtp.gmail.com", None)),
        ("  SMTP.Gmail.COM  ", ("smtp.gmail.com", None)),
        ("\u00a0smtp.firma.pl\u00a0", ("smtp.firma.pl", None)),
        ("smtp://smtp.firma.pl", ("smtp.firma.pl", None)),
        ("SMTPS://smtp.firma.pl:465", ("smtp.firma.pl", 465)),
        ("https://smtp.firma.pl/", ("smtp.firma.pl", None)),
        ("http://smtp.firma.pl/poczta?x=1", ("smtp.firma.pl", None)),
        ("smtp.firma.pl:587", ("smtp.firma.pl", 587)),
        ("smtp.firma.pl:", ("smtp.firma.pl", None)),
        ("smtp.firma.pl.", ("smtp.firma.pl", None)),
        ("poczta.źródło.pl", (f"poczta.{ZRODLO}.pl", None)),
        ("Poczta.ŹRÓDŁO.pl", (f"poczta.{ZRODLO}.pl", None)),
        (f"poczta.{ZRODLO}.pl", (f"poczta.{ZRODLO}.pl", None)),
        ("smtp\u200b.firma.pl", ("smtp.firma.pl", None)),  # invisible character from a web page
        ("192.168.1.10", ("192.168.1.10", None)),
        ("192.168.1.10:25", ("192.168.1.10", 25)),
        ("[2001:DB8::1]:465", ("2001:db8::1", 465)),
        ("[::1]", ("::1", None)),
        ("2001:db8:0:0:0:0:0:1", ("2001:db8::1", None)),
        ("localhost", ("localhost", None)),
        ("mail_server.biuro.local", ("mail_server.biuro.local", None)),
    ],
)
def test_normalise_host_repairs_what_can_be_repaired(typed: str, expected: tuple[str, int | None]) -> None:
    assert normalise_host(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Wpisz nazwę serwera poczty wychodzącej — np. smtp.twojafirma.pl"),
        ("   ", "Wpisz nazwę serwera poczty wychodzącej — np. smtp.twojafirma.pl"),
        ("smtp://", "Wpisz nazwę serwera poczty wychodzącej — np. smtp.twojafirma.pl"),
        ("imap://imap.firma.pl", "Wpisz samą nazwę serwera, bez „imap://” — np. smtp.twojafirma.pl"),
        ("smtp.firma .pl", "Nazwa serwera nie może zawierać spacji — np. smtp.twojafirma.pl"),
        (
            "jan.kowalski@firma.pl",
            "To wygląda na adres e-mail. Wpisz nazwę serwera poczty wychodzącej — np. smtp.twojafirma.pl",
        ),
        (
            "mailto:biuro@firma.pl",
            "To wygląda na adres e-mail. Wpisz nazwę serwera poczty wychodzącej — np. smtp.twojafirma.pl",
        ),
        (
            "smtp..firma.pl",
            "W nazwie serwera są dwie kropki obok siebie albo kropka na początku — np. smtp.twojafirma.pl",
        ),
        (
            ".firma.pl",
            "W nazwie serwera są dwie kropki obok siebie albo kropka na początku — np. smtp.twojafirma.pl",
        ),
        (
            "smtp.fir$ma.pl",
            "Nazwa serwera może zawierać tylko litery, cyfry, kropki i myślniki — np. smtp.twojafirma.pl",
        ),
        (
            "-smtp.firma.pl",
            "Nazwa serwera może zawierać tylko litery, cyfry, kropki i myślniki — np. smtp.twojafirma.pl",
        ),
        ("a" * 64 + ".pl", "Nazwa serwera jest za długa (najwyżej 253 znaki, 63 między kropkami)"),
        ("ą" * 60 + ".pl", "Nazwa serwera jest za długa (najwyżej 253 znaki, 63 między kropkami)"),
        (
            ".".join(["abcdefghij"] * 24),
            "Nazwa serwera jest za długa (najwyżej 253 znaki, 63 między kropkami)",
        ),
        ("256.1.1.1", "To nie jest poprawny adres IP — np. 192.168.1.10 albo nazwa smtp.twojafirma.pl"),
        ("[2001:db8::zz]", "To nie jest poprawny adres IP — np. 192.168.1.10 albo nazwa smtp.twojafirma.pl"),
        ("[2001:db8::1", "To nie jest poprawny adres IP — np. 192.168.1.10 albo nazwa smtp.twojafirma.pl"),
        ("fe80::1::2", "To nie jest poprawny adres IP — np. 192.168.1.10 albo nazwa smtp.twojafirma.pl"),
    ],
)
def test_normalise_host_explains_what_is_wrong(typed: str, message: str) -> None:
    error = error_of(normalise_host, typed)
    assert error.field == "host"
    assert error.message.pl == message


@pytest.mark.parametrize(
    "typed",
    ["smtp.firma.pl:99999", "smtp.firma.pl:0", "smtp.firma.pl:58a", "[::1]:x", "smtp.firma.pl:587:25"],
)
def test_a_bad_port_pasted_into_the_server_name_is_pointed_out(typed: str) -> None:
    error = error_of(normalise_host, typed)
    assert error.field == "host"
    assert "Po dwukropku w nazwie serwera musi być numer portu od 1 do 65535" in error.message.pl


@pytest.mark.parametrize(
    "typed",
    ["smtp.firma.pl\r\nRCPT TO:<x@y.pl>", "smtp.firma.pl\n", "smtp\tfirma.pl", "smtp\x00.pl", "a\u2028b"],
)
def test_line_breaks_and_control_characters_are_refused(typed: str) -> None:
    error = error_of(normalise_host, typed)
    assert error.field == "host"
    assert error.message.pl.startswith("To pole nie może zawierać znaków nowej linii")


# --- port -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "port"), [("587", 587), (" 465 ", 465), ("0587", 587), ("1", 1), ("65535", 65535)]
)
def test_parse_port_accepts_numbers_in_range(typed: str, port: int) -> None:
    assert parse_port(typed) == port


@pytest.mark.parametrize("typed", ["0", "65536", "-1", "58 7", "587a", "５８７", "²", "1e3", "9" * 5000])
def test_parse_port_refuses_anything_else(typed: str) -> None:
    error = error_of(parse_port, typed)
    assert error.field == "port"
    assert error.message.pl == "Port to liczba od 1 do 65535 (zwykle 587)"
    assert error.message.en == "The port is a number from 1 to 65535 (usually 587)"


def test_parse_port_asks_for_a_value_when_empty() -> None:
    assert error_of(parse_port, "  ").message.pl == "Wpisz numer portu — zwykle 587"


# --- e-mail ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("jan.kowalski@biuro.pl", "jan.kowalski@biuro.pl"),
        ("  Jan.Kowalski@BIURO.PL ", "Jan.Kowalski@biuro.pl"),  # the part before @ keeps its case
        ("jan+oferty@biuro.pl", "jan+oferty@biuro.pl"),
        ("jan@źródło.pl", f"jan@{ZRODLO}.pl"),
        ("mailto:jan@biuro.pl", "jan@biuro.pl"),
        ("jan@biuro.pl.", "jan@biuro.pl"),
    ],
)
def test_normalise_email_accepts_addresses(typed: str, expected: str) -> None:
    assert normalise_email(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Wpisz adres e-mail — np. jan.kowalski@biuro.pl"),
        ("jan.kowalski", "To nie jest adres e-mail — wpisz np. jan.kowalski@biuro.pl"),
        ("@biuro.pl", "To nie jest adres e-mail — wpisz np. jan.kowalski@biuro.pl"),
        ("jan@@biuro.pl", "To nie jest adres e-mail — wpisz np. jan.kowalski@biuro.pl"),
        (
            "Jan Kowalski <jan@biuro.pl>",
            "Wpisz sam adres, bez imienia, cudzysłowów i nawiasów <> — np. jan.kowalski@biuro.pl",
        ),
        (
            '"jan"@biuro.pl',
            "Wpisz sam adres, bez imienia, cudzysłowów i nawiasów <> — np. jan.kowalski@biuro.pl",
        ),
        ("jan@biuro.pl, anna@biuro.pl", "Wpisz tylko jeden adres e-mail — np. jan.kowalski@biuro.pl"),
        ("jan@biuro.pl anna@biuro.pl", "Wpisz tylko jeden adres e-mail — np. jan.kowalski@biuro.pl"),
        ("jan @biuro.pl", "Adres e-mail nie może zawierać spacji — np. jan.kowalski@biuro.pl"),
        ("jan@biuro", "Po @ musi być nazwa domeny z kropką — np. jan.kowalski@biuro.pl"),
        ("jan@", "Po @ musi być nazwa domeny z kropką — np. jan.kowalski@biuro.pl"),
        ("jan@-biuro.pl", "Po @ musi być nazwa domeny z kropką — np. jan.kowalski@biuro.pl"),
        ("jan@biuro_firma.pl", "Po @ musi być nazwa domeny z kropką — np. jan.kowalski@biuro.pl"),
        ("jan@10.0.0.1", "Po @ musi być nazwa domeny z kropką — np. jan.kowalski@biuro.pl"),
        ("jan@[10.0.0.1]", "Po @ musi być nazwa domeny z kropką — np. jan.kowalski@biuro.pl"),
        ("a" * 65 + "@biuro.pl", "Adres e-mail jest za długi (najwyżej 254 znaki, 64 przed @)"),
        ("jan@" + "abcdefghij." * 24 + "pl", "Adres e-mail jest za długi (najwyżej 254 znaki, 64 przed @)"),
        ("jan@" + "a" * 64 + ".pl", "Adres e-mail jest za długi (najwyżej 254 znaki, 64 przed @)"),
    ],
)
def test_normalise_email_explains_what_is_wrong(typed: str, message: str) -> None:
    error = error_of(normalise_email, typed)
    assert error.field == "email"
    assert error.message.pl == message


@pytest.mark.parametrize("typed", [".jan@biuro.pl", "jan.@biuro.pl", "jan..k@biuro.pl"])
def test_the_part_before_the_at_sign_is_explained(typed: str) -> None:
    error = error_of(normalise_email, typed)
    assert error.message.pl.startswith("Część adresu przed @ może zawierać litery, cyfry i znaki")


def test_polish_letters_before_the_at_sign_are_an_internationalised_address() -> None:
    # RFC 6531: accepted here, and the engine sends it with SMTPUTF8 (or explains why it cannot).
    assert normalise_email("łukasz@biuro.pl") == "łukasz@biuro.pl"


def test_optional_email_may_stay_empty_and_errors_name_the_given_field() -> None:
    assert normalise_email("   ", required=False) == ""
    assert normalise_email("", required=False, field="reply_to") == ""
    error = error_of(normalise_email, "nie-adres", required=False, field="sender")
    assert error.field == "sender"


def test_header_injection_through_an_address_is_refused() -> None:
    error = error_of(normalise_email, "jan@biuro.pl\r\nBcc: wszyscy@konkurencja.pl")
    assert error.field == "email"
    assert "znaków nowej linii" in error.message.pl


# --- one SMTP section -----------------------------------------------------------------------------


def test_an_empty_section_means_no_own_account() -> None:
    assert build_account("", "", "", Security.AUTO) is None
    assert build_account("  ", " ", " ", "auto") is None
    # The port field still showing the usual value is not an account either.
    assert build_account("", "587", "", Security.AUTO) is None


def test_a_filled_section_becomes_an_account() -> None:
    account = build_account(
        " smtp://Poczta.Źródło.pl ",
        " 465 ",
        "  anna@biuro.pl ",
        "ssl",
        allow_plaintext_auth=True,
        pinned_fingerprint="AB:" * 31 + "AB",
        ca_file="  /etc/ssl/biuro-ca.pem ",
    )
    assert account == SmtpAccount(
        host=f"poczta.{ZRODLO}.pl",
        port=465,
        username="anna@biuro.pl",
        security=Security.SSL,
        allow_plaintext_auth=True,
        pinned_fingerprint="ab" * 32,
        ca_file="/etc/ssl/biuro-ca.pem",
    )


@pytest.mark.parametrize(
    ("host", "port", "security", "expected_port"),
    [
        ("smtp.firma.pl:465", "", Security.AUTO, 465),  # pasted port fills the empty port field
        ("smtp.firma.pl:465", "465", Security.AUTO, 465),  # and agrees with a filled one
        ("smtp.firma.pl", "", Security.AUTO, 587),
        ("smtp.firma.pl", "", Security.STARTTLS, 587),
        ("smtp.firma.pl", "", Security.SSL, 465),
        ("smtp.firma.pl", "", Security.NONE, 25),
        ("smtp.firma.pl", "2525", Security.NONE, 2525),
    ],
)
def test_the_port_comes_from_the_port_field_the_server_name_or_the_security(
    host: str, port: str, security: Security, expected_port: int
) -> None:
    account = build_account(host, port, "jan", security)
    assert account is not None
    assert account.port == expected_port
    assert account.host == "smtp.firma.pl"


def test_a_pasted_port_that_contradicts_the_port_field_is_pointed_out() -> None:
    error = error_of(build_account, "smtp.firma.pl:465", "587", "jan", Security.AUTO)
    assert error.field == "host"
    assert (
        error.message.pl
        == "W nazwie serwera jest port 465, a w polu portu 587 — usuń „:465” albo popraw port"
    )


@pytest.mark.parametrize(
    ("host", "port", "user", "security", "field", "message_start"),
    [
        ("", "587", "jan", Security.AUTO, "host", "Wpisz nazwę serwera"),
        ("", "465", "", Security.AUTO, "host", "Wpisz nazwę serwera"),
        ("smtp://", "", "jan", Security.AUTO, "host", "Wpisz nazwę serwera"),
        ("smtp.firma.pl", "abc", "jan", Security.AUTO, "port", "Port to liczba od 1 do 65535"),
        ("smtp.firma.pl", "587", "jan\r\nMAIL FROM:<x@y.pl>", Security.AUTO, "username", "To pole nie może"),
        ("smtp.firma.pl", "587", "j" * 257, Security.AUTO, "username", "Nazwa użytkownika jest za długa"),
        ("smtp.firma.pl", "587", "jan", "tls13", "security", "Wybierz zabezpieczenie"),
    ],
)
def test_build_account_names_the_field_to_fix(
    host: str, port: str, user: str, security: str, field: str, message_start: str
) -> None:
    error = error_of(build_account, host, port, user, security)
    assert error.field == field
    assert error.message.pl.startswith(message_start)


def test_a_malformed_certificate_fingerprint_is_refused() -> None:
    error = error_of(build_account, "smtp.firma.pl", "587", "jan", Security.AUTO, pinned_fingerprint="abc")
    assert error.field == "pinned_fingerprint"
    assert error.message.pl == "Odcisk certyfikatu to 64 znaki szesnastkowe (SHA-256)"


# --- website and phone ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", ""),
        ("www.twojafirma.pl", "https://www.twojafirma.pl"),
        ("  www.twojafirma.pl/  ", "https://www.twojafirma.pl"),
        ("http://Biuro.PL/", "http://biuro.pl"),
        (
            "HTTPS://www.biuro.pl/oferty/mieszkania?miasto=Łódź",
            "https://www.biuro.pl/oferty/mieszkania?miasto=Łódź",
        ),
        ("www.źródło.pl", f"https://www.{ZRODLO}.pl"),
        ("biuro.pl:8080/strona", "https://biuro.pl:8080/strona"),
    ],
)
def test_normalise_website_completes_the_address(typed: str, expected: str) -> None:
    assert normalise_website(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("ftp://biuro.pl", "Adres strony zaczyna się od http:// albo https:// — np. www.twojafirma.pl"),
        ("biuro@twojafirma.pl", "To wygląda na adres e-mail. Wpisz adres strony — np. www.twojafirma.pl"),
        ("www twojafirma pl", "Adres strony nie może zawierać spacji — np. www.twojafirma.pl"),
        ("twojafirma", "To nie jest adres strony — wpisz np. www.twojafirma.pl"),
        ("https://", "To nie jest adres strony — wpisz np. www.twojafirma.pl"),
        ("www..twojafirma.pl", "To nie jest adres strony — wpisz np. www.twojafirma.pl"),
        ("www.twoja!firma.pl", "To nie jest adres strony — wpisz np. www.twojafirma.pl"),
        ("www.twojafirma.pl:99999", "To nie jest adres strony — wpisz np. www.twojafirma.pl"),
    ],
)
def test_normalise_website_explains_what_is_wrong(typed: str, message: str) -> None:
    error = error_of(normalise_website, typed)
    assert error.field == "website"
    assert error.message.pl == message


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", ""),
        ("+48 22 123 45 67", "+48 22 123 45 67"),
        ("  (22) 123-45-67 ", "(22) 123-45-67"),
        ("600   700  800", "600 700 800"),
        ("112", "112"),
    ],
)
def test_normalise_phone_accepts_phone_numbers(typed: str, expected: str) -> None:
    assert normalise_phone(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "tel. 22 123 45 67",
            "Numer telefonu może zawierać tylko cyfry, spacje, +, - i nawiasy — np. +48 22 123 45 67",
        ),
        ("48+22", "Numer telefonu może zawierać tylko cyfry, spacje, +, - i nawiasy — np. +48 22 123 45 67"),
        ("22/123", "Numer telefonu może zawierać tylko cyfry, spacje, +, - i nawiasy — np. +48 22 123 45 67"),
        ("12", "Numer telefonu ma od 3 do 20 cyfr — np. +48 22 123 45 67"),
        ("1" * 21, "Numer telefonu ma od 3 do 20 cyfr — np. +48 22 123 45 67"),
    ],
)
def test_normalise_phone_explains_what_is_wrong(typed: str, message: str) -> None:
    error = error_of(normalise_phone, typed)
    assert error.field == "phone"
    assert error.message.pl == message


def test_phone_with_a_line_break_is_refused() -> None:
    assert error_of(normalise_phone, "22 123\n45 67").message.pl.startswith("To pole nie może")


# --- language -------------------------------------------------------------------------------------


def test_messages_follow_the_chosen_language() -> None:
    error = error_of(normalise_email, "nie-adres")
    assert str(error) == "To nie jest adres e-mail — wpisz np. jan.kowalski@biuro.pl"
    i18n.set_language("en")
    assert str(error) == "This is not an e-mail address — enter e.g. john.smith@office.com"


def test_every_message_exists_in_both_languages() -> None:
    from smtpdesk.core import validation

    messages = [value for name, value in vars(validation).items() if name.startswith("MSG_")]
    assert len(messages) > 20
    for message in messages:
        assert message.pl and message.en and message.pl != message.en


# --- properties -----------------------------------------------------------------------------------

HOSTISH = st.text(alphabet="abcxyzźółąABZ019.-_:/[]@ \t\r\n\u00a0\u2028smtp", max_size=40)
ANY_TEXT = st.text(max_size=60)


def _clean(value: str) -> bool:
    return not has_control_chars(value) and "\r" not in value and "\n" not in value


@quick
@given(st.one_of(ANY_TEXT, HOSTISH))
def test_no_accepted_value_ever_carries_a_control_character(text: str) -> None:
    for call in (normalise_host, normalise_email, normalise_website, normalise_phone, parse_port):
        try:
            result = call(text)
        except FieldError as error:
            assert error.field
            assert error.message.pl and error.message.en
            continue
        values = result if isinstance(result, tuple) else (result,)
        assert all(_clean(str(value)) for value in values)


@quick
@given(ANY_TEXT, st.one_of(ANY_TEXT, st.integers(0, 70000).map(str)), ANY_TEXT)
def test_build_account_either_refuses_or_returns_clean_fields(host: str, port: str, user: str) -> None:
    try:
        account = build_account(host, port, user, Security.AUTO)
    except FieldError as error:
        assert error.field in {"host", "port", "username"}
        return
    if account is not None:
        assert _clean(account.host) and _clean(account.username)
        assert 1 <= account.port <= 65535


HOSTS = st.one_of(
    st.builds(
        lambda scheme, labels, port, path: f"{scheme}{'.'.join(labels)}{port}{path}",
        st.sampled_from(["", "smtp://", "SMTPS://", "https://", "  "]),
        st.lists(st.text(alphabet="abcźóŁ019-_​", min_size=1, max_size=8), min_size=1, max_size=4),
        st.one_of(st.just(""), st.integers(0, 70000).map(lambda p: f":{p}")),
        st.sampled_from(["", "/", "/x?y", ".", " "]),
    ),
    st.ip_addresses().map(lambda ip: f"[{ip}]" if ip.version == 6 else str(ip)),
    HOSTISH,
)


@quick
@given(HOSTS)
def test_normalise_host_is_idempotent(text: str) -> None:
    try:
        host, _port = normalise_host(text)
    except FieldError:
        assume(False)
        return
    assert normalise_host(host) == (host, None)


@quick
@given(st.from_regex(r"[a-zA-Z0-9._+-]{1,10}@[a-zźó0-9.-]{1,12}\.[a-zł]{2,4}", fullmatch=True))
def test_normalise_email_is_idempotent(text: str) -> None:
    try:
        address = normalise_email(text)
    except FieldError:
        assume(False)
        return
    assert normalise_email(address) == address


WEBSITES = st.builds(
    lambda scheme, labels, tld, path: f"{scheme}{'.'.join(labels)}.{tld}{path}",
    st.sampled_from(["", "http://", "https://", "HTTPS://", " "]),
    st.lists(st.text(alphabet="abcźó019-_", min_size=1, max_size=8), min_size=1, max_size=3),
    st.sampled_from(["pl", "com", "ŁÓDŹ", "1"]),
    st.one_of(st.just(""), st.text(alphabet="abc/?=-ż.:", max_size=12).map(lambda p: "/" + p)),
)


@quick
@given(WEBSITES)
def test_normalise_website_is_idempotent(text: str) -> None:
    try:
        address = normalise_website(text)
    except FieldError:
        assume(False)
        return
    assert normalise_website(address) == address
