"""One-click fixes: what the button would change in the account form, and its label."""

from __future__ import annotations

import json
from typing import Any

import pytest

from smtpdesk.core.diagnosis import DiagnosisContext, FixKind, diagnose
from smtpdesk.core.diagnosis.fixes import best_certificate_name, suggested_login
from smtpdesk.core.model import Security
from smtpdesk.core.smtp.result import CertInfo, Facts, Stage

S = Stage


def ctx(**values: Any) -> DiagnosisContext:
    base: dict[str, Any] = {
        "host": "smtp.firma.pl",
        "port": 587,
        "username": "anna@firma.pl",
        "sender": "anna@firma.pl",
        "recipient": "jan@klient.pl",
    }
    base.update(values)
    return DiagnosisContext(**base)


def cert(names: tuple[str, ...] = ("s12.hosting.pl",), **values: Any) -> CertInfo:
    base: dict[str, Any] = {
        "subject_cn": names[0] if names else "",
        "names": names,
        "issuer": "CN=R11, O=Let's Encrypt, C=US",
        "not_before": "2024-01-01T00:00:00+00:00",
        "not_after": "2024-04-01T00:00:00+00:00",
        "sha256": "0f" * 32,
    }
    base.update(values)
    return CertInfo(**base)


def verify_failed(message: str, certificate: CertInfo | None, host: str = "smtp.firma.pl") -> Facts:
    return Facts(
        stage=S.TLS,
        exception="SSLCertVerificationError",
        message=f"[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: {message}",
        ssl_reason="CERTIFICATE_VERIFY_FAILED",
        verify_message=message,
        host=host,
        cert=certificate,
    )


def test_starttls_on_implicit_tls_port_offers_ssl_on_that_port_then_587() -> None:
    silent = Facts(stage=S.GREETING, implicit_tls_detected=True, port=465, security=Security.STARTTLS)
    result = diagnose(silent, ctx(port=465, security=Security.STARTTLS))
    assert result.code == "plain_on_tls_port"
    assert [(f.kind, f.params) for f in result.fixes] == [
        (FixKind.SET_SECURITY, {"security": "ssl", "port": 465}),
        (FixKind.SET_PORT, {"port": 587, "security": "starttls"}),
    ]
    assert result.fixes[0].label == "Ustaw SSL/TLS na porcie 465"


def test_ssl_on_submission_port_offers_starttls_then_465() -> None:
    wrong = Facts(
        stage=S.TLS, exception="SSLError", ssl_reason="WRONG_VERSION_NUMBER", security=Security.SSL, port=587
    )
    result = diagnose(wrong, ctx(security=Security.SSL, lang="en"))
    assert result.code == "tls_on_plain_port"
    assert [(f.kind, f.params) for f in result.fixes] == [
        (FixKind.SET_SECURITY, {"security": "starttls", "port": 587}),
        (FixKind.SET_PORT, {"port": 465, "security": "ssl"}),
    ]
    assert [f.label for f in result.fixes] == ["Use STARTTLS on port 587", "Use port 465 with SSL/TLS"]


def test_name_mismatch_offers_the_certificate_name() -> None:
    mismatch = verify_failed(
        "Hostname mismatch, certificate is not valid for 'mail.biuro-nieruchomosci.pl'.",
        cert(("s12.hosting.pl", "hosting.pl")),
        host="mail.biuro-nieruchomosci.pl",
    )
    result = diagnose(mismatch, ctx(host="mail.biuro-nieruchomosci.pl"))
    assert result.code == "certificate_name_mismatch"
    assert result.fix is not None
    assert (result.fix.kind, result.fix.params) == (FixKind.SET_HOST, {"host": "s12.hosting.pl"})
    assert result.fix.label == "Użyj nazwy serwera s12.hosting.pl"


def test_name_mismatch_without_a_usable_name_offers_nothing() -> None:
    only_ips = verify_failed("IP address mismatch", cert(("192.0.2.7", "2001:db8::1")), host="192.0.2.10")
    assert diagnose(only_ips, ctx(host="192.0.2.10")).fixes == ()


@pytest.mark.parametrize(
    ("names", "host", "best"),
    [
        # Typed mail. where the certificate says smtp. on the same domain.
        (("www.firma.pl", "smtp.firma.pl", "firma.pl"), "mail.firma.pl", "smtp.firma.pl"),
        # A wildcard becomes the user's own first label under the hoster's domain.
        (("*.hosting.pl",), "mail.firma.pl", "mail.hosting.pl"),
        # The hoster's concrete server name beats a filled-in wildcard.
        (("*.hosting.pl", "s12.hosting.pl"), "mail.firma.pl", "s12.hosting.pl"),
        # ...but the bare domain is not a server name: the wildcard wins then.
        (("hosting.pl", "*.hosting.pl"), "mail.firma.pl", "mail.hosting.pl"),
        # Mail-looking names are preferred among foreign names.
        (("www.hosting.pl", "poczta.hosting.pl"), "firma.pl", "poczta.hosting.pl"),
        # IP addresses, bare labels and odd wildcards are never suggested.
        (("192.0.2.1", "localhost", "*.*.hosting.pl", "a*.hosting.pl"), "mail.firma.pl", None),
        # The name that already failed is not suggested again.
        (("smtp.firma.pl",), "smtp.firma.pl", None),
        # A wildcard cannot be filled in for an IP address.
        (("*.hosting.pl",), "192.0.2.10", None),
    ],
)
def test_best_certificate_name(names: tuple[str, ...], host: str, best: str | None) -> None:
    assert best_certificate_name(names, host) == best


def test_self_signed_certificate_can_be_pinned_for_this_host() -> None:
    self_signed = verify_failed("self-signed certificate", cert(("mail.firma.pl",), self_signed=True))
    result = diagnose(self_signed, ctx())
    assert result.code == "certificate_untrusted"
    assert result.fix is not None
    assert (result.fix.kind, result.fix.params) == (
        FixKind.PIN_CERTIFICATE,
        {"sha256": "0f" * 32, "host": "smtp.firma.pl"},
    )
    assert "smtp.firma.pl" in result.fix.label


@pytest.mark.parametrize(
    "certificate",
    [
        cert(("mail.firma.pl",)),  # issued by an unknown CA: the provider must fix the chain
        cert(("smtp.firma.pl",), issuer="CN=Avast Web/Mail Shield Root", self_signed=True),  # antivirus
    ],
)
def test_other_untrusted_certificates_are_not_offered_for_pinning(certificate: CertInfo) -> None:
    untrusted = verify_failed("unable to get local issuer certificate", certificate)
    result = diagnose(untrusted, ctx())
    assert result.code == "certificate_untrusted"
    assert result.fixes == ()


def test_encryption_required_switches_starttls_on() -> None:
    plain = Facts(
        stage=S.MAIL,
        reply_code=530,
        enhanced_code="5.7.0",
        reply_text="5.7.0 Must issue a STARTTLS command first",
        starttls_offered=True,
        security=Security.NONE,
    )
    result = diagnose(plain, ctx(security=Security.NONE))
    assert result.code == "encryption_required"
    assert result.fix is not None
    assert (result.fix.kind, result.fix.params) == (
        FixKind.SET_SECURITY,
        {"security": "starttls", "port": 587},
    )


def test_auth_hidden_before_starttls_switches_starttls_on() -> None:
    hidden = Facts(
        stage=S.AUTH,
        exception="SMTPNotSupportedError",
        message="SMTP AUTH extension not supported by server.",
        starttls_offered=True,
        security=Security.NONE,
    )
    result = diagnose(hidden, ctx(security=Security.NONE))
    assert result.code == "auth_not_offered"
    assert result.fix is not None and result.fix.kind is FixKind.SET_SECURITY


def test_server_without_auth_or_tls_offers_to_clear_the_login() -> None:
    relay = Facts(
        stage=S.AUTH,
        exception="SMTPNotSupportedError",
        message="SMTP AUTH extension not supported by server.",
        starttls_offered=False,
        port=25,
    )
    result = diagnose(relay, ctx(port=25))
    assert result.code == "auth_not_offered"
    assert result.fix is not None
    assert (result.fix.kind, result.fix.params) == (FixKind.CLEAR_CREDENTIALS, {})


@pytest.mark.parametrize(
    ("username", "sender", "login"),
    [
        ("anna", "anna@firma.pl", "anna@firma.pl"),
        ("Anna", "anna@firma.pl", "anna@firma.pl"),
        ("biuro", "jan@firma.pl", "biuro@firma.pl"),  # the login's own address in the sender's domain
        ("anna@firma.pl", "anna@firma.pl", None),
        ("anna", "", None),
        ("", "anna@firma.pl", None),
    ],
)
def test_suggested_login(username: str, sender: str, login: str | None) -> None:
    assert suggested_login(username, sender) == login


def test_login_without_at_gets_the_full_address() -> None:
    refused = Facts(
        stage=S.AUTH, reply_code=535, enhanced_code="5.7.8", reply_text="5.7.8 Authentication failed"
    )
    result = diagnose(refused, ctx(username="anna"))
    assert result.code == "auth_failed"
    assert result.fix is not None
    assert (result.fix.kind, result.fix.params) == (FixKind.SET_USERNAME, {"username": "anna@firma.pl"})
    assert diagnose(refused, ctx()).fixes == ()  # the login is already an address


def test_sender_not_allowed_offers_sending_as_the_login() -> None:
    refused = Facts(
        stage=S.RCPT,
        reply_code=553,
        enhanced_code="5.7.1",
        reply_text="5.7.1 <jan@firma.pl>: Sender address rejected: not owned by user biuro@firma.pl",
    )
    result = diagnose(refused, ctx(username="biuro@firma.pl", sender="jan@firma.pl"))
    assert result.code == "sender_not_allowed"
    assert result.fix is not None
    assert (result.fix.kind, result.fix.params) == (FixKind.SET_SENDER, {"sender": "biuro@firma.pl"})
    assert result.fix.label == "Wysyłaj jako biuro@firma.pl"
    assert diagnose(refused, ctx(username="biuro", sender="jan@firma.pl")).fixes == ()


def test_no_starttls_offers_implicit_tls_on_465() -> None:
    missing = Facts(stage=S.TLS, exception="SMTPNotSupportedError", starttls_offered=False,
                    message="STARTTLS extension not supported by server.")  # fmt: skip
    result = diagnose(missing, ctx())
    assert result.code == "starttls_unavailable"
    assert [(f.kind, f.params) for f in result.fixes] == [
        (FixKind.SET_PORT, {"port": 465, "security": "ssl"})
    ]
    assert diagnose(missing, ctx(port=465)).fixes == ()


def test_wrong_service_port_offers_587() -> None:
    pop3 = Facts(stage=S.GREETING, exception="SMTPConnectError", greeting="+OK Dovecot ready.", port=110)
    result = diagnose(pop3, ctx(port=110))
    assert result.code == "not_smtp_service"
    assert [(f.kind, f.params) for f in result.fixes] == [
        (FixKind.SET_PORT, {"port": 587, "security": "starttls"})
    ]


def test_diagnoses_without_a_fix_offer_none() -> None:
    refused = Facts(stage=S.CONNECT, exception="ConnectionRefusedError", errno=111)
    result = diagnose(refused, ctx())
    assert (result.fixes, result.fix) == ((), None)


def test_fixes_serialise_to_json() -> None:
    silent = Facts(stage=S.GREETING, implicit_tls_detected=True, port=465, security=Security.STARTTLS)
    result = diagnose(silent, ctx(port=465, security=Security.STARTTLS))
    decoded = json.loads(json.dumps([f.to_json() for f in result.fixes]))
    assert decoded[0] == {
        "kind": "set_security",
        "params": {"security": "ssl", "port": 465},
        "label": result.fixes[0].label,
    }
