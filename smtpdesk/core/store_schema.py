"""The current layout of the settings database, and how model values map onto it.

The one place that says which setting lives under which key and which employee field lives in
which column: ``Store`` loads and saves through these tables only, so a field cannot be saved under
one name and read under another. Older layouts are brought to this one by ``store_migrations``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import Enum
from typing import Any

from smtpdesk.core.model import (
    AuthMethod,
    Company,
    ContactMode,
    Giodo,
    OAuthApps,
    OfficeSettings,
    Role,
    Security,
    SmtpAccount,
)

SCHEMA_VERSION = 3

SqlValue = str | int | float | bytes | None


class Codec(ABC):
    """Turns one model value into what SQLite stores and back. ``decode`` never raises: a value
    it cannot read (hand-edited file, older program) becomes ``default``."""

    sql_type = "TEXT"

    @abstractmethod
    def encode(self, value: Any) -> SqlValue: ...

    @abstractmethod
    def decode(self, raw: SqlValue, default: Any) -> Any: ...


class TextCodec(Codec):
    sql_type = "TEXT"

    def encode(self, value: Any) -> SqlValue:
        if not isinstance(value, str):
            raise TypeError(f"expected text, got {type(value).__name__}")
        return value

    def decode(self, raw: SqlValue, default: Any) -> Any:
        return raw if isinstance(raw, str) else default


class IntCodec(Codec):
    sql_type = "INTEGER"

    def encode(self, value: Any) -> SqlValue:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"expected a whole number, got {type(value).__name__}")
        return value

    def decode(self, raw: SqlValue, default: Any) -> Any:
        return raw if isinstance(raw, int) else default


class BoolCodec(Codec):
    sql_type = "INTEGER"

    def encode(self, value: Any) -> SqlValue:
        if not isinstance(value, bool):
            raise TypeError(f"expected yes/no, got {type(value).__name__}")
        return int(value)

    def decode(self, raw: SqlValue, default: Any) -> Any:
        return bool(raw) if isinstance(raw, int) else default


class BlobCodec(Codec):
    """Optional bytes (the logo); None is stored as NULL."""

    sql_type = "BLOB"

    def encode(self, value: Any) -> SqlValue:
        if value is None:
            return None
        if not isinstance(value, (bytes, bytearray, memoryview)):
            raise TypeError(f"expected bytes, got {type(value).__name__}")
        return bytes(value)

    def decode(self, raw: SqlValue, default: Any) -> Any:
        return raw if isinstance(raw, bytes) else default


class EnumCodec(Codec):
    sql_type = "TEXT"

    def __init__(self, enum: type[Enum]) -> None:
        self.enum = enum

    def encode(self, value: Any) -> SqlValue:
        return str(self.enum(value).value)

    def decode(self, raw: SqlValue, default: Any) -> Any:
        try:
            return self.enum(raw)
        except ValueError:
            return default


TEXT = TextCodec()
INT = IntCodec()
BOOL = BoolCodec()
BLOB = BlobCodec()


@dataclass(frozen=True)
class Field:
    """One model attribute and how it is stored."""

    attr: str
    codec: Codec


# The fields of one sending account; used for the company account, the default server and, with
# the prefix ``smtp_``, the employee columns.
ACCOUNT_FIELDS: tuple[Field, ...] = (
    Field("host", TEXT),
    Field("port", INT),
    Field("username", TEXT),
    Field("security", EnumCodec(Security)),
    Field("allow_plaintext_auth", BOOL),
    Field("pinned_fingerprint", TEXT),
    Field("ca_file", TEXT),
    Field("auth_method", EnumCodec(AuthMethod)),
)


@dataclass(frozen=True)
class Section:
    """A part of ``OfficeSettings`` stored as ``<name>.<attr>`` keys in the ``settings`` table.

    ``name`` is the OfficeSettings attribute ("" for its own plain fields). An optional section
    (an account that may be None) is None exactly when none of its keys is stored.
    """

    name: str
    model: type[Any]
    fields: tuple[Field, ...]
    optional: bool = False

    def key(self, field: Field) -> str:
        return f"{self.name}.{field.attr}" if self.name else field.attr


SETTINGS_SECTIONS: tuple[Section, ...] = (
    Section(
        "company",
        Company,
        (
            Field("name", TEXT),
            Field("address", TEXT),
            Field("phone", TEXT),
            Field("email", TEXT),
            Field("website", TEXT),
            Field("logo", BLOB),
            Field("logo_mime", TEXT),
        ),
    ),
    Section(
        "",
        OfficeSettings,
        (
            Field("contact_mode", EnumCodec(ContactMode)),
            Field("default_server_sender", TEXT),
        ),
    ),
    Section(
        "giodo",
        Giodo,
        (
            Field("password_change_days", INT),
            Field("giodo_password_format", BOOL),
            Field("hide_client_contacts", BOOL),
        ),
    ),
    Section("company_smtp", SmtpAccount, ACCOUNT_FIELDS, optional=True),
    Section(
        "oauth",
        OAuthApps,
        (
            Field("microsoft_client_id", TEXT),
            Field("microsoft_tenant", TEXT),
            Field("microsoft_authority", TEXT),
            Field("google_client_id", TEXT),
            Field("google_authority", TEXT),
            Field("ca_file", TEXT),
        ),
    ),
    Section("default_server", SmtpAccount, ACCOUNT_FIELDS, optional=True),
)

SETTINGS_KEYS: tuple[str, ...] = tuple(s.key(f) for s in SETTINGS_SECTIONS for f in s.fields)

EMPLOYEE_FIELDS: tuple[Field, ...] = (
    Field("first_name", TEXT),
    Field("last_name", TEXT),
    Field("email", TEXT),
    Field("phone", TEXT),
    Field("role", EnumCodec(Role)),
)
# An employee has no own account exactly when ``smtp_host`` is NULL.
EMPLOYEE_SMTP_PREFIX = "smtp_"
EMPLOYEE_SMTP_PRESENCE = EMPLOYEE_SMTP_PREFIX + "host"
EMPLOYEE_COLUMNS: tuple[str, ...] = (
    *(f.attr for f in EMPLOYEE_FIELDS),
    *(EMPLOYEE_SMTP_PREFIX + f.attr for f in ACCOUNT_FIELDS),
)

HISTORY_COLUMNS: tuple[str, ...] = (
    "at",
    "account_key",
    "account_label",
    "login_only",
    "ok",
    "code",
    "stage",
    "title",
    "host",
    "port",
    "security",
    "username",
    "sender",
    "recipient",
    "timings_json",
    "transcript_json",
    "elapsed_ms",
)

# The layout a new file gets. A migration from an older version must end in exactly this layout
# (the migration tests compare both).
CREATE_CURRENT = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value
);
CREATE TABLE employees (
    -- AUTOINCREMENT: an id is never reused, so a removed employee's keychain entry
    -- (smtp:employee:<id>) can never be picked up by someone added later.
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'agent',
    smtp_host TEXT,
    smtp_port INTEGER,
    smtp_username TEXT,
    smtp_security TEXT,
    smtp_allow_plaintext_auth INTEGER,
    smtp_pinned_fingerprint TEXT,
    smtp_ca_file TEXT,
    smtp_auth_method TEXT
);
CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    account_key TEXT NOT NULL,
    account_label TEXT NOT NULL DEFAULT '',
    login_only INTEGER NOT NULL DEFAULT 0,
    ok INTEGER NOT NULL DEFAULT 0,
    code TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    host TEXT NOT NULL DEFAULT '',
    port INTEGER NOT NULL DEFAULT 0,
    security TEXT NOT NULL DEFAULT '',
    username TEXT NOT NULL DEFAULT '',
    sender TEXT NOT NULL DEFAULT '',
    recipient TEXT NOT NULL DEFAULT '',
    timings_json TEXT NOT NULL DEFAULT '{}',
    transcript_json TEXT NOT NULL DEFAULT '[]',
    elapsed_ms REAL NOT NULL DEFAULT 0
);
CREATE INDEX history_by_account ON history (account_key, at, id);
"""
