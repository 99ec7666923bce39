"""Security modes, TLS-mode mismatches and certificates, against real TLS servers."""

from __future__ import annotations

import hashlib
import ssl
import time
import warnings

import pytest

from smtpdesk.core import model
from smtpdesk.core.diagnosis import FixKind
from smtpdesk.core.model import Security
from smtpdesk.core.smtp.engine import run_test
from smtpdesk.core.smtp.result import Stage
from tests.fixtures.smtp_servers import HOST, Endpoint, RawServer, build_request


def _fingerprint(cert) -> str:
    pem = cert.cert_chain_pems[0].bytes().decode("ascii")
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest()


# --- the port speaks the other TLS mode -----------------------------------------------------------
@pytest.mark.parametrize("security", [Security.STARTTLS, Security.NONE])
def test_plain_or_starttls_on_an_implicit_tls_port_is_found_fast(smtp_server, security):
    server = smtp_server(mode="implicit")

    started = time.monotonic()
    result = run_test(build_request(server.account(security=security, allow_plaintext_auth=True)))
    elapsed = time.monotonic() - started

    assert result.code == "plain_on_tls_port"
    assert elapsed < 3.0  # default timeouts: the 1.5 s probe, not the 30 s greeting timeout
    assert result.facts.implicit_tls_detected
    assert result.stage is Stage.GREETING
    assert result.diagnosis.fix.kind is FixKind.SET_SECURITY
    assert result.diagnosis.fix.params["security"] == "ssl"
    assert server.auth_logins == [] and server.messages == []


def test_auto_on_an_implicit_tls_port_simply_uses_implicit_tls(smtp_server):
    server = smtp_server(mode="implicit")

    started = time.monotonic()
    result = run_test(build_request(server.account(security=Security.AUTO)))

    assert result.code == "ok"
    assert time.monotonic() - started < 3.0
    assert result.security_used is Security.SSL
    assert any("SSL/TLS" in note for note in result.notes)
    assert len(server.messages) == 1


def test_auto_on_the_implicit_tls_port_falls_back_to_starttls(smtp_server, monkeypatch):
    server = smtp_server()
    # Auto starts with implicit TLS on port 465; the test server cannot listen there, so the
    # number auto treats that way is set to the server's port.
    monkeypatch.setattr(model, "IMPLICIT_TLS_PORT", server.port)

    started = time.monotonic()
    result = run_test(build_request(server.account(security=Security.AUTO)))

    assert result.code == "ok"
    assert time.monotonic() - started < 3.0
    assert result.security_used is Security.STARTTLS
    assert any("STARTTLS" in note for note in result.notes)
    assert len(server.messages) == 1


def test_ssl_on_a_starttls_port_is_found_fast(smtp_server):
    server = smtp_server()

    started = time.monotonic()
    result = run_test(build_request(server.account(security=Security.SSL)))

    assert result.code == "tls_on_plain_port"
    assert time.monotonic() - started < 3.0
    assert result.stage is Stage.TLS
    assert result.facts.ssl_reason == "WRONG_VERSION_NUMBER"
    assert result.facts.plain_detected
    assert result.diagnosis.fix.kind is FixKind.SET_SECURITY
    assert server.auth_logins == []


# --- STARTTLS missing -----------------------------------------------------------------------------
def test_starttls_required_but_not_offered(smtp_server):
    server = smtp_server(mode="plain")

    result = run_test(build_request(server.account(security=Security.STARTTLS)))

    assert result.code == "starttls_unavailable"
    assert result.stage is Stage.TLS
    assert result.facts.starttls_offered is False
    assert server.auth_commands == 0


def test_auto_never_sends_the_password_unencrypted(smtp_server):
    # The server would take AUTH without TLS; auto mode must still not send the password.
    server = smtp_server(mode="plain", require_tls_for_auth=False)

    result = run_test(build_request(server.account(security=Security.AUTO)))

    assert result.code in ("starttls_unavailable", "encryption_required")
    assert server.auth_commands == 0 and server.auth_logins == []
    assert not any(line.text.startswith("AUTH") for line in result.transcript)


def test_auto_without_login_continues_unencrypted_and_says_so(smtp_server):
    server = smtp_server(mode="plain", auth_required=False)

    result = run_test(
        build_request(server.account(security=Security.AUTO, username=""), None, sender="biuro@biuro.test")
    )

    assert result.code == "ok"
    assert result.security_used is Security.NONE
    assert result.notes and "STARTTLS" in result.notes[0]
    assert len(server.messages) == 1


def test_no_encryption_with_explicit_permission_logs_in_unencrypted(smtp_server):
    server = smtp_server(mode="plain", require_tls_for_auth=False)

    result = run_test(build_request(server.account(security=Security.NONE, allow_plaintext_auth=True)))

    assert result.code == "ok"
    assert result.security_used is Security.NONE
    assert server.auth_logins == [server.login]


def test_no_encryption_without_permission_keeps_the_password(smtp_server):
    server = smtp_server(require_tls_for_auth=False, require_starttls=False)

    result = run_test(build_request(server.account(security=Security.NONE)))

    assert result.code == "encryption_required"
    assert result.stage is Stage.AUTH
    assert server.auth_commands == 0


def test_server_demanding_starttls_first(smtp_server):
    # No login configured and no encryption chosen: the server's 530 explains it.
    server = smtp_server(auth_required=False)

    result = run_test(
        build_request(server.account(security=Security.NONE, username=""), None, sender="a@biuro.test")
    )

    assert result.code == "encryption_required"
    assert result.stage is Stage.MAIL
    assert result.server_reply.startswith("530")


# --- certificates ----------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["starttls", "implicit"])
def test_untrusted_certificate_is_described(smtp_server, server_certs, mode):
    server = smtp_server(mode=mode, cert="untrusted")

    result = run_test(build_request(server.account()))

    assert result.code == "certificate_untrusted"
    assert result.stage is Stage.TLS
    assert result.facts.exception == "SSLCertVerificationError"
    assert result.facts.verify_message == "unable to get local issuer certificate"
    cert = result.facts.cert
    assert cert is not None
    assert "Unknown Issuer Ltd" in cert.issuer
    assert "localhost" in cert.names and "127.0.0.1" in cert.names
    assert cert.sha256 == _fingerprint(server_certs["untrusted"])
    assert result.to_json()["certificate"]["sha256"] == cert.sha256
    assert server.auth_logins == [] and server.messages == []


def test_certificate_for_another_name(smtp_server):
    server = smtp_server(cert="wrong_name")

    result = run_test(build_request(server.account()))

    assert result.code == "certificate_name_mismatch"
    assert "127.0.0.1" in (result.facts.verify_message or "")
    assert result.facts.cert.names == ("mail.other.test",)
    assert server.auth_logins == []


def test_expired_certificate(smtp_server):
    server = smtp_server(cert="expired")

    result = run_test(build_request(server.account()))

    assert result.code == "certificate_expired"
    assert result.facts.verify_message == "certificate has expired"
    assert result.facts.cert.not_after < time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def test_pinned_fingerprint_lets_the_test_through(smtp_server, server_certs):
    server = smtp_server(cert="untrusted")
    pin = ":".join(f"{b:02X}" for b in bytes.fromhex(_fingerprint(server_certs["untrusted"])))

    result = run_test(build_request(server.account(pinned_fingerprint=pin)))

    assert result.code == "ok"
    assert len(server.messages) == 1
    assert any("SHA-256" in note for note in result.notes)


def test_pin_of_another_certificate_does_not_help_and_says_the_certificate_changed(smtp_server, server_certs):
    server = smtp_server(cert="untrusted")
    pinned = _fingerprint(server_certs["valid"])

    result = run_test(build_request(server.account(pinned_fingerprint=pinned), lang="en"))

    assert result.code == "certificate_changed"
    assert result.facts.pinned_changed
    assert "changed since it was trusted" in result.diagnosis.title
    presented = result.facts.cert.sha256
    assert presented != pinned and presented[:2].upper() in result.diagnosis.explanation
    assert server.auth_logins == []


def test_certificate_is_trusted_only_with_the_ca_file(smtp_server):
    server = smtp_server()

    result = run_test(build_request(server.account(ca_file="")))

    assert result.code == "certificate_untrusted"


def test_missing_ca_file_is_a_settings_problem(smtp_server, tmp_path):
    server = smtp_server()

    result = run_test(build_request(server.account(ca_file=str(tmp_path / "missing.pem"))))

    assert result.code == "invalid_settings"
    assert result.stage is Stage.CONFIG
    assert result.transcript == []


# --- STARTTLS refused, a handshake that breaks off, a server too old for today's TLS --------------
_EHLO_WITH_STARTTLS = "250-smtp.biuro.test\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN"


def test_starttls_refused_by_the_server(scripted_server, fast_timeouts):
    server = scripted_server(
        replies={"EHLO": _EHLO_WITH_STARTTLS, "STARTTLS": "454 4.7.0 TLS not available due to local problem"}
    )

    result = run_test(build_request(server.account(username="anna@biuro.test"), timeouts=fast_timeouts))

    assert result.code == "starttls_refused"
    assert result.stage is Stage.TLS
    assert result.server_reply == "454 4.7.0 TLS not available due to local problem"
    assert not any(line.text.startswith("AUTH") for line in result.transcript)


def test_a_server_that_hangs_up_instead_of_the_tls_handshake(scripted_server, fast_timeouts):
    server = scripted_server(
        replies={"EHLO": _EHLO_WITH_STARTTLS, "STARTTLS": "220 2.0.0 Ready to start TLS"},
        hang_up_after="STARTTLS",
    )

    started = time.monotonic()
    result = run_test(build_request(server.account(username="anna@biuro.test"), timeouts=fast_timeouts))

    assert result.code == "tls_handshake_failed"
    assert result.stage is Stage.TLS
    assert time.monotonic() - started < 2.0  # the hang-up is noticed, not waited out
    assert not any(line.text.startswith("AUTH") for line in result.transcript)


@pytest.fixture
def tls10_server(server_certs):
    """Implicit TLS that speaks only TLS 1.0/1.1, like an old Exchange: a modern client refuses."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_certs["valid"].configure_cert(context)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the point is the old protocol
        context.minimum_version = ssl.TLSVersion.TLSv1
        context.maximum_version = ssl.TLSVersion.TLSv1_1
    context.set_ciphers("DEFAULT:@SECLEVEL=0")

    def handle(conn, stopping) -> None:
        with context.wrap_socket(conn, server_side=True) as tls:
            tls.sendall(b"220 smtp.biuro.test ESMTP\r\n")

    raw = RawServer(handle)
    yield Endpoint(HOST, raw.port, raw)
    raw.stop()


def test_a_server_offering_only_old_tls_versions(tls10_server, tls_ca_file, fast_timeouts):
    account = tls10_server.account(security=Security.SSL, username="anna@biuro.test", ca_file=tls_ca_file)

    result = run_test(build_request(account, timeouts=fast_timeouts))

    assert result.code == "tls_incompatible"
    assert result.stage is Stage.TLS
    assert result.facts.ssl_reason in ("TLSV1_ALERT_PROTOCOL_VERSION", "UNSUPPORTED_PROTOCOL")
    assert not any(line.text.startswith("AUTH") for line in result.transcript)
