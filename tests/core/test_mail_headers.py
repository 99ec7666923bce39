"""Header lines as RFC 2047 / 5322 readers decode them: every space kept, nothing injectable."""

from __future__ import annotations

import email.utils
from email.header import decode_header, make_header

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smtpdesk.core.mail_headers import MAX_LINE, header_safe, mailbox, parse_address, unstructured


def decoded(header: str) -> str:
    """The value a client shows: unfolded, encoded words decoded (RFC 2047 section 6.2)."""
    value = header.partition(":")[2].replace("\r\n", "")
    return str(make_header(decode_header(value.strip())))


def decoded_mailbox(header: str) -> tuple[str, str]:
    name, addr = email.utils.parseaddr(header.partition(":")[2].replace("\r\n", ""))
    return str(make_header(decode_header(name))) if name else "", addr


def line_lengths(header: str) -> list[int]:
    return [len(line) for line in header.removesuffix("\r\n").split("\r\n")]


def test_a_long_polish_subject_keeps_every_space_where_it_is_folded() -> None:
    # CPython 3.11's own folder drops the space before "ukryty" in this shape of text.
    text = "𐀀𐀀0¡¡¡000¡¡¡¡¡¡𐀀𐀀 Bcc: ukryty@example.com i dalej zażółć gęślą jaźń " * 3
    header = unstructured("Subject", text)
    assert decoded(header) == header_safe(text)
    assert max(line_lengths(header)) <= MAX_LINE
    assert header.isascii() and header.endswith("\r\n")


def test_short_ascii_subjects_stay_readable() -> None:
    assert unstructured("Subject", "Test  poczty\r\nBcc: x") == "Subject: Test poczty Bcc: x\r\n"


def test_ascii_names_with_specials_are_quoted() -> None:
    name = 'Biuro "Zrodlo", Anna \\ K.'
    header = mailbox("From", parse_address("anna@zrodlo.pl"), name)
    assert header.isascii() and header.count('"') == 4
    assert decoded_mailbox(header) == (name, "anna@zrodlo.pl")


def test_a_long_polish_name_is_folded_and_decoded_exactly() -> None:
    name = "Łukasz Żółw-Kowalski, Biuro Nieruchomości „Źródło” Warszawa sp. z o.o."
    header = mailbox("From", parse_address("lukasz@zrodlo.pl"), name)
    assert decoded_mailbox(header) == (name, "lukasz@zrodlo.pl")
    assert max(line_lengths(header)) <= MAX_LINE


def test_an_address_without_a_name_is_bare() -> None:
    assert mailbox("To", parse_address("klient@example.com")) == "To: klient@example.com\r\n"


@pytest.mark.parametrize(
    "text",
    [
        "a>,evil@x.pl@y.pl",
        "a b@x.pl",
        '"quoted"@x.pl',
        "a..b@x.pl",
        ".a@x.pl",
        "a@-x.pl",
        "a@x_y.pl",
        "a@x.pl\r\nBcc: b@y.pl",
        "a@",
        "@x.pl",
        "a(comment)@x.pl",
        "a\x85b@x.pl",  # NEL, a line break to Unicode
        "a\u2028b@x.pl",
        "a\u2029b@x.pl",
        "a\x9bb@x.pl",
    ],
)
def test_addresses_that_could_be_read_as_something_else_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_address(text)


def test_polish_domains_become_idna_and_literals_are_refused() -> None:
    assert parse_address("Jan@Źródło.PL").addr_spec == "Jan@xn--rdo-gna01bwk.pl"
    with pytest.raises(ValueError):
        parse_address("jan@[127.0.0.1]")  # the form refuses it too: one parser for both
    assert parse_address("łukasz@zrodlo.pl").needs_smtputf8


_TEXT = st.text(st.characters(codec="utf-8"), max_size=120)


@settings(max_examples=300, deadline=None, database=None)
@given(text=_TEXT)
def test_any_subject_decodes_to_the_cleaned_text(text: str) -> None:
    header = unstructured("Subject", text)
    assert decoded(header) == header_safe(text)
    assert header.count("\r\n") == header.count("\r\n ") + 1  # every line break is a fold
    assert "\n" not in header.replace("\r\n", "")
    assert max(line_lengths(header)) <= MAX_LINE


@settings(max_examples=300, deadline=None, database=None)
@given(name=_TEXT)
def test_any_display_name_decodes_to_the_cleaned_text(name: str) -> None:
    header = mailbox("From", parse_address("anna@zrodlo.pl"), name)
    assert decoded_mailbox(header) == (header_safe(name), "anna@zrodlo.pl")
    assert header.count("\r\n") == header.count("\r\n ") + 1
