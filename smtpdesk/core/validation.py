"""Checking and tidying what the user typed into the settings forms.

Every function either returns a clean value or raises ``FieldError`` naming the field and carrying a
sentence in both languages that the form shows next to that field. What can be repaired silently is
repaired (a pasted ``smtp://``, surrounding spaces, ``host:port``, Polish letters in a domain name);
what cannot is explained. No returned value ever contains CR, LF or another control character, so
nothing typed here can break a mail header.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata

import idna

from smtpdesk.core import addresses
from smtpdesk.core.addresses import AddressError, parse_address
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import DEFAULT_PORT, IMPLICIT_TLS_PORT, Security, SmtpAccount


class FieldError(ValueError):
    """Input that cannot be used; ``field`` says which form field to point at."""

    def __init__(self, field: str, message: Msg) -> None:
        super().__init__(message.pl)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message.text()


# --- messages -------------------------------------------------------------------------------------

MSG_CONTROL_CHARS = Msg(
    pl="To pole nie może zawierać znaków nowej linii, tabulacji ani innych znaków sterujących",
    en="This field must not contain line breaks, tabs or other control characters",
)
MSG_NOT_TEXT = Msg(
    pl="To pole zawiera bajty, które nie są tekstem UTF-8 (np. wklejone z programu w innym kodowaniu) "
    "— wpisz je ponownie",
    en="This field holds bytes that are not UTF-8 text (e.g. pasted from a program using another "
    "encoding) — type it again",
)
MSG_HOST_EMPTY = Msg(
    pl="Wpisz nazwę serwera poczty wychodzącej — np. smtp.twojafirma.pl",
    en="Enter the outgoing mail server name — e.g. smtp.yourcompany.com",
)
MSG_HOST_SCHEME = Msg(
    pl="Wpisz samą nazwę serwera, bez „{scheme}://” — np. smtp.twojafirma.pl",
    en="Enter just the server name, without “{scheme}://” — e.g. smtp.yourcompany.com",
)
MSG_HOST_EMAIL = Msg(
    pl="To wygląda na adres e-mail. Wpisz nazwę serwera poczty wychodzącej — np. smtp.twojafirma.pl",
    en="This looks like an e-mail address. Enter the outgoing mail server name — e.g. smtp.yourcompany.com",
)
MSG_HOST_SPACES = Msg(
    pl="Nazwa serwera nie może zawierać spacji — np. smtp.twojafirma.pl",
    en="The server name must not contain spaces — e.g. smtp.yourcompany.com",
)
MSG_HOST_EMPTY_LABEL = Msg(
    pl="W nazwie serwera są dwie kropki obok siebie albo kropka na początku — np. smtp.twojafirma.pl",
    en="The server name has two dots in a row or starts with a dot — e.g. smtp.yourcompany.com",
)
MSG_HOST_CHARS = Msg(
    pl="Nazwa serwera może zawierać tylko litery, cyfry, kropki i myślniki — np. smtp.twojafirma.pl",
    en="The server name may contain only letters, digits, dots and hyphens — e.g. smtp.yourcompany.com",
)
MSG_HOST_TOO_LONG = Msg(
    pl="Nazwa serwera jest za długa (najwyżej 253 znaki, 63 między kropkami)",
    en="The server name is too long (at most 253 characters, 63 between dots)",
)
MSG_HOST_BAD_IP = Msg(
    pl="To nie jest poprawny adres IP — np. 192.168.1.10 albo nazwa smtp.twojafirma.pl",
    en="This is not a valid IP address — e.g. 192.168.1.10, or a name such as smtp.yourcompany.com",
)
MSG_HOST_PASTED_PORT = Msg(
    pl="Po dwukropku w nazwie serwera musi być numer portu od 1 do 65535 — np. smtp.twojafirma.pl:587",
    en="After the colon in the server name there must be a port number from 1 to 65535 "
    "— e.g. smtp.yourcompany.com:587",
)
MSG_HOST_PORT_CONFLICT = Msg(
    pl="W nazwie serwera jest port {pasted}, a w polu portu {port} — usuń „:{pasted}” albo popraw port",
    en="The server name contains port {pasted} but the port field says {port} — remove “:{pasted}” "
    "or correct the port",
)
MSG_PORT_EMPTY = Msg(
    pl="Wpisz numer portu — zwykle 587",
    en="Enter the port number — usually 587",
)
MSG_PORT_RANGE = Msg(
    pl="Port to liczba od 1 do 65535 (zwykle 587)",
    en="The port is a number from 1 to 65535 (usually 587)",
)
MSG_EMAIL_EMPTY = addresses.MSG_EMPTY
MSG_EMAIL_INVALID = addresses.MSG_INVALID
MSG_EMAIL_MANY = addresses.MSG_MANY
MSG_EMAIL_DISPLAY_NAME = addresses.MSG_DISPLAY_NAME
MSG_EMAIL_SPACES = addresses.MSG_SPACES
MSG_EMAIL_LOCAL = addresses.MSG_LOCAL
MSG_EMAIL_DOMAIN = addresses.MSG_DOMAIN
MSG_EMAIL_TOO_LONG = addresses.MSG_TOO_LONG
MSG_USERNAME_TOO_LONG = Msg(
    pl="Nazwa użytkownika jest za długa (najwyżej 256 znaków)",
    en="The user name is too long (at most 256 characters)",
)
MSG_SECURITY_INVALID = Msg(
    pl="Wybierz zabezpieczenie połączenia: automatycznie, STARTTLS, SSL/TLS albo brak",
    en="Choose the connection security: automatic, STARTTLS, SSL/TLS or none",
)
MSG_FINGERPRINT_INVALID = Msg(
    pl="Odcisk certyfikatu to 64 znaki szesnastkowe (SHA-256)",
    en="A certificate fingerprint is 64 hexadecimal characters (SHA-256)",
)
MSG_WEBSITE_SCHEME = Msg(
    pl="Adres strony zaczyna się od http:// albo https:// — np. www.twojafirma.pl",
    en="A website address starts with http:// or https:// — e.g. www.yourcompany.com",
)
MSG_WEBSITE_INVALID = Msg(
    pl="To nie jest adres strony — wpisz np. www.twojafirma.pl",
    en="This is not a website address — enter e.g. www.yourcompany.com",
)
MSG_WEBSITE_EMAIL = Msg(
    pl="To wygląda na adres e-mail. Wpisz adres strony — np. www.twojafirma.pl",
    en="This looks like an e-mail address. Enter the website address — e.g. www.yourcompany.com",
)
MSG_WEBSITE_SPACES = Msg(
    pl="Adres strony nie może zawierać spacji — np. www.twojafirma.pl",
    en="A website address must not contain spaces — e.g. www.yourcompany.com",
)
MSG_PHONE_CHARS = Msg(
    pl="Numer telefonu może zawierać tylko cyfry, spacje, +, - i nawiasy — np. +48 22 123 45 67",
    en="A phone number may contain only digits, spaces, +, - and brackets — e.g. +48 22 123 45 67",
)
MSG_PHONE_LENGTH = Msg(
    pl="Numer telefonu ma od 3 do 20 cyfr — np. +48 22 123 45 67",
    en="A phone number has from 3 to 20 digits — e.g. +48 22 123 45 67",
)


def _filled(msg: Msg, **values: object) -> Msg:
    """The message with the user's values already in place (the form shows it as it is)."""
    return Msg(pl=msg.pl.format(**values), en=msg.en.format(**values))


# --- shared helpers -------------------------------------------------------------------------------

# Line and paragraph separators end a header line just as CR/LF do in some mail software.
_LINE_SEPARATORS = frozenset("\u2028\u2029")
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
_STRIPPED_SCHEMES = frozenset({"smtp", "smtps", "submission", "http", "https"})
_LABEL_RE = re.compile(r"^[a-z0-9_](?:[a-z0-9_\-]{0,61}[a-z0-9_])?\Z")
_STRICT_LABEL_RE = re.compile(r"^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\Z")
_PORT_RE = re.compile(r"^[0-9]+\Z")
_PHONE_RE = re.compile(r"^\+?[0-9 ()\-]+\Z")
_FINGERPRINT_RE = re.compile(r"^[0-9a-f]{64}\Z")
_MAX_HOST = 253
_MAX_USERNAME = 256


def has_control_chars(text: str) -> bool:
    """True when ``text`` holds CR, LF, TAB, NUL or any other character that could split a line."""
    return any(unicodedata.category(ch) == "Cc" or ch in _LINE_SEPARATORS for ch in text)


def not_text(text: str) -> bool:
    """True when ``text`` holds lone surrogates: bytes that were not UTF-8, carried through by
    Python's "surrogateescape" (command line, environment) — they cannot be encoded or sent."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def clean_text(text: str, field: str) -> str:
    """``text`` without surrounding spaces; FieldError when it holds control characters or bytes
    that are not text."""
    if not_text(text):
        raise FieldError(field, MSG_NOT_TEXT)
    if has_control_chars(text):
        raise FieldError(field, MSG_CONTROL_CHARS)
    return text.strip()


def _has_space(text: str) -> bool:
    return any(ch.isspace() for ch in text)


def _port_number(digits: str) -> int | None:
    """The port for an ASCII digit string, None when out of range (and never int() on 5000 digits)."""
    if not _PORT_RE.match(digits):
        return None
    significant = digits.lstrip("0")
    if not significant or len(significant) > 5:
        return None
    value = int(significant)
    return value if 1 <= value <= 65535 else None


def _ascii_label(label: str) -> str:
    """One label of a domain name in its ASCII form: UTS #46 without the transitional mapping of
    IDNA 2003, so "straße" stays itself (xn--strae-oqa) instead of turning into "strasse".
    UnicodeError when it has none."""
    try:
        if label.isascii():
            ascii_label = label.lower()
            if ascii_label.startswith("xn--"):
                # A pasted punycode label must decode, or it is gibberish the DNS will never answer.
                idna.decode(ascii_label)
            return ascii_label
        return idna.encode(label, uts46=True, transitional=False).decode("ascii")
    except idna.IDNAError as error:
        raise UnicodeError(str(error)) from None


def _domain(text: str, field: str, *, strict: bool, invalid: Msg, too_long: Msg) -> str:
    """A domain name (no IP, no port) lower-cased in IDNA form.

    ``strict`` (mail domains) allows only letters, digits and hyphens; server names may also carry
    the underscores some office networks use in machine names.
    """
    name = text[:-1] if text.endswith(".") else text
    if not name:
        raise FieldError(field, invalid)
    labels = name.split(".")
    if any(not label for label in labels):
        raise FieldError(field, MSG_HOST_EMPTY_LABEL if field == "host" else invalid)
    pattern = _STRICT_LABEL_RE if strict else _LABEL_RE
    encoded: list[str] = []
    for label in labels:
        try:
            ascii_label = _ascii_label(label.lower())
        except UnicodeError:
            long_label = len(label.encode("punycode")) + len("xn--") > 63
            raise FieldError(field, too_long if long_label else invalid) from None
        if not pattern.match(ascii_label):
            raise FieldError(field, too_long if len(ascii_label) > 63 else invalid)
        encoded.append(ascii_label)
    result = ".".join(encoded)
    if len(result) > _MAX_HOST:
        raise FieldError(field, too_long)
    if all(label.isdigit() for label in encoded):
        # Only digits and dots: meant as an IPv4 address, so it has to be a valid one.
        try:
            return str(ipaddress.IPv4Address(result))
        except ValueError:
            raise FieldError(field, MSG_HOST_BAD_IP if field == "host" else invalid) from None
    return result


def _split_host_port(
    text: str, field: str, bad_port: Msg, bad_ip: Msg = MSG_HOST_BAD_IP
) -> tuple[str, int | None]:
    """``[v6]:port``, ``v6``, ``name:port`` or ``name`` → (address text, port or None)."""
    if text.startswith("["):
        end = text.find("]")
        if end < 0:
            raise FieldError(field, bad_ip)
        inside, rest = text[1:end], text[end + 1 :]
        try:
            address = ipaddress.IPv6Address(inside)
        except ValueError:
            raise FieldError(field, bad_ip) from None
        if not rest or rest == ":":
            return address.compressed, None
        if not rest.startswith(":"):
            raise FieldError(field, bad_ip)
        port = _port_number(rest[1:])
        if port is None:
            raise FieldError(field, bad_port)
        return address.compressed, port
    if text.count(":") >= 2:
        try:
            return ipaddress.IPv6Address(text).compressed, None
        except ValueError:
            # Only hex digits, dots and colons: a mistyped IPv6 address; otherwise "name:587:25".
            looks_like_ip = re.fullmatch(r"[0-9A-Fa-f:.]+", text) is not None
            raise FieldError(field, bad_ip if looks_like_ip else bad_port) from None
    if ":" in text:
        name, digits = text.split(":")
        if not digits:  # "smtp.firma.pl:" – a stray colon, nothing to lose by dropping it
            return name, None
        port = _port_number(digits)
        if port is None:
            raise FieldError(field, bad_port)
        return name, port
    return text, None


# --- public API -----------------------------------------------------------------------------------


def normalise_host(text: str) -> tuple[str, int | None]:
    """The server name as the engine needs it, and the port if one was pasted after a colon.

    ``" smtps://Poczta.Źródło.PL:465/ "`` → ``("poczta.xn--rdo-gna01bwk.pl", 465)``.
    IPv4 addresses and IPv6 addresses (bare or in brackets) are accepted; IPv6 comes back bare.
    """
    field = "host"
    value = clean_text(text, field)
    if not value:
        raise FieldError(field, MSG_HOST_EMPTY)
    scheme = _SCHEME_RE.match(value)
    if scheme:
        if scheme.group(1).lower() not in _STRIPPED_SCHEMES:
            raise FieldError(field, _filled(MSG_HOST_SCHEME, scheme=scheme.group(1)))
        value = value[scheme.end() :]
    elif value.lower().startswith("mailto:"):
        raise FieldError(field, MSG_HOST_EMAIL)
    value = re.split(r"[/?#]", value, maxsplit=1)[0].strip()
    if "@" in value:
        raise FieldError(field, MSG_HOST_EMAIL)
    if _has_space(value):
        raise FieldError(field, MSG_HOST_SPACES)
    if not value:
        raise FieldError(field, MSG_HOST_EMPTY)
    address, port = _split_host_port(value, field, MSG_HOST_PASTED_PORT)
    if ":" in address:  # IPv6, already checked
        return address, port
    return _domain(address, field, strict=False, invalid=MSG_HOST_CHARS, too_long=MSG_HOST_TOO_LONG), port


def parse_port(text: str) -> int:
    """The port field: digits only, 1–65535."""
    field = "port"
    value = clean_text(text, field)
    if not value:
        raise FieldError(field, MSG_PORT_EMPTY)
    port = _port_number(value)
    if port is None:
        raise FieldError(field, MSG_PORT_RANGE)
    return port


def normalise_email(text: str, *, required: bool = True, field: str = "email") -> str:
    """A single bare address (``local@xn--…``), read by the one parser the engine and the test
    message use too (``core.addresses``); ``""`` when empty and optional."""
    value = clean_text(text, field)
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:") :].strip()
    if not value:
        if required:
            raise FieldError(field, MSG_EMAIL_EMPTY)
        return ""
    try:
        return parse_address(value).addr_spec
    except AddressError as error:
        raise FieldError(field, error.message) from None


def normalise_username(text: str, field: str = "username") -> str:
    """The SMTP login: free text (an address, ``DOMENA\\jan``…) without control characters."""
    value = clean_text(text, field)
    if len(value) > _MAX_USERNAME:
        raise FieldError(field, MSG_USERNAME_TOO_LONG)
    return value


def normalise_fingerprint(text: str, field: str = "pinned_fingerprint") -> str:
    """A SHA-256 fingerprint as lower-case hex without separators (``""`` when empty)."""
    value = clean_text(text, field).replace(":", "").replace(" ", "").lower()
    if value and not _FINGERPRINT_RE.match(value):
        raise FieldError(field, MSG_FINGERPRINT_INVALID)
    return value


def _security(value: Security | str) -> Security:
    try:
        return Security(value)
    except ValueError:
        raise FieldError("security", MSG_SECURITY_INVALID) from None


def default_port(security: Security) -> int:
    """The port used when the port field is left empty."""
    if security is Security.SSL:
        return IMPLICIT_TLS_PORT
    if security is Security.NONE:
        return 25  # an unencrypted relay, as office networks run them
    return DEFAULT_PORT


def build_account(
    host_text: str,
    port_text: str,
    username: str,
    security: Security | str,
    *,
    allow_plaintext_auth: bool = False,
    pinned_fingerprint: str = "",
    ca_file: str = "",
) -> SmtpAccount | None:
    """The account typed into an "Ustawienia wysyłania poczty (SMTP)" section, or None when the
    section is left empty (the server, port and user name fields blank; a port still showing the
    usual 587 counts as blank).

    A port pasted into the server name is used when the port field is empty or says the same.
    """
    security_value = _security(security)
    host_clean = clean_text(host_text, "host")
    port_clean = clean_text(port_text, "port")
    user = normalise_username(username)
    if not host_clean and not user and port_clean in ("", str(DEFAULT_PORT)):
        return None
    host, pasted_port = normalise_host(host_clean)
    if port_clean:
        port = parse_port(port_clean)
        if pasted_port is not None and pasted_port != port:
            raise FieldError("host", _filled(MSG_HOST_PORT_CONFLICT, pasted=pasted_port, port=port))
    else:
        port = pasted_port if pasted_port is not None else default_port(security_value)
    return SmtpAccount(
        host=host,
        port=port,
        username=user,
        security=security_value,
        allow_plaintext_auth=bool(allow_plaintext_auth),
        pinned_fingerprint=normalise_fingerprint(pinned_fingerprint),
        ca_file=clean_text(ca_file, "ca_file"),
    )


def normalise_website(text: str) -> str:
    """The agency's website as a full address (``https://`` added when missing); ``""`` when empty."""
    field = "website"
    value = clean_text(text, field)
    if not value:
        return ""
    scheme = "https"
    match = _SCHEME_RE.match(value)
    if match:
        scheme = match.group(1).lower()
        if scheme not in ("http", "https"):
            raise FieldError(field, MSG_WEBSITE_SCHEME)
        value = value[match.end() :]
    if _has_space(value):
        raise FieldError(field, MSG_WEBSITE_SPACES)
    split = re.search(r"[/?#]", value)
    authority, rest = (value[: split.start()], value[split.start() :]) if split else (value, "")
    if "@" in authority:
        raise FieldError(field, MSG_WEBSITE_EMAIL)
    if not authority:
        raise FieldError(field, MSG_WEBSITE_INVALID)
    address, port = _split_host_port(authority, field, MSG_WEBSITE_INVALID, MSG_WEBSITE_INVALID)
    if ":" in address:
        host = f"[{address}]"
    else:
        host = _domain(
            address, field, strict=False, invalid=MSG_WEBSITE_INVALID, too_long=MSG_WEBSITE_INVALID
        )
        if "." not in host:
            raise FieldError(field, MSG_WEBSITE_INVALID)
    if rest == "/":
        rest = ""
    netloc = host if port is None else f"{host}:{port}"
    return f"{scheme}://{netloc}{rest}"


def normalise_phone(text: str, field: str = "phone") -> str:
    """A phone number of digits, spaces, ``+``, ``-`` and brackets (``""`` when empty)."""
    value = clean_text(text, field)
    if not value:
        return ""
    value = " ".join(value.split())
    if not _PHONE_RE.match(value):
        raise FieldError(field, MSG_PHONE_CHARS)
    digits = sum(ch.isdigit() for ch in value)
    if not 3 <= digits <= 20:
        raise FieldError(field, MSG_PHONE_LENGTH)
    return value
