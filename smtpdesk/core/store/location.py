"""Where the settings live: the local SQLite file or an office PostgreSQL database.

A location is written as a URL — ``postgresql://user@host:5432/database?sslmode=verify-full`` or
``sqlite:///path/to/smtpdesk.sqlite3`` — and never carries its password anywhere it is shown or
saved: the password comes from the URL given on the command line, from the keychain, or from
libpq's own PGPASSWORD / .pgpass.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qs, quote, unquote, urlsplit

from smtpdesk.core.i18n import Msg

Kind = Literal["sqlite", "postgresql"]
TLS_MODES = ("verify-full", "verify-ca", "require", "disable")
DEFAULT_PG_PORT = 5432
SYSTEM_CAS = "system"

MSG_BAD_URL = Msg(
    pl="Nie rozumiem adresu bazy danych {url!r}. Przykład: "
    "postgresql://smtpdesk@serwer.biuro.lan:5432/smtpdesk albo sqlite:///ścieżka/do/pliku.sqlite3",
    en="The database address {url!r} is not understood. Example: "
    "postgresql://smtpdesk@server.office.lan:5432/smtpdesk or sqlite:///path/to/file.sqlite3",
)
MSG_BAD_TLS = Msg(
    pl="Nieznany tryb TLS {mode!r}; dozwolone: verify-full, verify-ca, require, disable",
    en="Unknown TLS mode {mode!r}; allowed: verify-full, verify-ca, require, disable",
)


class LocationError(ValueError):
    def __init__(self, message: Msg, **values: object) -> None:
        self.message = Msg(pl=message.pl.format(**values), en=message.en.format(**values))
        super().__init__(self.message.en)

    def __str__(self) -> str:
        return self.message.text()


@dataclass(frozen=True)
class Location:
    kind: Kind
    path: Path | None = None  # the SQLite file
    host: str = ""
    port: int = DEFAULT_PG_PORT
    database: str = ""
    user: str = ""
    sslmode: str = "verify-full"
    # A PEM file of the certificate authority that signed the server's certificate; "" trusts the
    # system's authorities (a server with a certificate from a public authority needs nothing).
    sslrootcert: str = ""
    # Only when the URL itself had one (the command line); never saved, never shown.
    password: str | None = field(default=None, repr=False, compare=False)

    @classmethod
    def sqlite(cls, path: Path) -> Location:
        return cls(kind="sqlite", path=Path(path))

    @classmethod
    def postgresql(
        cls,
        host: str,
        database: str,
        user: str,
        *,
        port: int = DEFAULT_PG_PORT,
        sslmode: str = "verify-full",
        sslrootcert: str = "",
    ) -> Location:
        if sslmode not in TLS_MODES:
            raise LocationError(MSG_BAD_TLS, mode=sslmode)
        return cls(
            kind="postgresql",
            host=host,
            port=port,
            database=database,
            user=user,
            sslmode=sslmode,
            sslrootcert=sslrootcert,
        )

    @classmethod
    def parse(cls, url: str) -> Location:
        """A location from a URL (or a plain path to an SQLite file)."""
        text = url.strip()
        if "://" not in text:
            if not text:
                raise LocationError(MSG_BAD_URL, url=url)
            return cls.sqlite(Path(text).expanduser())
        parts = urlsplit(text)
        scheme = parts.scheme.lower()
        if scheme == "sqlite":
            path = unquote(parts.path)
            if parts.netloc or not path or path == "/":
                raise LocationError(MSG_BAD_URL, url=url)
            # sqlite:///relative and sqlite:////absolute, as SQLAlchemy writes them.
            return cls.sqlite(Path(path[1:]).expanduser())
        if scheme not in ("postgresql", "postgres", "postgresql+psycopg"):
            raise LocationError(MSG_BAD_URL, url=url)
        try:
            port = parts.port or DEFAULT_PG_PORT
        except ValueError:
            raise LocationError(MSG_BAD_URL, url=url) from None
        host = parts.hostname or ""
        database = unquote(parts.path.lstrip("/"))
        user = unquote(parts.username or "")
        if not host or not database or not user or "/" in database:
            raise LocationError(MSG_BAD_URL, url=url)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        location = cls.postgresql(
            host,
            database,
            user,
            port=port,
            sslmode=query.get("sslmode", "verify-full"),
            sslrootcert=query.get("sslrootcert", ""),
        )
        password = unquote(parts.password) if parts.password is not None else None
        return replace(location, password=password)

    # -- shown and saved forms (never with the password) ---------------------------------------------

    def url(self) -> str:
        if self.kind == "sqlite":
            assert self.path is not None
            return f"sqlite:///{self.path}"
        host = f"[{self.host}]" if ":" in self.host else self.host
        query = f"sslmode={self.sslmode}"
        if self.sslrootcert:
            query += f"&sslrootcert={quote(self.sslrootcert, safe='/')}"
        user, database = quote(self.user, safe=""), quote(self.database, safe="")
        return f"postgresql://{user}@{host}:{self.port}/{database}?{query}"

    def display(self) -> str:
        """For people: the file's path, or ``database na host:port (user)``."""
        if self.kind == "sqlite":
            return str(self.path)
        return f"{self.database} @ {self.host}:{self.port} ({self.user})"

    def secret_key(self) -> str:
        """The keychain entry of this database's password."""
        return f"db:{self.user}@{self.host}:{self.port}/{self.database}"

    @property
    def is_office(self) -> bool:
        return self.kind == "postgresql"

    def to_json(self) -> dict[str, object]:
        if self.kind == "sqlite":
            return {"kind": "sqlite", "path": str(self.path)}
        return {
            "kind": "postgresql",
            "host": self.host,
            "port": self.port,
            "database": self.database,
            "user": self.user,
            "sslmode": self.sslmode,
            "sslrootcert": self.sslrootcert,
        }

    @classmethod
    def from_json(cls, data: object) -> Location:
        if not isinstance(data, dict):
            raise LocationError(MSG_BAD_URL, url=str(data))
        try:
            if data.get("kind") == "sqlite":
                return cls.sqlite(Path(str(data["path"])))
            if data.get("kind") == "postgresql":
                return cls.postgresql(
                    str(data["host"]),
                    str(data["database"]),
                    str(data["user"]),
                    port=int(data.get("port", DEFAULT_PG_PORT)),
                    sslmode=str(data.get("sslmode", "verify-full")),
                    sslrootcert=str(data.get("sslrootcert", "")),
                )
        except (KeyError, TypeError, ValueError) as error:
            raise LocationError(MSG_BAD_URL, url=str(data)) from error
        raise LocationError(MSG_BAD_URL, url=str(data))
