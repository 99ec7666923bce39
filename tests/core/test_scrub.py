"""The one scrubber: a password in every form a server or a program may turn it into is removed
from the transcript, the JSON output, the history and the report alike."""

from __future__ import annotations

import base64
import json
import quopri
import urllib.parse

import pytest

from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.model import Security
from smtpdesk.core.report import report_for_entry, report_for_result
from smtpdesk.core.scrub import REDACTED, Scrubber
from smtpdesk.core.smtp.engine import run_test
from tests.fixtures.smtp_servers import build_request

PASSWORD = "Hasło-łódź 1&2"
LOGIN = "anna@biuro.test"


def forms(password: str = PASSWORD, login: str = LOGIN) -> dict[str, str]:
    raw, user = password.encode(), login.encode()
    return {
        "plain": password,
        "utf8 as latin-1": raw.decode("latin-1"),
        "utf8 bytes literal": repr(raw)[2:-1],
        "hex": raw.hex(),
        "base64": base64.b64encode(raw).decode(),
        "base64 PLAIN": base64.b64encode(b"\0" + user + b"\0" + raw).decode(),
        "base64 PLAIN with authzid": base64.b64encode(user + b"\0" + user + b"\0" + raw).decode(),
        "base64 inside other data": base64.b64encode(b"xy" + raw + b"z").decode(),
        "url-encoded": urllib.parse.quote(password, safe=""),
        "url-encoded form": urllib.parse.quote_plus(password),
        "quoted-printable": quopri.encodestring(raw).decode().replace("=\n", ""),
        "json-escaped": json.dumps(password)[1:-1],
        "json-escaped utf-8": json.dumps(password, ensure_ascii=False)[1:-1],
    }


@pytest.mark.parametrize(("name", "form"), forms().items())
def test_every_form_is_scrubbed(name: str, form: str) -> None:
    text = f"535 5.7.8 rejected <{form}> for {LOGIN}"

    scrubbed = Scrubber([PASSWORD], LOGIN).scrub(text)

    assert form not in scrubbed, name
    assert REDACTED in scrubbed and LOGIN in scrubbed


def test_ordinary_text_and_short_passwords_are_left_alone() -> None:
    assert Scrubber(["a1"]).scrub("250 a1 ok") == "250 a1 ok"
    assert Scrubber([None, ""]).scrub("250 2.0.0 Ok: queued as 4A11CE") == "250 2.0.0 Ok: queued as 4A11CE"


def test_a_password_echoed_by_the_server_reaches_no_output(scripted_server) -> None:
    echoed = " ".join(forms().values())
    server = scripted_server(replies={"AUTH": f"535 5.7.8 Authentication failed for {echoed}"})
    account = server.account(username=LOGIN, security=Security.NONE, allow_plaintext_auth=True)

    result = run_test(build_request(account, PASSWORD, lang="en"))

    entry = HistoryEntry.from_result(result, "smtp:company", "Konto firmowe")
    outputs = {
        "transcript": json.dumps([line.to_json() for line in result.transcript], ensure_ascii=False),
        "json": json.dumps(result.to_json(), ensure_ascii=False),
        "json ascii": json.dumps(result.to_json()),
        "history": json.dumps(entry.to_json(), ensure_ascii=False),
        "report": report_for_result(result, lang="en"),
        "stored report": report_for_entry(entry, lang="en"),
    }
    assert result.code == "auth_failed"
    for where, text in outputs.items():
        for name, form in forms().items():
            assert form not in text, (where, name)
