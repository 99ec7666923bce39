"""„Testuj połączenie” against a real PostgreSQL server: every reason it can give, in a sentence with
the user's own server, port, database and user."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest

from smtpdesk.core.store import Location, Store
from smtpdesk.core.store.office_check import REASONS, check_database, classify
from tests.fixtures.postgres import OWNER, READER, TLS_ONLY, PostgresCluster


@pytest.fixture
def database(postgres_cluster: PostgresCluster) -> Iterator[str]:
    name = postgres_cluster.create_database()
    yield name
    postgres_cluster.drop_database(name)


def location(cluster: PostgresCluster, database: str, user: str = OWNER, **changes: object) -> Location:
    return replace(Location.parse(cluster.url(database, user)), **changes)  # type: ignore[arg-type]


def test_an_empty_database_the_user_may_set_up(postgres_cluster: PostgresCluster, database: str) -> None:
    result = check_database(location(postgres_cluster, database), postgres_cluster.passwords[OWNER])
    assert (result.ok, result.state, result.tls) == (True, "empty", True)
    assert result.server_version.startswith(("15", "16", "17", "18"))


def test_a_database_that_already_holds_an_office(postgres_cluster: PostgresCluster, database: str) -> None:
    where = location(postgres_cluster, database)
    Store.connect(where, password=postgres_cluster.passwords[OWNER]).close()
    result = check_database(where, postgres_cluster.passwords[OWNER])
    assert (result.ok, result.state) == (True, "office")


def test_wrong_password(postgres_cluster: PostgresCluster, database: str) -> None:
    result = check_database(location(postgres_cluster, database), "zle-haslo")
    assert (result.ok, result.state) == (False, "wrong_password")
    assert result.text("explanation", "pl") == (
        f"Serwer 127.0.0.1:{postgres_cluster.port} odpowiada, ale hasło użytkownika office jest inne "
        "niż wpisane."
    )
    assert "zle-haslo" not in result.detail + result.text("fix", "pl")


def test_no_such_database(postgres_cluster: PostgresCluster) -> None:
    result = check_database(location(postgres_cluster, "biuro_literowka"), postgres_cluster.passwords[OWNER])
    assert result.state == "no_database"
    assert "nie ma bazy o nazwie biuro_literowka" in result.text("explanation", "pl")
    assert "CREATE DATABASE biuro_literowka OWNER office;" in result.text("fix", "pl")


def test_the_server_requires_tls(postgres_cluster: PostgresCluster, database: str) -> None:
    where = location(postgres_cluster, database, TLS_ONLY, sslmode="disable")
    result = check_database(where, postgres_cluster.passwords[TLS_ONLY])
    assert result.state == "requires_tls"
    assert "verify-full" in result.text("fix", "pl")


def test_a_certificate_this_computer_cannot_verify(postgres_cluster: PostgresCluster, database: str) -> None:
    # Without the office's own CA file only the system's authorities count.
    where = location(postgres_cluster, database, sslrootcert="")
    result = check_database(where, postgres_cluster.passwords[OWNER])
    assert result.state == "certificate"
    assert "Nic nie zostało wysłane" in result.text("explanation", "pl")


def test_a_missing_ca_file(postgres_cluster: PostgresCluster, database: str) -> None:
    where = location(postgres_cluster, database, sslrootcert="/nie/ma/takiego/ca.pem")
    result = check_database(where, postgres_cluster.passwords[OWNER])
    assert result.state == "ca_file"
    assert "/nie/ma/takiego/ca.pem" in result.text("explanation", "pl")


def test_no_right_to_create_tables(postgres_cluster: PostgresCluster, database: str) -> None:
    result = check_database(location(postgres_cluster, database, READER), postgres_cluster.passwords[READER])
    assert (result.ok, result.state) == (False, "no_rights")
    assert f"GRANT CREATE ON SCHEMA public TO {READER};" in result.text("fix", "pl")


def test_nothing_listens_on_the_port(postgres_cluster: PostgresCluster) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    result = check_database(location(postgres_cluster, "x", port=free), "x")
    assert result.state == "refused"
    assert f"na porcie {free}" in result.text("explanation", "pl")


def _serve(reply: bytes | None) -> tuple[socket.socket, threading.Thread]:
    """A listener that answers PostgreSQL's TLS request with ``reply`` (None: never answers)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    server.settimeout(10)

    def serve() -> None:
        try:
            conn, _ = server.accept()
        except OSError:
            return
        with conn, contextlib.suppress(OSError):  # the client may hang up at any point
            conn.settimeout(10)
            conn.recv(8)
            if reply is not None:
                conn.sendall(reply)
            conn.recv(1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return server, thread


def test_a_server_without_tls_gets_no_password(postgres_cluster: PostgresCluster) -> None:
    server, thread = _serve(b"N")
    try:
        result = check_database(location(postgres_cluster, "x", port=server.getsockname()[1]), "tajne")
    finally:
        server.close()
        thread.join(timeout=5)
    assert result.state == "server_no_tls"
    assert "hasło nie zostało wysłane" in result.text("explanation", "pl")


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("failed to resolve host 'serwer.biuro': [Errno -2] Name or service not known", "dns"),
        ("connection timeout expired", "timeout"),
        ('FATAL:  autoryzacja hasłem nie powiodła się dla użytkownika "office"', "wrong_password"),
        (
            'FATAL:  no pg_hba.conf entry for host "10.0.0.5", user "office", database "x", SSL encryption',
            "not_allowed",
        ),
        ("something nobody has seen", "cannot_connect"),
    ],
)
def test_messages_without_a_server_at_hand(message: str, code: str) -> None:
    assert classify(message) == code
    assert code in REASONS


@pytest.mark.parametrize(
    ("system_words", "state"),
    [
        ("Połączenie odrzucone", "refused"),
        ("Brak trasy do hosta", "refused"),
        ("Sieć jest niedostępna", "refused"),
        ("Przekroczony czas oczekiwania na połączenie", "timeout"),
        ("Ta nazwa lub usługa jest nieznana", "dns"),
    ],
)
def test_network_errors_in_the_words_of_a_polish_system_are_recognised(system_words, state):
    """libpq quotes the system's own error, which a Polish system says in Polish."""
    detail = f'connection to server at "127.0.0.1", port 1 failed: {system_words}'
    assert classify(detail) == state
