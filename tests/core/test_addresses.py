"""One address parser: the form, the command line and the message builder accept and refuse the
same addresses, and read them the same way."""

from __future__ import annotations

import pytest

from smtpdesk.cli.check_options import parse_check_options
from smtpdesk.cli.parsing import UsageError
from smtpdesk.core.addresses import AddressError, parse_address
from smtpdesk.core.footer import Footer
from smtpdesk.core.message import build_test_message
from smtpdesk.core.validation import FieldError, normalise_email

# (typed, the stored/wire form or None when refused everywhere)
CASES = [
    ("łukasz@biuro.pl", "łukasz@biuro.pl"),
    ("zażółć@agency.pl", "zażółć@agency.pl"),
    ("jan@straße.de", "jan@xn--strae-oqa.de"),
    ("jan@xn--strae-oqa.de", "jan@xn--strae-oqa.de"),
    ("Jan@Źródło.PL", "Jan@xn--rdo-gna01bwk.pl"),
    ("jan@localhost", None),
    ("jan@[127.0.0.1]", None),
    ("jan@biuro.invalid", None),
    ("jan..kowalski@biuro.pl", None),
    ('"jan kowalski"@biuro.pl', None),
    ("Jan <jan@biuro.pl>", None),
]


def _form(text: str) -> str | None:
    try:
        return normalise_email(text)
    except FieldError:
        return None


def _cli(text: str) -> str | None:
    try:
        options = parse_check_options(["--host", "smtp.biuro.pl", "--port", "587", "--from", text], "en", {})
    except UsageError:
        return None
    return options.target.sender  # type: ignore[union-attr]


def _builder(text: str) -> str | None:
    try:
        message = build_test_message(sender=text, sender_name="", recipient=text, footer=Footer())
    except ValueError:
        return None
    header = next(line for line in message.split(b"\r\n") if line.startswith(b"From: "))
    return header[len(b"From: ") :].decode("utf-8")


def _parser(text: str) -> str | None:
    try:
        return parse_address(text).addr_spec
    except AddressError:
        return None


@pytest.mark.parametrize(("typed", "expected"), CASES)
def test_form_cli_and_message_builder_agree(typed: str, expected: str | None) -> None:
    assert (_parser(typed), _form(typed), _cli(typed), _builder(typed)) == (expected,) * 4


def test_uts46_keeps_sharp_s_a_letter_of_its_own() -> None:
    # IDNA 2003 would have made it "strasse.de", somebody else's domain.
    address = parse_address("jan@straße.de")
    assert address.domain == "xn--strae-oqa.de" and address.unicode_domain == "straße.de"


def test_only_a_non_ascii_local_part_needs_smtputf8() -> None:
    assert parse_address("zażółć@agency.pl").needs_smtputf8
    assert not parse_address("jan@łódź.pl").needs_smtputf8


def test_a_refusal_says_why_in_both_languages() -> None:
    with pytest.raises(AddressError) as error:
        parse_address("jan@localhost")
    assert error.value.message.pl.startswith("Po @ musi być nazwa domeny")
