"""„Testuj połączenie”: can this desktop use that office database, and if not, why — in plain
language, with the user's own server, port, database and user in the sentence.

The reasons are an ordered table of data (most specific first) matched against what libpq says; a
connection error carries no SQLSTATE, so its text decides (English, and Polish where a server
speaks Polish).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import Any

from smtpdesk.core.i18n import Msg
from smtpdesk.core.store.engines import CONNECT_TIMEOUT_S
from smtpdesk.core.store.location import SYSTEM_CAS, Location


@dataclass(frozen=True)
class Reason:
    code: str
    title: Msg
    explanation: Msg
    fix: Msg


@dataclass(frozen=True)
class _Rule:
    code: str
    pattern: re.Pattern[str] | None = None
    sqlstate: str | None = None


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.IGNORECASE)


# Most specific first; the first rule that matches names the reason. libpq quotes the system's
# own words for network errors (strerror, getaddrinfo), which are Polish on a Polish system.
RULES: tuple[_Rule, ...] = (
    _Rule("wrong_password", _rx(r"password authentication failed", r"autoryzacja hasłem nie powiodła")),
    _Rule("no_database", _rx(r"database \".*\" does not exist", r"baza danych \".*\" nie istnieje")),
    _Rule(
        "requires_tls",
        _rx(r"pg_hba\.conf rejects connection.*no encryption", r"no pg_hba\.conf entry.*no encryption"),
    ),
    _Rule("not_allowed", _rx(r"pg_hba\.conf rejects connection", r"no pg_hba\.conf entry")),
    _Rule("server_no_tls", _rx(r"server does not support SSL")),
    _Rule("ca_file", _rx(r"root certificate file .* does not exist", r"could not read root certificate")),
    _Rule(
        "certificate",
        _rx(r"certificate verify failed", r"server certificate for .* does not match", r"certificate"),
    ),
    _Rule(
        "dns",
        _rx(
            r"failed to resolve host",
            r"could not translate host name",
            r"Name or service not known",
            r"nazwa lub usługa jest nieznana",
        ),
    ),
    _Rule("timeout", _rx(r"timeout expired", r"timed out", r"przekroczony czas oczekiwania na połączenie")),
    _Rule(
        "refused",
        _rx(
            r"Connection refused",
            r"No route to host",
            r"Network is unreachable",
            r"połączenie odrzucone",
            r"brak trasy do hosta",
            r"sieć jest niedostępna",
        ),
    ),
    _Rule("no_rights", sqlstate="42501"),
)

REASONS: dict[str, Reason] = {
    reason.code: reason
    for reason in (
        Reason(
            "wrong_password",
            Msg(pl="Serwer bazy odrzucił hasło", en="The database server refused the password"),
            Msg(
                pl="Serwer {host}:{port} odpowiada, ale hasło użytkownika {user} jest inne niż wpisane.",
                en="The server {host}:{port} answers, but the password of user {user} is not the one "
                "entered.",
            ),
            Msg(
                pl="Wpisz hasło użytkownika {user} jeszcze raz albo poproś administratora serwera o nowe.",
                en="Type the password of user {user} again or ask the server's administrator for a new one.",
            ),
        ),
        Reason(
            "no_database",
            Msg(pl="Nie ma takiej bazy danych", en="No such database"),
            Msg(
                pl="Serwer {host}:{port} nie ma bazy o nazwie {database}.",
                en="The server {host}:{port} has no database named {database}.",
            ),
            Msg(
                pl="Sprawdź nazwę bazy albo utwórz ją (README: „Baza biura na PostgreSQL”): "
                "CREATE DATABASE {database} OWNER {user};",
                en='Check the database name or create it (README: "Office database on PostgreSQL"): '
                "CREATE DATABASE {database} OWNER {user};",
            ),
        ),
        Reason(
            "requires_tls",
            Msg(
                pl="Serwer wymaga połączenia szyfrowanego (TLS)",
                en="The server requires an encrypted (TLS) connection",
            ),
            Msg(
                pl="Serwer {host}:{port} przyjmuje użytkownika {user} tylko przez TLS, a TLS jest wyłączone.",
                en="The server {host}:{port} accepts user {user} over TLS only, and TLS is switched off.",
            ),
            Msg(
                pl="Ustaw TLS na „verify-full” (zalecane) albo „require”.",
                en='Set TLS to "verify-full" (recommended) or "require".',
            ),
        ),
        Reason(
            "not_allowed",
            Msg(
                pl="Serwer nie wpuszcza tego użytkownika z tego komputera",
                en="The server does not let this user in from this computer",
            ),
            Msg(
                pl="Serwer {host}:{port} nie ma w pg_hba.conf wpisu, który pozwalałby użytkownikowi {user} "
                "łączyć się z bazą {database} z tego komputera.",
                en="The server {host}:{port} has no pg_hba.conf entry that lets user {user} connect to the "
                "database {database} from this computer.",
            ),
            Msg(
                pl="Poproś administratora serwera o dopisanie tego komputera (lub sieci biura) do "
                "pg_hba.conf.",
                en="Ask the server's administrator to add this computer (or the office network) to "
                "pg_hba.conf.",
            ),
        ),
        Reason(
            "server_no_tls",
            Msg(pl="Serwer nie obsługuje TLS", en="The server does not support TLS"),
            Msg(
                pl="Serwer {host}:{port} nie ma włączonego szyfrowania, a ten komputer go wymaga — hasło "
                "nie zostało wysłane.",
                en="The server {host}:{port} has no encryption switched on and this computer requires it — "
                "the "
                "password was not sent.",
            ),
            Msg(
                pl="Poproś administratora o włączenie TLS na serwerze (ssl = on). Wyłącz TLS tylko w "
                "zaufanej "
                "sieci biura, wiedząc, że hasło pójdzie otwartym tekstem.",
                en="Ask the administrator to switch TLS on at the server (ssl = on). Switch TLS off only in "
                "a "
                "trusted office network, knowing the password goes in plain text.",
            ),
        ),
        Reason(
            "ca_file",
            Msg(
                pl="Nie można odczytać pliku urzędu certyfikacji",
                en="The certificate authority file cannot be read",
            ),
            Msg(
                pl="Plik {ca_file} wskazany jako urząd certyfikacji serwera nie istnieje albo nie da się go "
                "odczytać.",
                en="The file {ca_file} given as the server's certificate authority does not exist or cannot "
                "be read.",
            ),
            Msg(
                pl="Wskaż właściwy plik PEM od administratora serwera.",
                en="Choose the right PEM file from the server's administrator.",
            ),
        ),
        Reason(
            "certificate",
            Msg(
                pl="Certyfikat serwera bazy nie jest zaufany",
                en="The database server's certificate is not trusted",
            ),
            Msg(
                pl="Serwer {host}:{port} przedstawił certyfikat, którego ten komputer nie może sprawdzić "
                "(wystawił go nieznany urząd albo jest na inną nazwę niż {host}). Nic nie zostało wysłane.",
                en="The server {host}:{port} presented a certificate this computer cannot verify (an unknown "
                "authority issued it or it names a host other than {host}). Nothing was sent.",
            ),
            Msg(
                pl="Wskaż plik urzędu certyfikacji (PEM) od administratora serwera albo wpisz nazwę serwera "
                "taką, jak w certyfikacie.",
                en="Choose the certificate authority file (PEM) from the server's administrator, or enter "
                "the "
                "server name as the certificate has it.",
            ),
        ),
        Reason(
            "dns",
            Msg(pl="Nie ma takiego serwera", en="No such server"),
            Msg(
                pl="Nazwa {host} nie wskazuje żadnego komputera: {detail}",
                en="The name {host} does not point to any computer: {detail}",
            ),
            Msg(
                pl="Sprawdź nazwę serwera bazy (literówki, domena biura).",
                en="Check the database server's name (typos, the office domain).",
            ),
        ),
        Reason(
            "timeout",
            Msg(pl="Serwer bazy nie odpowiada", en="The database server does not answer"),
            Msg(
                pl="Przez {timeout} s nie udało się połączyć z {host}:{port} — serwer jest wyłączony, port "
                "zablokowany przez zaporę albo komputer jest poza siecią biura.",
                en="No connection to {host}:{port} within {timeout} s — the server is off, a firewall blocks "
                "the port or this computer is outside the office network.",
            ),
            Msg(
                pl="Sprawdź, czy serwer działa i czy port {port} jest otwarty dla tego komputera (VPN?).",
                en="Check that the server runs and port {port} is open for this computer (VPN?).",
            ),
        ),
        Reason(
            "refused",
            Msg(pl="Nie można połączyć z serwerem bazy", en="Cannot connect to the database server"),
            Msg(
                pl="Komputer {host} odrzuca połączenia na porcie {port} — PostgreSQL tam nie działa albo "
                "słucha na innym porcie.",
                en="The computer {host} refuses connections on port {port} — PostgreSQL does not run there "
                "or "
                "listens on another port.",
            ),
            Msg(
                pl="Sprawdź port (zwykle 5432) i czy serwer słucha na sieci (listen_addresses).",
                en="Check the port (usually 5432) and that the server listens on the network "
                "(listen_addresses).",
            ),
        ),
        Reason(
            "no_rights",
            Msg(pl="Brak prawa do tworzenia tabel", en="No right to create tables"),
            Msg(
                pl="Użytkownik {user} może się połączyć z bazą {database}, ale nie może w niej tworzyć "
                "tabel, "
                "więc smtpdesk nie może przygotować tej bazy.",
                en="User {user} can connect to the database {database} but cannot create tables in it, so "
                "smtpdesk cannot set it up.",
            ),
            Msg(
                pl="Niech właścicielem bazy będzie {user} (ALTER DATABASE {database} OWNER TO {user};) albo "
                "nadaj prawo: GRANT CREATE ON SCHEMA public TO {user};",
                en="Make {user} the database's owner (ALTER DATABASE {database} OWNER TO {user};) or grant "
                "the "
                "right: GRANT CREATE ON SCHEMA public TO {user};",
            ),
        ),
        Reason(
            "cannot_connect",
            Msg(pl="Nie można połączyć z bazą biura", en="Cannot connect to the office database"),
            Msg(
                pl="Połączenie z {host}:{port} nie powiodło się: {detail}",
                en="Connecting to {host}:{port} failed: {detail}",
            ),
            Msg(pl="Sprawdź ustawienia bazy i sieć.", en="Check the database settings and the network."),
        ),
        Reason(
            "newer",
            Msg(pl="Bazę założyła nowsza wersja smtpdesk", en="A newer smtpdesk set up this database"),
            Msg(
                pl="Baza {database} ma ustawienia w wersji danych {revision}, której ten program nie zna.",
                en="The database {database} holds settings of data version {revision}, which this program "
                "does not know.",
            ),
            Msg(
                pl="Zainstaluj na tym komputerze nowszą wersję smtpdesk.",
                en="Install the newer smtpdesk on this computer.",
            ),
        ),
        Reason(
            "foreign",
            Msg(pl="W tej bazie są dane innego programu", en="This database holds another program's data"),
            Msg(
                pl="Baza {database} ma już tabele, ale nie są to ustawienia smtpdesk.",
                en="The database {database} already has tables, but they are not smtpdesk settings.",
            ),
            Msg(
                pl="Utwórz dla smtpdesk osobną, pustą bazę.",
                en="Create a separate, empty database for smtpdesk.",
            ),
        ),
    )
}


@dataclass(frozen=True)
class DatabaseCheck:
    """The outcome of „Testuj połączenie”."""

    ok: bool
    state: str  # "empty" | "office" | "older" (upgrade needed) | a Reason code
    detail: str = ""
    server_version: str = ""
    tls: bool = False
    values: dict[str, Any] | None = None

    @property
    def reason(self) -> Reason | None:
        return REASONS.get(self.state)

    def text(self, part: str, lang: Any = None) -> str:
        reason = self.reason
        if reason is None:
            return ""
        msg: Msg = getattr(reason, part)
        return msg.text(lang, **(self.values or {}))


def explain_failure(location: Location, detail: str) -> DatabaseCheck:
    """The reason behind a connection that already failed (no second attempt)."""
    return DatabaseCheck(False, classify(detail), detail, values={**_values(location), "detail": detail})


def _values(location: Location) -> dict[str, Any]:
    return {
        "host": location.host,
        "port": location.port,
        "database": location.database,
        "user": location.user,
        "ca_file": location.sslrootcert,
        "timeout": CONNECT_TIMEOUT_S,
        "detail": "",
        "revision": "",
    }


def classify(message: str, sqlstate: str | None = None) -> str:
    for rule in RULES:
        if rule.sqlstate is not None and rule.sqlstate == sqlstate:
            return rule.code
        if rule.pattern is not None and rule.pattern.search(message):
            return rule.code
    return "cannot_connect"


def _conninfo(location: Location, password: str | None) -> dict[str, Any]:
    info: dict[str, Any] = {
        "host": location.host,
        "port": location.port,
        "user": location.user,
        "dbname": location.database,
        "sslmode": location.sslmode,
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "smtpdesk",
    }
    if location.sslmode in ("verify-ca", "verify-full"):
        info["sslrootcert"] = location.sslrootcert or SYSTEM_CAS
    if password is not None:
        info["password"] = password
    return info


def _driver_message(error: BaseException) -> str:
    text = " ".join(str(error).split())
    # libpq prefixes every attempt with "connection to server at … failed:"; the cause follows.
    return re.sub(r"^(connection failed: )?connection to server at \"[^\"]*\", port \d+ failed: ", "", text)


def check_database(location: Location, password: str | None) -> DatabaseCheck:
    """Connects, looks at what the database holds and whether tables can be created there."""
    import psycopg

    from smtpdesk.core.store.migrate import known_revisions

    values = _values(location)
    try:
        conn = psycopg.connect(**_conninfo(location, password), autocommit=True)
    except psycopg.Error as error:
        detail = _driver_message(error)
        values["detail"] = detail
        return DatabaseCheck(False, classify(detail, getattr(error, "sqlstate", None)), detail, values=values)
    with conn:
        version = str(conn.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]
        tls = bool(conn.pgconn.ssl_in_use)
        tables = {
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            )
        }
        state = "empty"
        if "alembic_version" in tables:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            values["revision"] = revision[0] if revision else "?"
            if revision is None or revision[0] not in known_revisions():
                state = "newer"
            else:
                from smtpdesk.core.store.migrate import head_revision

                state = "office" if revision[0] == head_revision() else "older"
        elif tables:
            state = "foreign"
        if state in ("empty", "older"):
            problem = _cannot_create(conn)
            if problem is not None:
                values["detail"] = problem
                return DatabaseCheck(False, "no_rights", problem, version, tls, values)
    return DatabaseCheck(state in ("empty", "office", "older"), state, "", version, tls, values)


def _cannot_create(conn: Any) -> str | None:
    """Whether this user may create tables here (tried inside a transaction that is rolled back)."""
    import psycopg

    try:
        with conn.transaction(force_rollback=True):
            conn.execute("CREATE TABLE smtpdesk_rights_check (id integer)")
    except psycopg.errors.InsufficientPrivilege as error:
        return _driver_message(error)
    except psycopg.Error as error:
        with contextlib.suppress(Exception):
            return _driver_message(error)
    return None
