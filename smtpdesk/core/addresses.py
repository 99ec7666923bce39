"""The one e-mail address parser of smtpdesk: the forms, the command line, the engine and the test
message all read an address here, so they can never disagree about it.

Syntax is ``email-validator``'s (RFC 5321/5322, and RFC 6531 internationalised addresses such as
``zażółć@agency.pl``); domains go through ``idna`` with UTS #46 non-transitional processing, so
``straße.de`` stays ``straße.de`` (``xn--strae-oqa.de``) instead of becoming the different domain
``strasse.de`` as IDNA 2003 would have it. Nothing is looked up on the network.

Refused everywhere alike: display names, several addresses, quoted local parts, names without a
dot after @ (``jan@localhost``), address literals (``jan@[127.0.0.1]``) and special-use names such
as ``.invalid`` and ``.localhost`` — none of them is an address an office's clients can write to.
``.test`` names are accepted: the demonstration office and the tests use them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import email_validator

from smtpdesk.core.i18n import Msg

MAX_ADDRESS = 254
MAX_LOCAL = 64

MSG_EMPTY = Msg(
    pl="Wpisz adres e-mail — np. jan.kowalski@biuro.pl",
    en="Enter an e-mail address — e.g. john.smith@office.com",
)
MSG_INVALID = Msg(
    pl="To nie jest adres e-mail — wpisz np. jan.kowalski@biuro.pl",
    en="This is not an e-mail address — enter e.g. john.smith@office.com",
)
MSG_MANY = Msg(
    pl="Wpisz tylko jeden adres e-mail — np. jan.kowalski@biuro.pl",
    en="Enter only one e-mail address — e.g. john.smith@office.com",
)
MSG_DISPLAY_NAME = Msg(
    pl="Wpisz sam adres, bez imienia, cudzysłowów i nawiasów <> — np. jan.kowalski@biuro.pl",
    en="Enter just the address, without a name, quotes or <> brackets — e.g. john.smith@office.com",
)
MSG_SPACES = Msg(
    pl="Adres e-mail nie może zawierać spacji — np. jan.kowalski@biuro.pl",
    en="An e-mail address must not contain spaces — e.g. john.smith@office.com",
)
MSG_LOCAL = Msg(
    pl="Część adresu przed @ może zawierać litery, cyfry i znaki . _ - + (bez kropki na początku, "
    "na końcu i dwóch kropek obok siebie) — np. jan.kowalski@biuro.pl",
    en="The part before @ may contain letters, digits and . _ - + (no dot at the start or end, no two "
    "dots in a row) — e.g. john.smith@office.com",
)
MSG_DOMAIN = Msg(
    pl="Po @ musi być nazwa domeny z kropką — np. jan.kowalski@biuro.pl",
    en="After @ there must be a domain name with a dot — e.g. john.smith@office.com",
)
MSG_RESERVED = Msg(
    pl="Domena po @ jest zarezerwowana i nie przyjmuje poczty (np. .invalid, .localhost) — wpisz "
    "prawdziwy adres, np. jan.kowalski@biuro.pl",
    en="The domain after @ is reserved and takes no mail (e.g. .invalid, .localhost) — enter a real "
    "address, e.g. john.smith@office.com",
)
MSG_TOO_LONG = Msg(
    pl="Adres e-mail jest za długi (najwyżej 254 znaki, 64 przed @)",
    en="The e-mail address is too long (at most 254 characters, 64 before @)",
)


class AddressError(ValueError):
    """An address that cannot be used; ``message`` says why in both languages."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.en)
        self.message = message

    def __str__(self) -> str:  # shown to a person: in the language of the program
        return self.message.text()


@dataclass(frozen=True)
class MailAddress:
    local: str  # NFC-normalised; may hold non-ASCII letters (RFC 6531)
    domain: str  # ASCII (IDNA A-labels), lower case
    unicode_domain: str = ""  # the same domain as people read it

    @property
    def addr_spec(self) -> str:
        """The form used on the wire and stored: ``local@xn--…``."""
        return f"{self.local}@{self.domain}"

    @property
    def display(self) -> str:
        return f"{self.local}@{self.unicode_domain or self.domain}"

    @property
    def needs_smtputf8(self) -> bool:
        """A non-ASCII local part can only travel with SMTPUTF8 (a domain has its ASCII form)."""
        return not self.local.isascii()


def _precheck(value: str) -> None:
    """Mistakes people make, told in their own words before the syntax check's general ones."""
    if any(ch in value for ch in '<>"'):
        raise AddressError(MSG_DISPLAY_NAME)
    has_space = any(ch.isspace() for ch in value)
    if value.count("@") > 1 and (has_space or any(ch in value for ch in ",;")):
        raise AddressError(MSG_MANY)
    if has_space:
        raise AddressError(MSG_SPACES)
    if value.count("@") != 1 or value.startswith("@"):
        raise AddressError(MSG_INVALID)
    local, _, domain = value.partition("@")
    if len(local) > MAX_LOCAL:
        raise AddressError(MSG_TOO_LONG)
    if not domain or domain.startswith("[") or "." not in domain.strip("."):
        raise AddressError(MSG_DOMAIN)


def _reason(error: email_validator.EmailNotValidError) -> Msg:
    text = str(error).lower()
    if "too long" in text or "so many characters" in text:
        return MSG_TOO_LONG
    if "special-use" in text or "reserved" in text:
        return MSG_RESERVED
    if "before the @-sign" in text or ("period" in text and "after the @" not in text):
        return MSG_LOCAL
    if "after the @-sign" in text or "domain" in text:
        return MSG_DOMAIN
    return MSG_INVALID


@functools.lru_cache(maxsize=256)
def parse_address(text: str) -> MailAddress:
    """``text`` (spaces around it and a leading ``mailto:`` allowed) as one usable address.
    Remembered: the same few addresses are read on every test run, and the check is not cheap."""
    value = text.strip()
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:") :].strip()
    if not value:
        raise AddressError(MSG_EMPTY)
    if value.endswith(".") and not value.endswith(".."):
        value = value[:-1]  # the root label's dot: "biuro.pl." is "biuro.pl"
    _precheck(value)
    try:
        checked = email_validator.validate_email(
            value,
            check_deliverability=False,
            allow_smtputf8=True,
            allow_quoted_local=False,
            allow_domain_literal=False,
            allow_display_name=False,
            test_environment=True,
        )
    except email_validator.EmailNotValidError as error:
        raise AddressError(_reason(error)) from None
    address = MailAddress(
        local=checked.local_part, domain=checked.ascii_domain.lower(), unicode_domain=checked.domain
    )
    if len(address.addr_spec.encode("utf-8")) > MAX_ADDRESS:
        raise AddressError(MSG_TOO_LONG)
    return address
