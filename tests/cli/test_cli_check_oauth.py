"""``smtpdesk check --company --oauth``: a stored account that signs in with Microsoft, its refresh
token in the keychain, a real loopback authorization server and an XOAUTH2-only SMTP server. No
token may end up in the settings file, the history, the logs or the output."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from smtpdesk.app import main
from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    AuthMethod,
    Company,
    ContactMode,
    OfficeSettings,
    oauth_token_key,
)
from smtpdesk.core.oauth import endpoints_for, sign_in
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.paths import database_path
from tests.fixtures.oauth_servers import USER


def seed(directory: Path, settings: OfficeSettings) -> None:
    with Store.open(directory) as store:
        store.save_settings(settings)


def test_check_with_the_saved_microsoft_sign_in(
    capsys, caplog, data_dir, oauth_server, oauth_apps, browser, oauth_smtp
) -> None:
    caplog.set_level(logging.DEBUG)
    server = oauth_smtp()
    seed(
        data_dir,
        OfficeSettings(
            company=Company(name="Biuro", email=USER),
            contact_mode=ContactMode.COMPANY,
            company_smtp=server.account(),
            oauth=oauth_apps,
        ),
    )
    first = sign_in(endpoints_for(AuthMethod.OAUTH_MICROSOFT, oauth_apps), browser, timeout=10)
    secrets = SecretStore()
    secrets.set(oauth_token_key(COMPANY_ACCOUNT), first.refresh_token)

    status = main(["check", "--company", "--oauth", "--json", "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()

    document = json.loads(out)
    assert status == 0, document
    assert document["ok"] is True and document["code"] == "ok"
    assert server.handler.oauth_logins == [USER]
    kept = secrets.get(oauth_token_key(COMPANY_ACCOUNT))
    assert kept and kept != first.refresh_token  # rotated and saved back
    tokens = [first.refresh_token, first.access_token, kept]
    stored = database_path(data_dir).read_bytes()
    logs = "\n".join(r.getMessage() for r in caplog.records)
    for token in tokens:
        assert token not in out and token not in err and token not in logs
        assert token.encode() not in stored
    assert any(line["text"] == "AUTH XOAUTH2 ********" for line in document["transcript"])


def test_oauth_for_an_account_that_uses_a_password_is_a_settings_problem(
    capsys, data_dir, smtp_server
) -> None:
    server = smtp_server()
    seed(
        data_dir,
        OfficeSettings(
            company=Company(name="Biuro", email="biuro@biuro.test"),
            contact_mode=ContactMode.COMPANY,
            company_smtp=server.account(username="biuro@biuro.test"),
        ),
    )

    status = main(["check", "--company", "--oauth", "--data-dir", str(data_dir)])
    out, _ = capsys.readouterr()

    assert status == 1
    assert "loguje się hasłem, nie przez Microsoft ani Google" in out


def test_a_revoked_sign_in_tells_to_sign_in_again(
    capsys, data_dir, oauth_server, oauth_apps, browser, oauth_smtp
) -> None:
    server = oauth_smtp()
    seed(
        data_dir,
        OfficeSettings(
            company=Company(name="Biuro", email=USER),
            contact_mode=ContactMode.COMPANY,
            company_smtp=server.account(),
            oauth=oauth_apps,
        ),
    )
    first = sign_in(endpoints_for(AuthMethod.OAUTH_MICROSOFT, oauth_apps), browser, timeout=10)
    SecretStore().set(oauth_token_key(COMPANY_ACCOUNT), first.refresh_token)
    oauth_server.revoke_all()

    status = main(["check", "--company", "--json", "--data-dir", str(data_dir)])
    document = json.loads(capsys.readouterr().out)

    assert status == 1
    assert document["code"] == "oauth_sign_in_expired"
    assert document["fix"]["kind"] == "sign_in"
    assert first.refresh_token not in json.dumps(document)


def test_oauth_needs_a_stored_account(capsys) -> None:
    status = main(["check", "--host", "smtp.office365.com", "--port", "587", "--oauth"])
    assert status == 2
    assert "--oauth" in capsys.readouterr().err
