"""``smtpdesk detect EMAIL [--json]`` against a loopback DNS server."""

from __future__ import annotations

import json

import pytest

from smtpdesk.app import main


def detect(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["detect", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_known_provider_is_printed_with_its_source(capsys) -> None:
    status, out, _ = detect(capsys, "anna@wp.pl")
    assert status == 0
    assert "Źródło" in out and "wbudowana lista dostawców" in out
    assert "smtp.wp.pl" in out and "465" in out and "SSL/TLS" in out
    # WP logs in with the part before @ according to the provider table.
    assert "Nazwa użytkownika          anna\n" in out


def test_mx_detection_as_json(capsys, dns_server) -> None:
    dns_server.zone.add("biuro.test", "MX", "0 biuro-test.mail.protection.outlook.com.")

    status, out, _ = detect(
        capsys, "jan@biuro.test", "--json", "--dns-server", f"127.0.0.1:{dns_server.port}"
    )

    assert status == 0
    document = json.loads(out)
    assert document["source"] == "mx"
    assert document["detail"] == "MX biuro-test.mail.protection.outlook.com"
    assert document["oauth"] == "oauth_microsoft"
    assert document["candidates"][0] == {
        "host": "smtp.office365.com",
        "port": 587,
        "security": "starttls",
        "username": "email",
        "login": "jan@biuro.test",
    }
    assert [a["source"] for a in document["attempts"]] == ["builtin", "mx", "autoconfig", "srv", "probe"]


def test_nothing_found_exits_1_and_lists_what_was_asked(capsys, dns_server) -> None:
    status, out, _ = detect(
        capsys, "jan@pusto.test", "--lang", "en", "--dns-server", f"127.0.0.1:{dns_server.port}"
    )
    assert status == 1
    assert "No settings found for jan@pusto.test" in out
    assert "the domain's MX records" in out and "pusto.test: no such domain" in out


@pytest.mark.parametrize("argv", [["nie-adres"], ["jan@x.pl", "--dns-server", "dns.google"], []])
def test_bad_usage_exits_2(capsys, argv) -> None:
    status, out, err = detect(capsys, *argv)
    assert status == 2 and out == ""
    assert "smtpdesk detect" in err
