"""The one description of what is stored: every setting and employee field, its type, its name for
people and how a value read from outside (an import file) is checked.

The tables (``tables``), loading and saving (``store``), conflicts (``merge``), the change log,
export and import are all driven by these lists, so a field cannot be saved under one name and
read under another, or be forgotten by one of them.

A model is turned into a flat mapping ``{"company.name": ..., "company_smtp.host": ...}``; an
optional account (company SMTP, default server, an employee's own account) also has the key
``<section>.present``.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from enum import Enum
from typing import Any, Literal

from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import (
    AuthMethod,
    Company,
    ContactMode,
    Employee,
    Giodo,
    OAuthApps,
    OfficeSettings,
    Role,
    Security,
    SmtpAccount,
)
from smtpdesk.core.validation import (
    FieldError,
    clean_text,
    normalise_email,
    normalise_fingerprint,
    normalise_host,
    normalise_phone,
    normalise_username,
    normalise_website,
)

Kind = Literal["text", "int", "bool", "blob", "enum"]
Flat = dict[str, Any]

MAX_LOGO_BYTES = 2 * 1024 * 1024
LOGO_TYPES = ("image/png", "image/jpeg", "image/svg+xml")
MAX_PASSWORD_CHANGE_DAYS = 3650
MAX_TEXT = 2000

MSG_NOT_TEXT = Msg(pl="Oczekiwano tekstu", en="Text was expected")
MSG_NOT_NUMBER = Msg(pl="Oczekiwano liczby całkowitej", en="A whole number was expected")
MSG_NOT_BOOL = Msg(
    pl="Oczekiwano wartości tak/nie (true/false)", en="A yes/no value (true/false) was expected"
)
MSG_NOT_CHOICE = Msg(pl="Dozwolone wartości: {choices}", en="Allowed values: {choices}")
MSG_TOO_LONG = Msg(
    pl="Tekst jest za długi (najwyżej {limit} znaków)", en="The text is too long (at most {limit})"
)
MSG_BAD_LOGO = Msg(
    pl="Logo musi być obrazem PNG, JPEG lub SVG zapisanym w base64, najwyżej 2 MB",
    en="The logo must be a PNG, JPEG or SVG image in base64, at most 2 MB",
)
MSG_BAD_LOGO_TYPE = Msg(
    pl="Typ logo musi być jednym z: image/png, image/jpeg, image/svg+xml",
    en="The logo type must be one of: image/png, image/jpeg, image/svg+xml",
)
MSG_PORT = Msg(pl="Port musi być liczbą od 1 do 65535", en="The port must be a number from 1 to 65535")
MSG_DAYS = Msg(
    pl="Liczba dni musi być od 0 (bez wymuszania) do 3650",
    en="The number of days must be from 0 (not forced) to 3650",
)
MAX_IDLE_LOCK_MINUTES = 480
MSG_MINUTES = Msg(
    pl="Liczba minut musi być od 0 (bez blokady) do 480",
    en="The number of minutes must be from 0 (never lock) to 480",
)
MSG_REQUIRED = Msg(pl="To pole nie może być puste", en="This field must not be empty")


def _filled(msg: Msg, **values: object) -> Msg:
    return Msg(pl=msg.pl.format(**values), en=msg.en.format(**values))


# --- checks for values read from outside (import) -------------------------------------------------


def _line(limit: int = 200, *, required: bool = False) -> Callable[[str, str], str]:
    def check(value: str, key: str) -> str:
        text = " ".join(clean_text(value, key).split())
        if required and not text:
            raise FieldError(key, MSG_REQUIRED)
        if len(text) > limit:
            raise FieldError(key, _filled(MSG_TOO_LONG, limit=limit))
        return text

    return check


def _address(value: str, key: str) -> str:
    # Several lines are fine; any other control character is not.
    lines = [clean_text(line, key) for line in value.replace("\r\n", "\n").split("\n")]
    text = "\n".join(line for line in lines if line)
    if len(text) > MAX_TEXT:
        raise FieldError(key, _filled(MSG_TOO_LONG, limit=MAX_TEXT))
    return text


def _email(required: bool) -> Callable[[str, str], str]:
    return lambda value, key: normalise_email(value, required=required, field=key)


def _host(value: str, key: str) -> str:
    host, _port = normalise_host(value) if value.strip() else ("", None)
    return host


def _port(value: int, key: str) -> int:
    if not 1 <= value <= 65535:
        raise FieldError(key, MSG_PORT)
    return value


def _days(value: int, key: str) -> int:
    if not 0 <= value <= MAX_PASSWORD_CHANGE_DAYS:
        raise FieldError(key, MSG_DAYS)
    return value


def _minutes(value: int, key: str) -> int:
    if not 0 <= value <= MAX_IDLE_LOCK_MINUTES:
        raise FieldError(key, MSG_MINUTES)
    return value


def _logo_type(value: str, key: str) -> str:
    if value and value not in LOGO_TYPES:
        raise FieldError(key, MSG_BAD_LOGO_TYPE)
    return value


def _plain(value: Any, key: str) -> Any:
    return value


# --- fields and sections ----------------------------------------------------------------------------


# The Python type a column of each kind gives back when its value is fine.
_USUAL_TYPES: dict[str, type] = {"text": str, "int": int, "bool": bool, "blob": bytes}


@dataclass(frozen=True)
class Field:
    """One model attribute: how it is stored, what people call it, how an outside value is checked."""

    attr: str
    kind: Kind
    label: Msg
    check: Callable[[Any, str], Any] = _plain
    enum: type[Enum] | None = None

    # -- model value <-> stored value ---------------------------------------------------------------

    def to_db(self, value: Any) -> Any:
        """The value as its column holds it; TypeError for a value of the wrong type."""
        if self.kind == "enum":
            assert self.enum is not None
            return str(self.enum(value).value)
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise TypeError(f"{self.attr}: expected yes/no, got {type(value).__name__}")
            return value
        if self.kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{self.attr}: expected a whole number, got {type(value).__name__}")
            return value
        if self.kind == "blob":
            if value is None:
                return None
            if not isinstance(value, (bytes, bytearray, memoryview)):
                raise TypeError(f"{self.attr}: expected bytes, got {type(value).__name__}")
            return bytes(value)
        if not isinstance(value, str):
            raise TypeError(f"{self.attr}: expected text, got {type(value).__name__}")
        return value

    def from_db(self, raw: Any, default: Any) -> Any:
        """The model value of a stored one; never raises (a hand-edited value becomes ``default``)."""
        if self.kind == "enum":
            assert self.enum is not None
            try:
                return self.enum(raw)
            except ValueError:
                return default
        if self.kind == "bool":
            return bool(raw) if isinstance(raw, (bool, int)) else default
        if self.kind == "int":
            return raw if isinstance(raw, int) and not isinstance(raw, bool) else default
        if self.kind == "blob":
            return bytes(raw) if isinstance(raw, (bytes, memoryview)) else default
        return raw if isinstance(raw, str) else default

    def reader(self, default: Any) -> Callable[[Any], Any]:
        """``from_db`` with its ``default`` bound, for reading thousands of rows: the value a column
        normally holds is taken at a glance, anything else goes through ``from_db``."""
        if self.kind == "enum":
            assert self.enum is not None
            members = {str(member.value): member for member in self.enum}
            return lambda raw: (
                members.get(raw, default) if raw.__class__ is str else self.from_db(raw, default)
            )
        usual = _USUAL_TYPES[self.kind]
        return lambda raw: raw if raw.__class__ is usual else self.from_db(raw, default)

    # -- model value <-> JSON (export / import / change log) -----------------------------------------

    def to_json(self, value: Any) -> Any:
        if self.kind == "enum":
            return str(value.value if isinstance(value, Enum) else value)
        if self.kind == "blob":
            return None if value is None else base64.b64encode(value).decode("ascii")
        return value

    def from_json(self, raw: Any, key: str) -> Any:
        """A value from an import file, checked and tidied; FieldError says what is wrong."""
        if self.kind == "enum":
            assert self.enum is not None
            choices = [str(member.value) for member in self.enum]
            if raw not in choices:
                raise FieldError(key, _filled(MSG_NOT_CHOICE, choices=", ".join(choices)))
            return self.check(self.enum(raw), key)
        if self.kind == "bool":
            if not isinstance(raw, bool):
                raise FieldError(key, MSG_NOT_BOOL)
            return raw
        if self.kind == "int":
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise FieldError(key, MSG_NOT_NUMBER)
            return self.check(raw, key)
        if self.kind == "blob":
            if raw is None:
                return None
            try:
                data = base64.b64decode(raw, validate=True) if isinstance(raw, str) else None
            except ValueError:
                data = None
            if data is None or len(data) > MAX_LOGO_BYTES:
                raise FieldError(key, MSG_BAD_LOGO)
            return data
        if not isinstance(raw, str):
            raise FieldError(key, MSG_NOT_TEXT)
        return self.check(raw, key)

    def summary(self, value: Any) -> Any:
        """What the change log keeps of a value: the value itself, an image only by its size."""
        if self.kind == "blob":
            return None if value is None else {"bytes": len(value)}
        return self.to_json(value)


def _account_fields() -> tuple[Field, ...]:
    return (
        Field("host", "text", Msg(pl="Serwer poczty wychodzącej", en="Outgoing mail server"), _host),
        Field(
            "port", "int", Msg(pl="Port serwera poczty wychodzącej", en="Outgoing mail server port"), _port
        ),
        Field(
            "username",
            "text",
            Msg(pl="Nazwa użytkownika", en="User name"),
            lambda value, key: normalise_username(value, key),
        ),
        Field(
            "security", "enum", Msg(pl="Zabezpieczenie połączenia", en="Connection security"), enum=Security
        ),
        Field(
            "allow_plaintext_auth",
            "bool",
            Msg(pl="Zgoda na logowanie bez szyfrowania", en="Sign-in without encryption allowed"),
        ),
        Field(
            "pinned_fingerprint",
            "text",
            Msg(pl="Zaufany certyfikat (odcisk SHA-256)", en="Trusted certificate (SHA-256 fingerprint)"),
            lambda value, key: normalise_fingerprint(value, key),
        ),
        Field(
            "ca_file",
            "text",
            Msg(pl="Plik urzędu certyfikacji", en="Certificate authority file"),
            _line(4096),
        ),
        Field("auth_method", "enum", Msg(pl="Sposób logowania", en="Sign-in method"), enum=AuthMethod),
    )


ACCOUNT_FIELDS: tuple[Field, ...] = _account_fields()
PRESENT = "present"


@dataclass(frozen=True)
class Section:
    """A part of ``OfficeSettings`` kept in a one-row table of its own, with its own version.

    ``attr`` is the OfficeSettings attribute holding it ("" for OfficeSettings' own plain fields).
    An optional section is an account that may be None; its row says whether it is present.
    """

    name: str
    attr: str
    model: type[Any]
    label: Msg
    fields: tuple[Field, ...]
    optional: bool = False

    @property
    def table(self) -> str:
        return f"settings_{self.name}"

    def key(self, field: Field | str) -> str:
        return f"{self.name}.{field if isinstance(field, str) else field.attr}"

    def all_keys(self) -> tuple[str, ...]:
        own = tuple(self.key(f) for f in self.fields)
        return (self.key(PRESENT), *own) if self.optional else own


SETTINGS_SECTIONS: tuple[Section, ...] = (
    Section(
        "company",
        "company",
        Company,
        Msg(pl="Dane firmy", en="Company data"),
        (
            Field("name", "text", Msg(pl="Nazwa firmy", en="Company name"), _line(200)),
            Field("address", "text", Msg(pl="Adres", en="Address"), _address),
            Field("phone", "text", Msg(pl="Telefon", en="Phone"), lambda v, k: normalise_phone(v, k)),
            Field("email", "text", Msg(pl="E-mail", en="E-mail"), _email(False)),
            Field("website", "text", Msg(pl="Strona WWW", en="Website"), lambda v, k: normalise_website(v)),
            Field("logo", "blob", Msg(pl="Logo firmy", en="Company logo")),
            Field("logo_mime", "text", Msg(pl="Typ obrazu logo", en="Logo image type"), _logo_type),
        ),
    ),
    Section(
        "office",
        "",
        OfficeSettings,
        Msg(pl="Pozostałe ustawienia", en="Other settings"),
        (
            Field(
                "contact_mode",
                "enum",
                Msg(pl="W mailach (stopka i adres mailowy)", en="In e-mails (footer and address)"),
                enum=ContactMode,
            ),
            Field(
                "default_server_sender",
                "text",
                Msg(pl="Nadawca serwera domyślnego", en="Default server's sender"),
                _email(False),
            ),
            Field(
                "agents_edit_own_smtp",
                "bool",
                Msg(
                    pl="Agenci mogą sami zmieniać swoje konto SMTP",
                    en="Agents may edit their own SMTP account",
                ),
            ),
            Field(
                "idle_lock_minutes",
                "int",
                Msg(
                    pl="Blokada programu po bezczynności (minuty)",
                    en="Lock the program after inactivity (minutes)",
                ),
                _minutes,
            ),
        ),
    ),
    Section(
        "giodo",
        "giodo",
        Giodo,
        Msg(pl="Ustawienia GIODO", en="GIODO settings"),
        (
            Field(
                "password_change_days",
                "int",
                Msg(
                    pl="Wymuś zmianę hasła: częstotliwość zmian (liczba dni)",
                    en="Force password change: every (days)",
                ),
                _days,
            ),
            Field(
                "giodo_password_format",
                "bool",
                Msg(pl="Wymuś format hasła zgodny z GIODO", en="Force a GIODO-compliant password format"),
            ),
            Field(
                "hide_client_contacts",
                "bool",
                Msg(pl="Ukryj emaile i telefony klientów", en="Hide clients' e-mails and phones"),
            ),
        ),
    ),
    Section(
        "oauth",
        "oauth",
        OAuthApps,
        Msg(pl="Logowanie Microsoft i Google", en="Microsoft and Google sign-in"),
        (
            Field(
                "microsoft_client_id",
                "text",
                Msg(pl="Microsoft: identyfikator aplikacji", en="Microsoft: application (client) ID"),
                _line(200),
            ),
            Field(
                "microsoft_tenant", "text", Msg(pl="Microsoft: dzierżawa", en="Microsoft: tenant"), _line(200)
            ),
            Field(
                "microsoft_authority",
                "text",
                Msg(pl="Microsoft: adres logowania", en="Microsoft: sign-in authority"),
                _line(500),
            ),
            Field(
                "google_client_id",
                "text",
                Msg(pl="Google: identyfikator klienta", en="Google: client ID"),
                _line(200),
            ),
            Field(
                "google_authority",
                "text",
                Msg(pl="Google: adres logowania", en="Google: sign-in authority"),
                _line(500),
            ),
            Field(
                "ca_file",
                "text",
                Msg(pl="Plik urzędu certyfikacji logowania", en="Sign-in certificate authority file"),
                _line(4096),
            ),
        ),
    ),
    Section(
        "company_smtp",
        "company_smtp",
        SmtpAccount,
        Msg(pl="Konto firmowe (SMTP)", en="Company account (SMTP)"),
        ACCOUNT_FIELDS,
        optional=True,
    ),
    Section(
        "default_server",
        "default_server",
        SmtpAccount,
        Msg(pl="Serwer domyślny", en="Default server"),
        ACCOUNT_FIELDS,
        optional=True,
    ),
)
SECTIONS_BY_NAME: dict[str, Section] = {s.name: s for s in SETTINGS_SECTIONS}
SETTINGS_KEYS: tuple[str, ...] = tuple(key for section in SETTINGS_SECTIONS for key in section.all_keys())

EMPLOYEE_FIELDS: tuple[Field, ...] = (
    Field("first_name", "text", Msg(pl="Imię", en="First name"), _line(100, required=True)),
    Field("last_name", "text", Msg(pl="Nazwisko", en="Last name"), _line(100, required=True)),
    Field("email", "text", Msg(pl="E-mail", en="E-mail"), _email(True)),
    Field("phone", "text", Msg(pl="Telefon", en="Phone"), lambda v, k: normalise_phone(v, k)),
    Field("role", "enum", Msg(pl="Rola", en="Role"), enum=Role),
)
# The employee's own account lives in the ``smtp_*`` columns; it is absent exactly when
# ``smtp_host`` is NULL.
EMPLOYEE_SMTP = "smtp"
EMPLOYEE_SMTP_LABEL = Msg(pl="Ustawienia wysyłania poczty (SMTP)", en="Outgoing mail settings (SMTP)")
EMPLOYEE_KEYS: tuple[str, ...] = (
    *(f.attr for f in EMPLOYEE_FIELDS),
    f"{EMPLOYEE_SMTP}.{PRESENT}",
    *(f"{EMPLOYEE_SMTP}.{f.attr}" for f in ACCOUNT_FIELDS),
)


def employee_column(key: str) -> str:
    """``smtp.host`` -> ``smtp_host``; plain fields keep their name."""
    return key.replace(".", "_")


# --- model <-> flat mappings ----------------------------------------------------------------------


def _account_flat(prefix: str, account: SmtpAccount | None, into: Flat) -> None:
    into[f"{prefix}.{PRESENT}"] = account is not None
    source = account if account is not None else SmtpAccount()
    for f in ACCOUNT_FIELDS:
        into[f"{prefix}.{f.attr}"] = getattr(source, f.attr)


def _account_from(prefix: str, flat: Mapping[str, Any]) -> SmtpAccount | None:
    if not flat.get(f"{prefix}.{PRESENT}"):
        return None
    return SmtpAccount(**{f.attr: flat[f"{prefix}.{f.attr}"] for f in ACCOUNT_FIELDS})


def settings_flat(settings: OfficeSettings) -> Flat:
    flat: Flat = {}
    for section in SETTINGS_SECTIONS:
        part: Any = getattr(settings, section.attr) if section.attr else settings
        if section.optional:
            _account_flat(section.name, part, flat)
        else:
            for f in section.fields:
                flat[section.key(f)] = getattr(part, f.attr)
    return flat


def settings_from_flat(flat: Mapping[str, Any]) -> OfficeSettings:
    parts: dict[str, Any] = {}
    for section in SETTINGS_SECTIONS:
        if section.optional:
            parts[section.attr] = _account_from(section.name, flat)
        elif section.attr:
            parts[section.attr] = section.model(**{f.attr: flat[section.key(f)] for f in section.fields})
        else:
            parts.update({f.attr: flat[section.key(f)] for f in section.fields})
    return OfficeSettings(**parts)


def employee_flat(employee: Employee) -> Flat:
    flat: Flat = {f.attr: getattr(employee, f.attr) for f in EMPLOYEE_FIELDS}
    _account_flat(EMPLOYEE_SMTP, employee.smtp, flat)
    return flat


def employee_from_flat(flat: Mapping[str, Any], employee_id: int | None) -> Employee:
    return Employee(
        id=employee_id,
        smtp=_account_from(EMPLOYEE_SMTP, flat),
        **{f.attr: flat[f.attr] for f in EMPLOYEE_FIELDS},
    )


def field_for(key: str) -> Field:
    """The Field of a settings or employee key (``present`` keys are yes/no fields)."""
    head, _, tail = key.rpartition(".")
    if tail == PRESENT:
        return _PRESENT_FIELD
    if not head:
        for f in EMPLOYEE_FIELDS:
            if f.attr == tail:
                return f
        raise KeyError(key)
    if head == EMPLOYEE_SMTP:
        return next(f for f in ACCOUNT_FIELDS if f.attr == tail)
    section = SECTIONS_BY_NAME[head]
    return next(f for f in section.fields if f.attr == tail)


_PRESENT_FIELD = Field(PRESENT, "bool", Msg(pl="Konto ustawione", en="Account set up"))


def label_for(key: str) -> Msg:
    """How people call a settings or employee key: "Dane firmy › Nazwa firmy"."""
    head = key.rpartition(".")[0]
    own = field_for(key).label
    if not head:
        return own
    place = EMPLOYEE_SMTP_LABEL if head == EMPLOYEE_SMTP else SECTIONS_BY_NAME[head].label
    return Msg(pl=f"{place.pl} › {own.pl}", en=f"{place.en} › {own.en}")


def model_fields_covered() -> bool:
    """True when every field of the model has a place in the schema (checked by the tests)."""
    for section in SETTINGS_SECTIONS:
        own = {f.attr for f in section.fields}
        if section.attr and not section.optional and {f.name for f in fields(section.model)} != own:
            return False
    top = {f.name for f in fields(OfficeSettings)} - {s.attr for s in SETTINGS_SECTIONS if s.attr}
    office = SECTIONS_BY_NAME["office"]
    if top != {f.attr for f in office.fields}:
        return False
    if {f.name for f in fields(SmtpAccount)} != {f.attr for f in ACCOUNT_FIELDS}:
        return False
    return {f.name for f in fields(Employee)} - {"id", EMPLOYEE_SMTP} == {f.attr for f in EMPLOYEE_FIELDS}


def with_values(settings: OfficeSettings, values: Mapping[str, Any]) -> OfficeSettings:
    """``settings`` with some keys replaced, e.g. ``{"company.name": "…"}``."""
    flat = settings_flat(settings)
    flat.update(values)
    return settings_from_flat(flat)


def employee_with_values(employee: Employee, values: Mapping[str, Any]) -> Employee:
    """``employee`` with some keys replaced, e.g. ``{"smtp.port": 465}``."""
    flat = employee_flat(employee)
    flat.update(values)
    return employee_from_flat(flat, employee.id)
