"""The command line reads the same settings as the window — the office database included — and
never creates a folder, a file or a database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smtpdesk.app import main
from smtpdesk.core.model import COMPANY_ACCOUNT, Company, ContactMode, OfficeSettings
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Location, Store
from smtpdesk.core.store.choice import save_location
from smtpdesk.core.store.office import move_to_office
from tests.fixtures.postgres import OWNER, PostgresCluster

OFFICE = "biuro@biuro.test"
OFFICE_PASSWORD = "Biuro-hasło-źż-3"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_doctor_and_check_refuse_a_mistyped_data_folder_and_create_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "biuor"
    status, _out, err = run(capsys, "doctor", "--data-dir", str(missing))
    assert status == 2
    assert str(missing) in err and "nie istnieje" in err
    status, _out, err = run(capsys, "check", "--company", "--data-dir", str(missing), "--json")
    assert status == 2
    assert not missing.exists()


def test_check_of_the_company_account_in_an_office_database(
    smtp_server,
    data_dir: Path,
    postgres_cluster: PostgresCluster,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = smtp_server(users={OFFICE: OFFICE_PASSWORD})
    database = postgres_cluster.create_database()
    try:
        location = Location.parse(postgres_cluster.url(database))
        keychain = SecretStore()
        with Store.open(data_dir) as local:
            local.save_settings(
                OfficeSettings(
                    company=Company(name="Biuro", email=OFFICE),
                    contact_mode=ContactMode.COMPANY,
                    company_smtp=server.account(username=OFFICE),
                )
            )
            keychain.set(COMPANY_ACCOUNT, OFFICE_PASSWORD)
            opened, _key = move_to_office(local, keychain, location, postgres_cluster.passwords[OWNER])
            opened.store.close()
        # The local file is no longer what this desktop uses; the keychain still has the office key.
        keychain.delete(COMPANY_ACCOUNT)

        status, out, err = run(capsys, "check", "--company", "--json", "--login-only")
        assert status == 0, err
        result = json.loads(out)
        assert result["ok"] is True and result["code"] == "ok"
        assert OFFICE_PASSWORD not in out + err

        # The run is in the office database's history, as the window shows it.
        with Store.connect(location, password=postgres_cluster.passwords[OWNER]) as office:
            assert [e.account_key for e in office.history()] == [COMPANY_ACCOUNT]

        # --database names it explicitly, wherever this desktop's choice points.
        save_location(None)
        url = postgres_cluster.url(database)
        status, out, _err = run(capsys, "doctor", "--database", url, "--json")
        assert json.loads(out)["counts"]["error"] == 0
        assert status == 0
    finally:
        postgres_cluster.drop_database(database)


def test_an_unknown_database_address_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(capsys, "doctor", "--database", "mysql://ktos@serwer/baza")
    assert status == 2
    assert "Nie rozumiem adresu bazy danych" in err
