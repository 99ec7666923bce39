"""The rule table against recorded failures: real server replies and the exceptions Python raises.

Replies are quoted from the failure catalogue (Gmail, Microsoft 365/Exchange, Postfix, Exim, Yandex,
Forpsi, Interia, Mailpit, aiosmtpd, OpenSSL…). Facts are built the way the engine fills them:
exception class name, ``str(exception)``, errno, OpenSSL reason, reply code, enhanced code, text.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from smtpdesk.core.diagnosis import DIAGNOSIS_CODES, diagnose
from smtpdesk.core.diagnosis.matchers import When, enhanced_matches, host_in
from smtpdesk.core.diagnosis.model import DiagnosisContext
from smtpdesk.core.diagnosis.registry import REGISTRY
from smtpdesk.core.diagnosis.rules import RULES, match_rule
from smtpdesk.core.model import AuthMethod, ContactMode, Security
from smtpdesk.core.smtp.result import CertInfo, Facts, Stage

S = Stage
CTX = DiagnosisContext(
    host="smtp.firma.pl",
    port=587,
    username="anna@firma.pl",
    sender="anna@firma.pl",
    recipient="jan@klient.pl",
    security=Security.AUTO,
)
# A company account used with an agent's own address as From (the reference page's third error).
SHARED = DiagnosisContext(
    host="smtp.firma.pl",
    port=587,
    username="biuro@firma.pl",
    sender="jan.kowalski@firma.pl",
    recipient="klient@example.com",
    account_source="company",
    contact_mode=ContactMode.AGENT,
)

_EXCEPTION_AT = {
    S.GREETING: "SMTPConnectError",
    S.EHLO: "SMTPHeloError",
    S.TLS: "SMTPResponseException",
    S.AUTH: "SMTPAuthenticationError",
    S.MAIL: "SMTPSenderRefused",
    S.RCPT: "SMTPRecipientsRefused",
    S.DATA: "SMTPDataError",
}
_AFTER_TLS = (S.AUTH, S.MAIL, S.RCPT, S.DATA, S.QUIT)


def facts(stage: Stage, **values: Any) -> Facts:
    base: dict[str, Any] = {"host": "smtp.firma.pl", "port": 587, "security": Security.STARTTLS}
    if stage in _AFTER_TLS:
        base |= {"tls_active": True, "starttls_offered": True, "auth_mechanisms": ("PLAIN", "LOGIN")}
        base["authenticated"] = stage is not S.AUTH
    base.update(values)
    return Facts(stage=stage, **base)


def reply(stage: Stage, code: int, text: str, **values: Any) -> Facts:
    """A refusing reply as smtplib reports it (text without the code, continuation lines joined by \\n)."""
    enhanced = re.match(r"([245]\.\d{1,3}\.\d{1,3})(?![\d.])", text)
    values.setdefault("exception", _EXCEPTION_AT.get(stage, "SMTPResponseException"))
    return facts(
        stage,
        message=f"({code}, {text.encode()!r})",
        reply_code=code,
        enhanced_code=enhanced.group(1) if enhanced else None,
        reply_text=text,
        **values,
    )


def cert(issuer: str = "CN=R11, O=Let's Encrypt, C=US", **values: Any) -> CertInfo:
    base: dict[str, Any] = {
        "subject_cn": "s12.hosting.pl",
        "names": ("s12.hosting.pl", "*.hosting.pl"),
        "issuer": issuer,
        "not_before": "2024-01-01T00:00:00+00:00",
        "not_after": "2024-04-01T00:00:00+00:00",
        "sha256": "ab" * 32,
    }
    base.update(values)
    return CertInfo(**base)


def verify_failed(message: str, **values: Any) -> Facts:
    return facts(
        S.TLS,
        exception="SSLCertVerificationError",
        message=f"[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: {message} (_ssl.c:1006)",
        ssl_reason="CERTIFICATE_VERIFY_FAILED",
        verify_message=message,
        **values,
    )


def ssl_error(reason: str, text: str, exception: str = "SSLError", **values: Any) -> Facts:
    values.setdefault("stage", S.TLS)
    stage = values.pop("stage")
    return facts(
        stage,
        exception=exception,
        message=f"[SSL: {reason}] {text} (_ssl.c:1006)",
        ssl_reason=reason,
        **values,
    )


def case(name: str, code: str, recorded: Facts, ctx: DiagnosisContext = CTX) -> Any:
    return pytest.param(recorded, code, ctx, id=name)


GMAIL = {"host": "smtp.gmail.com", "port": 465, "security": Security.SSL}
OFFICE = {"host": "smtp.office365.com"}
OAUTH_CTX = DiagnosisContext(
    host="smtp.office365.com",
    port=587,
    username="anna@firma.pl",
    sender="anna@firma.pl",
    recipient="jan@klient.pl",
    auth_method=AuthMethod.OAUTH_MICROSOFT,
)

CASES: list[Any] = [
    # --- the run itself
    case(
        "cancelled",
        "cancelled",
        facts(S.DATA, exception="Cancelled", message="Cancelled by the user", cancelled=True),
    ),
    case(
        "no-server",
        "no_server_configured",
        facts(S.CONFIG, exception="NoServerConfigured", message="No sending server is configured"),
    ),
    case("config-missing-password", "invalid_settings", facts(S.CONFIG, exception="MissingPassword")),
    case("config-no-keychain", "invalid_settings", facts(S.CONFIG, exception="KeychainUnavailable")),
    case("config-keychain-locked", "invalid_settings", facts(S.CONFIG, exception="KeychainLocked")),
    case(
        "config-port",
        "invalid_settings",
        facts(S.CONFIG, exception="InvalidPort", message="Port 0 is outside 1-65535"),
    ),
    case("config-line-break", "invalid_settings", facts(S.CONFIG, exception="InvalidValue")),
    case("config-addresses", "invalid_settings", facts(S.CONFIG, exception="MissingAddress")),
    case(
        "config-ca-file",
        "invalid_settings",
        facts(S.CONFIG, exception="CaFileUnusable", message="/x.pem: [Errno 2] No such file"),
    ),
    case(
        "config-ca-file-recorded-earlier",
        "invalid_settings",
        facts(
            S.CONFIG,
            exception="FileNotFoundError",
            message="The CA file '/x.pem' cannot be used: [Errno 2] No such file",
        ),
    ),
    case(
        "config-other",
        "invalid_settings",
        facts(S.CONFIG, exception="FieldError", message="Port musi być liczbą"),
    ),
    # --- DNS (F04, F05)
    case(
        "dns-second-lookup-fails",
        "dns_unavailable",
        facts(
            S.DNS,
            exception="gaierror",
            errno=-3,
            dns_works=False,
            message="[Errno -3] Temporary failure in name resolution",
        ),
    ),
    case(
        "dns-typo-internet-works",
        "host_not_found",
        facts(
            S.DNS,
            exception="gaierror",
            errno=-2,
            dns_works=True,
            message="[Errno -2] Name or service not known",
        ),
    ),
    case(
        "dns-eai-again",
        "dns_unavailable",
        facts(
            S.DNS, exception="gaierror", errno=-3, message="[Errno -3] Temporary failure in name resolution"
        ),
    ),
    case(
        "dns-windows-try-again",
        "dns_unavailable",
        facts(S.DNS, exception="gaierror", errno=11002, message="[Errno 11002] getaddrinfo failed"),
    ),
    case(
        "dns-text-only",
        "dns_unavailable",
        facts(S.DNS, exception="gaierror", message="Temporary failure in name resolution"),
    ),
    case(
        "dns-linux-noname",
        "host_not_found",
        facts(S.DNS, exception="gaierror", errno=-2, message="[Errno -2] Name or service not known"),
    ),
    case(
        "dns-macos-noname",
        "host_not_found",
        facts(
            S.DNS,
            exception="gaierror",
            errno=8,
            message="[Errno 8] nodename nor servname provided, or not known",
        ),
    ),
    case(
        "dns-windows-noname",
        "host_not_found",
        facts(S.DNS, exception="gaierror", errno=11001, message="[Errno 11001] getaddrinfo failed"),
    ),
    case(
        "gaierror-at-connect-temporary", "dns_unavailable", facts(S.CONNECT, exception="gaierror", errno=-3)
    ),
    case(
        "gaierror-at-connect",
        "host_not_found",
        facts(
            S.CONNECT,
            exception="gaierror",
            errno=-5,
            message="[Errno -5] No address associated with hostname",
        ),
    ),
    # --- TCP (F06-F08)
    case(
        "refused-linux",
        "connection_refused",
        facts(
            S.CONNECT, exception="ConnectionRefusedError", errno=111, message="[Errno 111] Connection refused"
        ),
    ),
    case(
        "refused-windows",
        "connection_refused",
        facts(
            S.CONNECT,
            exception="ConnectionRefusedError",
            errno=10061,
            message="[WinError 10061] No connection could be made because the target machine "
            "actively refused it",
        ),
    ),
    case(
        "refused-macos",
        "connection_refused",
        facts(S.CONNECT, exception="OSError", errno=61, message="[Errno 61] Connection refused"),
    ),
    case("refused-no-errno", "connection_refused", facts(S.CONNECT, exception="ConnectionRefusedError")),
    case(
        "no-route",
        "network_unreachable",
        facts(S.CONNECT, exception="OSError", errno=113, message="[Errno 113] No route to host"),
    ),
    case(
        "network-unreachable-ipv6",
        "network_unreachable",
        facts(S.CONNECT, exception="OSError", errno=101, message="[Errno 101] Network is unreachable"),
    ),
    case(
        "unreachable-windows-text",
        "network_unreachable",
        facts(
            S.CONNECT,
            exception="OSError",
            message="[WinError 10065] A socket operation was attempted to an unreachable host",
        ),
    ),
    case(
        "connect-timeout",
        "connect_timeout",
        facts(S.CONNECT, exception="TimeoutError", message="timed out", port=25),
    ),
    case(
        "connect-timeout-windows",
        "connect_timeout",
        facts(
            S.CONNECT,
            exception="OSError",
            errno=10060,
            message="[WinError 10060] A connection attempt failed because the connected "
            "party did not properly respond after a period of time",
        ),
    ),
    # --- certificates (F20-F22)
    case(
        "cert-not-yet-valid",
        "certificate_expired",
        verify_failed("certificate is not yet valid", cert=cert()),
    ),
    case("cert-expired", "certificate_expired", verify_failed("certificate has expired", cert=cert())),
    case(
        "cert-hostname-mismatch",
        "certificate_name_mismatch",
        verify_failed("Hostname mismatch, certificate is not valid for 'smtp.firma.pl'.", cert=cert()),
    ),
    case(
        "cert-ip-mismatch",
        "certificate_name_mismatch",
        verify_failed(
            "IP address mismatch, certificate is not valid for '192.0.2.10'.", host="192.0.2.10", cert=cert()
        ),
    ),
    case("cert-weak-key", "tls_incompatible", verify_failed("EE certificate key too weak", cert=cert())),
    case(
        "cert-avast",
        "certificate_untrusted",
        verify_failed(
            "unable to get local issuer certificate",
            cert=cert(issuer="CN=Avast Web/Mail Shield Root, O=Avast Web/Mail Shield"),
        ),
    ),
    case(
        "cert-self-signed-text",
        "certificate_untrusted",
        verify_failed("self-signed certificate", cert=cert(self_signed=True)),
    ),
    case(
        "cert-self-signed-in-chain",
        "certificate_untrusted",
        verify_failed("self-signed certificate in certificate chain"),
    ),
    case(
        "cert-self-signed-flag",
        "certificate_untrusted",
        facts(
            S.TLS,
            exception="SSLCertVerificationError",
            message="[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed",
            ssl_reason="CERTIFICATE_VERIFY_FAILED",
            cert=cert(self_signed=True),
        ),
    ),
    case(
        "cert-unknown-issuer",
        "certificate_untrusted",
        verify_failed("unable to get local issuer certificate", cert=cert()),
    ),
    # --- another service, or the security mode does not fit the port (F12-F14)
    case(
        "pop3-greeting",
        "not_smtp_service",
        facts(
            S.GREETING,
            exception="SMTPConnectError",
            message="Not an SMTP greeting: +OK Dovecot ready.",
            greeting="+OK Dovecot ready.",
            reply_text="+OK Dovecot ready.",
            port=110,
        ),
    ),
    case(
        "imap-over-tls",
        "not_smtp_service",
        facts(
            S.GREETING,
            exception="SMTPConnectError",
            greeting="* OK [CAPABILITY IMAP4rev1] Dovecot ready.",
            reply_text="* OK [CAPABILITY IMAP4rev1] Dovecot ready.",
            port=993,
            security=Security.SSL,
        ),
    ),
    case(
        "http-greeting",
        "not_smtp_service",
        facts(
            S.GREETING,
            exception="SMTPConnectError",
            reply_code=-1,
            reply_text="HTTP/1.1 400 Bad Request",
            port=80,
        ),
    ),
    case(
        "imaps-port-silent",
        "not_smtp_service",
        facts(
            S.GREETING,
            exception=None,
            implicit_tls_detected=True,
            port=993,
            message="No SMTP greeting; port 993 expects TLS from the first byte",
        ),
    ),
    case(
        "starttls-on-465-probe",
        "plain_on_tls_port",
        facts(
            S.GREETING,
            exception=None,
            implicit_tls_detected=True,
            port=465,
            message="No SMTP greeting; port 465 expects TLS from the first byte",
        ),
    ),
    case(
        "none-on-465-gmail-closes",
        "plain_on_tls_port",
        facts(
            S.GREETING,
            exception="SMTPServerDisconnected",
            port=465,
            security=Security.NONE,
            message="Connection unexpectedly closed",
            host="smtp.gmail.com",
        ),
    ),
    case(
        "ssl-on-587-probe",
        "tls_on_plain_port",
        ssl_error("WRONG_VERSION_NUMBER", "wrong version number", plain_detected=True, security=Security.SSL),
    ),
    case(
        "ssl-on-587",
        "tls_on_plain_port",
        ssl_error("WRONG_VERSION_NUMBER", "wrong version number", security=Security.SSL),
    ),
    case(
        "ssl-on-587-text",
        "tls_on_plain_port",
        facts(
            S.CONNECT,
            exception="SSLError",
            security=Security.SSL,
            message="ssl3_get_record:wrong version number",
        ),
    ),
    case(
        "ssl-on-587-eof",
        "tls_on_plain_port",
        ssl_error(
            "UNEXPECTED_EOF_WHILE_READING",
            "EOF occurred in violation of protocol",
            exception="SSLEOFError",
            security=Security.SSL,
        ),
    ),
    # --- greeting (F09-F11)
    case(
        "postfix-too-many-connections",
        "server_busy",
        reply(S.GREETING, 421, "4.7.0 mail.example.com Error: too many connections from 203.0.113.5"),
    ),
    case(
        "exim-too-many-concurrent",
        "server_busy",
        reply(S.GREETING, 421, "Too many concurrent SMTP connections; please try again later."),
    ),
    case(
        "spamhaus",
        "client_blocked",
        reply(
            S.GREETING,
            554,
            "5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org",
        ),
    ),
    case(
        "exchange-421",
        "server_closing",
        reply(S.GREETING, 421, "4.3.2 Service not available, closing transmission channel"),
    ),
    case("greeting-554", "client_blocked", reply(S.GREETING, 554, "mx.example.com Access denied")),
    case(
        "greeting-timeout",
        "greeting_timeout",
        facts(S.GREETING, exception="TimeoutError", message="timed out: no greeting within 30 s"),
    ),
    case(
        "greeting-timeout-text",
        "greeting_timeout",
        facts(
            S.GREETING,
            exception="SMTPServerDisconnected",
            message="Connection unexpectedly closed: timed out",
        ),
    ),
    case(
        "greeting-reset",
        "connection_reset",
        facts(
            S.GREETING,
            exception="ConnectionResetError",
            errno=104,
            message="[Errno 104] Connection reset by peer",
        ),
    ),
    case(
        "greeting-closed",
        "connection_reset",
        facts(S.GREETING, exception="SMTPServerDisconnected", message="Connection unexpectedly closed"),
    ),
    # --- EHLO (F03, F23)
    case(
        "postfix-helo-at-rcpt",
        "helo_rejected",
        reply(S.RCPT, 504, "5.5.2 <Styx>: Helo command rejected: need fully-qualified hostname"),
    ),
    case(
        "gmail-helo",
        "helo_rejected",
        reply(S.EHLO, 501, '5.5.4 HELO/EHLO argument "MÜLLER-PC" invalid, closing connection.'),
    ),
    case("exim-helo", "helo_rejected", reply(S.EHLO, 501, "Syntactically invalid EHLO argument(s)")),
    case("helo-refused", "helo_rejected", reply(S.EHLO, 502, "5.5.2 Bad command")),
    case("ehlo-5xx", "helo_rejected", reply(S.EHLO, 550, "Go away", exception="SMTPResponseException")),
    # --- encryption (F15-F19, F29)
    case(
        "gmail-starttls-first",
        "encryption_required",
        reply(
            S.MAIL,
            530,
            "5.7.0 Must issue a STARTTLS command first. a1-20020a05sm123ejr.12 - gsmtp",
            tls_active=False,
        ),
    ),
    case(
        "aiosmtpd-538",
        "encryption_required",
        reply(
            S.AUTH, 538, "5.7.11 Encryption required for requested authentication mechanism", tls_active=False
        ),
    ),
    case(
        "538-other-words",
        "encryption_required",
        reply(S.AUTH, 538, "Secure connection needed", tls_active=False),
    ),
    case(
        "dovecot-5.7.11",
        "encryption_required",
        reply(
            S.AUTH,
            535,
            "5.7.11 Plaintext authentication disallowed on non-secure connections",
            tls_active=False,
        ),
    ),
    case(
        "plaintext-refused-starttls-offered",
        "encryption_required",
        facts(
            S.AUTH,
            exception="PlaintextAuthNotAllowed",
            security=Security.NONE,
            tls_active=False,
            starttls_offered=True,
            message="The password would travel unencrypted",
        ),
    ),
    case(
        "starttls-not-supported",
        "starttls_unavailable",
        facts(
            S.TLS,
            exception="SMTPNotSupportedError",
            starttls_offered=False,
            message="STARTTLS extension not supported by server.",
        ),
    ),
    case(
        "starttls-not-offered",
        "starttls_unavailable",
        facts(S.TLS, exception="StartTlsMissing", starttls_offered=False),
    ),
    case(
        "plaintext-refused-no-starttls",
        "starttls_unavailable",
        facts(
            S.AUTH,
            exception="PlaintextAuthNotAllowed",
            security=Security.NONE,
            tls_active=False,
            starttls_offered=False,
        ),
    ),
    case(
        "postfix-tls-not-available",
        "starttls_refused",
        reply(S.TLS, 454, "4.7.0 TLS not available due to local problem"),
    ),
    case("mailpit-tls-handshake-failed", "starttls_refused", reply(S.TLS, 403, "4.7.0 TLS handshake failed")),
    case("old-exchange-tls10", "tls_incompatible", ssl_error("UNSUPPORTED_PROTOCOL", "unsupported protocol")),
    case(
        "alert-protocol-version",
        "tls_incompatible",
        ssl_error("TLSV1_ALERT_PROTOCOL_VERSION", "tlsv1 alert protocol version"),
    ),
    case("dh-key-too-small", "tls_incompatible", ssl_error("DH_KEY_TOO_SMALL", "dh key too small")),
    case(
        "handshake-failure-text",
        "tls_incompatible",
        facts(S.TLS, exception="SSLError", message="sslv3 alert handshake failure"),
    ),
    case(
        "tls-eof-starttls",
        "tls_handshake_failed",
        ssl_error(
            "UNEXPECTED_EOF_WHILE_READING", "EOF occurred in violation of protocol", exception="SSLEOFError"
        ),
    ),
    case(
        "tls-reset",
        "tls_handshake_failed",
        facts(
            S.TLS, exception="ConnectionResetError", errno=104, message="[Errno 104] Connection reset by peer"
        ),
    ),
    # --- login (F24-F31)
    case(
        "m365-tenant-disabled",
        "auth_disabled_by_provider",
        reply(
            S.AUTH,
            535,
            "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
            "Visit https://aka.ms/smtp_auth_disabled for more information.",
            **OFFICE,
        ),
    ),
    case(
        "m365-basic-disabled",
        # With a password the remedy is signing in with Microsoft instead (OAuth2).
        "basic_auth_retired",
        reply(
            S.AUTH, 535, "5.7.139 Authentication unsuccessful, basic authentication is disabled.", **OFFICE
        ),
    ),
    case(
        "m365-security-defaults",
        "auth_disabled_by_provider",
        reply(
            S.AUTH,
            535,
            "5.7.139 Authentication unsuccessful, the user is locked by your organization's security "
            "defaults policy. Contact your administrator.",
            **OFFICE,
        ),
    ),
    case(
        "m365-5.7.139-other",
        "auth_disabled_by_provider",
        reply(
            S.AUTH,
            535,
            "5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated "
            "successfully.",
            **OFFICE,
        ),
    ),
    case(
        "m365-5.7.30",
        "basic_auth_retired",
        reply(S.MAIL, 550, "5.7.30 Basic authentication is not supported for Client Submission.", **OFFICE),
    ),
    case(
        "outlook-com-535",
        "auth_disabled_by_provider",
        reply(
            S.AUTH,
            535,
            "5.7.3 Authentication unsuccessful [BN9PR03CA0123.namprd03.prod.outlook.com]",
            host="smtp-mail.outlook.com",
        ),
    ),
    case(
        "gmail-too-many-logins",
        "auth_rate_limited",
        reply(
            S.AUTH,
            454,
            "4.7.0 Too many login attempts, please try again later. For more information, go to\n4.7.0  "
            "https://support.google.com/mail/answer/7126229 - gsmtp",
            **GMAIL,
        ),
    ),
    case(
        "yahoo-too-many-bad-auth",
        "auth_rate_limited",
        reply(
            S.AUTH, 535, "5.7.0 (#AUTH005) Too many bad auth attempts.", host="smtp.mail.yahoo.com", port=465
        ),
    ),
    case(
        "gmail-web-login",
        "auth_app_password_required",
        reply(
            S.AUTH,
            534,
            "5.7.14 <https://accounts.google.com/signin/continue?sarp=1&scc=1> Please log in via\n5.7.14 "
            "your web browser and then try again.\n5.7.14  Learn more at\n5.7.14  "
            "https://support.google.com/mail/answer/78754 - gsmtp",
            **GMAIL,
        ),
    ),
    case(
        "gmail-web-login-required",
        "auth_app_password_required",
        reply(
            S.AUTH,
            534,
            "5.7.9 Please log in with your web browser and then try again. Learn more at\n5.7.9 "
            "https://support.google.com/mail/?p=WebLoginRequired",
            **GMAIL,
        ),
    ),
    case(
        "gmail-5.7.14-first-line",
        "auth_app_password_required",
        reply(S.AUTH, 534, "5.7.14 <https://accounts.google.com/signin/continue?sarp=1> - gsmtp", **GMAIL),
    ),
    case(
        "gmail-app-password",
        "auth_app_password_required",
        reply(
            S.AUTH,
            534,
            "5.7.9 Application-specific password required. Learn more at\n5.7.9  "
            "https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp",
            **GMAIL,
        ),
    ),
    case(
        "gmail-bad-credentials",
        "auth_app_password_required",
        reply(
            S.AUTH,
            535,
            "5.7.8 Username and Password not accepted. For more information, go to\n5.7.8  "
            "https://support.google.com/mail/?p=BadCredentials - gsmtp",
            **GMAIL,
        ),
    ),
    case(
        "icloud-535",
        "auth_app_password_required",
        reply(
            S.AUTH,
            535,
            "5.7.8 Error: authentication failed: bad user name or password",
            host="smtp.mail.me.com",
        ),
    ),
    case(
        "mailpit-cram-only-before-tls",
        "encryption_required",
        facts(
            S.AUTH,
            exception="SMTPException",
            tls_active=False,
            starttls_offered=True,
            security=Security.NONE,
            auth_mechanisms=("CRAM-MD5"),
            message="No suitable authentication method found.",
        ),
    ),
    case(
        "exchange-ntlm-only",
        "auth_mechanism_unsupported",
        facts(
            S.AUTH,
            exception="SMTPException",
            auth_mechanisms=("NTLM", "GSSAPI"),
            message="No suitable authentication method found.",
        ),
    ),
    case(
        "office365-504",
        "auth_mechanism_unsupported",
        reply(S.AUTH, 504, "5.7.4 Unrecognized authentication type", **OFFICE),
    ),
    case(
        "mechanism-504-other",
        "auth_mechanism_unsupported",
        reply(S.AUTH, 504, "5.5.4 Command parameter not implemented"),
    ),
    case(
        "auth-not-advertised",
        "auth_not_offered",
        facts(
            S.AUTH,
            exception="SMTPNotSupportedError",
            tls_active=False,
            security=Security.NONE,
            message="SMTP AUTH extension not supported by server.",
            auth_mechanisms=(),
        ),
    ),
    case(
        "exim-auth-not-advertised",
        "auth_not_offered",
        reply(S.AUTH, 503, "AUTH command used when not advertised"),
    ),
    case(
        "postfix-auth-not-enabled",
        "auth_not_offered",
        reply(S.AUTH, 503, "5.5.1 Error: authentication not enabled"),
    ),
    case(
        "mailpit-auth-not-implemented",
        "auth_not_offered",
        reply(S.AUTH, 502, "5.5.1 Command not implemented"),
    ),
    case(
        "auth-not-advertised-other-words",
        "auth_not_offered",
        facts(S.AUTH, exception="SMTPNotSupportedError", auth_mechanisms=(), message="no AUTH in EHLO"),
    ),
    case(
        "o365-bad-outbound-sender",
        "account_blocked",
        reply(S.DATA, 550, "5.1.8 Access denied, bad outbound sender", **OFFICE),
    ),
    case("account-suspended", "account_blocked", reply(S.MAIL, 554, "5.7.1 Your account has been suspended")),
    case(
        "office365-5.7.3",
        "auth_failed",
        reply(
            S.AUTH,
            535,
            "5.7.3 Authentication unsuccessful [DB8PR04CA0011.eurprd04.prod.outlook.com]",
            **OFFICE,
        ),
    ),
    case(
        "o2-portal-535",
        "auth_failed",
        reply(S.AUTH, 535, "5.7.8 Error: authentication failed", host="poczta.o2.pl", port=465),
    ),
    case(
        "postfix-dovecot-535",
        "auth_failed",
        reply(S.AUTH, 535, "5.7.8 Error: authentication failed: authentication failure"),
    ),
    case("exim-cpanel-535", "auth_failed", reply(S.AUTH, 535, "Incorrect authentication data")),
    case("mailpit-535", "auth_failed", reply(S.AUTH, 535, "5.7.8 Authentication credentials invalid")),
    case("forpsi-535-bare", "auth_failed", reply(S.AUTH, 535, "5.7.0 Nope")),
    # --- sender, whatever the stage (F32-F35)
    case(
        "interia-spf",
        "sender_policy_rejected",
        reply(S.DATA, 550, "5.7.0 [SPF] 203.0.113.5 is not allowed to send mail from domain firma.pl"),
    ),
    case(
        "gmail-5.7.26-unauthenticated",
        "sender_policy_rejected",
        reply(
            S.DATA,
            550,
            "5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail "
            "users, and has been blocked. The sender must authenticate with at least one of SPF or DKIM.",
        ),
    ),
    case(
        "gmail-5.7.26-checks",
        "sender_policy_rejected",
        reply(
            S.DATA,
            550,
            "5.7.26 This message does not have authentication information or fails to\n5.7.26 pass "
            "authentication checks.",
        ),
    ),
    case(
        "postfix-not-logged-in",
        "auth_required",
        reply(
            S.MAIL, 553, "5.7.1 <anna@firma.pl>: Sender address rejected: not logged in", authenticated=False
        ),
    ),
    case(
        "gmail-want-auth",
        "auth_required",
        reply(
            S.MAIL,
            530,
            "5.5.1 Authentication Required. Learn more at\n5.5.1  "
            "https://support.google.com/mail/?p=WantAuthError - gsmtp",
            **GMAIL,
        ),
    ),
    case("mailpit-auth-required", "auth_required", reply(S.MAIL, 530, "5.7.0 Authentication required")),
    case(
        "exim-relay-needs-auth",
        "auth_required",
        reply(S.RCPT, 550, "relay not permitted, authentication required"),
    ),
    case(
        "exchange-5.7.57",
        "auth_required",
        reply(S.MAIL, 530, "5.7.57 Client not authenticated to send mail", **OFFICE),
    ),
    case("5.7.57-other-words", "auth_required", reply(S.MAIL, 550, "5.7.57 SMTP; Client denied", **OFFICE)),
    case(
        "postfix-not-owned-at-rcpt",
        "sender_not_allowed",
        reply(
            S.RCPT,
            553,
            "5.7.1 <jan.kowalski@firma.pl>: Sender address rejected: not owned by user biuro@firma.pl",
        ),
        ctx=SHARED,
    ),
    case(
        "aiosmtpd-not-owned-at-mail",
        "sender_not_allowed",
        reply(
            S.MAIL,
            553,
            "5.7.1 <jan.kowalski@firma.pl>: Sender address rejected: not owned by user biuro@firma.pl",
        ),
        ctx=SHARED,
    ),
    case(
        "yandex-not-owned",
        "sender_not_allowed",
        reply(S.MAIL, 553, "5.7.1 Sender address rejected: not owned by auth user.", host="smtp.yandex.com"),
        ctx=SHARED,
    ),
    case(
        "forpsi-sender-rejected",
        "sender_not_allowed",
        reply(S.MAIL, 550, "5.1.0 <jan.kowalski@firma.pl> sender rejected", host="smtp.forpsi.com"),
        ctx=SHARED,
    ),
    case(
        "exchange-onprem-send-as",
        "sender_not_allowed",
        reply(S.MAIL, 550, "5.7.1 Client does not have permissions to send as this sender"),
        ctx=SHARED,
    ),
    case(
        "exchange-online-after-data",
        "sender_not_allowed",
        reply(S.DATA, 550, "5.7.60 SMTP; Client does not have permissions to send as this sender", **OFFICE),
        ctx=SHARED,
    ),
    case(
        "exchange-sendasdenied",
        "sender_not_allowed",
        reply(
            S.DATA,
            554,
            "5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to "
            "process message",
            **OFFICE,
        ),
        ctx=SHARED,
    ),
    case(
        "ses-not-verified",
        "sender_not_allowed",
        reply(
            S.DATA,
            554,
            "Message rejected: Email address is not verified. The following identities failed the check in "
            "region EU-WEST-1: jan.kowalski@firma.pl",
        ),
        ctx=SHARED,
    ),
    case(
        "5.2.252-code-only", "sender_not_allowed", reply(S.DATA, 554, "5.2.252 Denied", **OFFICE), ctx=SHARED
    ),
    case("bad-sender-syntax", "sender_invalid", reply(S.MAIL, 501, "5.1.7 Bad sender address syntax")),
    case(
        "postfix-sender-domain",
        "sender_invalid",
        reply(S.MAIL, 553, "5.1.8 <anna@firma.pl>: Sender address rejected: Domain not found"),
    ),
    case(
        "mailpit-from-parameter",
        "sender_invalid",
        reply(S.MAIL, 501, "5.5.4 Syntax error in parameters or arguments (invalid FROM parameter)"),
    ),
    case("5.1.7-other-words", "sender_invalid", reply(S.MAIL, 553, "5.1.7 The address is malformed")),
    case("mail-501", "sender_invalid", reply(S.MAIL, 501, "Syntax error")),
    case(
        "sender-rejected-unknown-domain",
        "sender_invalid",
        reply(S.MAIL, 550, "5.1.8 <anna@firma.pl> sender rejected: domain not found"),
    ),
    case(
        "sender-rejected-as-other",
        "sender_not_allowed",
        reply(S.MAIL, 553, "5.7.1 <jan.kowalski@firma.pl>: Sender address rejected: Access denied"),
        ctx=SHARED,
    ),
    case(
        "sender-rejected-own-address",
        "sender_policy_rejected",
        reply(S.MAIL, 553, "5.7.1 <anna@firma.pl>: Sender address rejected: Access denied"),
    ),
    # --- recipients (F36-F39)
    case(
        "postfix-relay", "relay_denied", reply(S.RCPT, 554, "5.7.1 <test@example.com>: Relay access denied")
    ),
    case("exchange-unable-to-relay", "relay_denied", reply(S.RCPT, 550, "5.7.1 Unable to relay")),
    case("exim-relay", "relay_denied", reply(S.RCPT, 550, "relay not permitted")),
    case("relaying-denied", "relay_denied", reply(S.RCPT, 550, "5.7.1 Relaying denied")),
    case(
        "exchange-5.7.54",
        "relay_denied",
        reply(S.RCPT, 550, "5.7.54 SMTP; Recipient domain not accepted", **OFFICE),
    ),
    case(
        "mailpit-too-many-recipients", "too_many_recipients", reply(S.RCPT, 452, "4.5.3 Too many recipients")
    ),
    case("4.5.3-other-words", "too_many_recipients", reply(S.RCPT, 452, "4.5.3 Try fewer")),
    case(
        "postgrey",
        "recipient_deferred",
        reply(
            S.RCPT,
            450,
            "4.2.0 <jan@klient.pl>: Recipient address rejected: Greylisted, see "
            "http://postgrey.schweikert.ch/help/klient.pl.html",
        ),
    ),
    case(
        "mailbox-full-temporary",
        "recipient_deferred",
        reply(S.RCPT, 452, "4.2.2 <jan@klient.pl>: Recipient address rejected: Mailbox full"),
    ),
    case(
        "mailbox-quota-permanent",
        "recipient_unknown",
        reply(S.RCPT, 552, "5.2.2 <jan@klient.pl>: Recipient address rejected: Mailbox quota exceeded"),
    ),
    # --- message (F40-F45)
    case(
        "smtputf8-missing",
        "smtputf8_required",
        facts(S.MAIL, exception="SMTPNotSupportedError", message="SMTPUTF8 not supported by server"),
    ),
    case(
        "smtputf8-local",
        "smtputf8_required",
        facts(
            S.RCPT,
            exception="UnicodeEncodeError",
            message="'ascii' codec can't encode character '\\u0142' in position 0",
        ),
    ),
    case(
        "gmail-illegal-attachment",
        "content_rejected",
        reply(
            S.DATA,
            552,
            "5.7.0 Our system detected an illegal attachment on your message. Please\n5.7.0 visit "
            "http://support.google.com/mail/?p=BlockedMessage",
            **GMAIL,
        ),
    ),
    case(
        "exchange-transport-rule",
        "content_rejected",
        reply(
            S.DATA,
            550,
            "5.7.900 TRANSPORT.RULES.RejectMessage; the message was rejected by organization policy",
            **OFFICE,
        ),
    ),
    case(
        "unsolicited",
        "content_rejected",
        reply(
            S.DATA,
            550,
            "We do not authorize the use of this system to transport unsolicited, and/or bulk e-mail.",
        ),
    ),
    case("5.7.900-code-only", "content_rejected", reply(S.DATA, 550, "5.7.900 Rejected")),
    case(
        "gmail-daily-quota",
        "quota_exceeded",
        reply(
            S.DATA, 550, "5.4.5 Daily user sending quota exceeded. a1-20020a05sm123ejr.12 - gsmtp", **GMAIL
        ),
    ),
    case(
        "o365-submission-quota",
        "quota_exceeded",
        reply(
            S.DATA,
            554,
            "5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message",
            **OFFICE,
        ),
    ),
    case(
        "ses-throttling",
        "quota_exceeded",
        reply(S.MAIL, 454, "Throttling failure: Daily message quota exceeded."),
    ),
    case(
        "ovh-too-many-emails",
        "quota_exceeded",
        reply(S.DATA, 550, "sorry, too many emails (#5.7.1)", host="ssl0.ovh.net"),
    ),
    case(
        "o365-thread-limit",
        "quota_exceeded",
        reply(S.DATA, 432, "4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded", **OFFICE),
    ),
    case("5.4.5-other-words", "quota_exceeded", reply(S.DATA, 550, "5.4.5 Daily limit reached")),
    case(
        "gmail-size",
        "message_too_large",
        reply(
            S.MAIL,
            552,
            "5.2.3 Your message exceeded Google's message size limits. Please visit\n5.2.3 "
            "https://support.google.com/mail/?p=MaxSizeError to review our size guidelines.",
            **GMAIL,
        ),
    ),
    case("postfix-size", "message_too_large", reply(S.DATA, 552, "5.3.4 Message size exceeds fixed limit")),
    case(
        "mailpit-size",
        "message_too_large",
        reply(S.DATA, 552, "5.3.4 Requested action aborted: exceeded storage allocation (1048576)"),
    ),
    case("line-too-long", "message_too_large", reply(S.DATA, 552, "message line is too long")),
    case("5.3.4-other-words", "message_too_large", reply(S.DATA, 552, "5.3.4 Rejected")),
    case("552-bare", "message_too_large", reply(S.DATA, 552, "Requested mail action aborted")),
    case(
        "postfix-user-unknown",
        "recipient_unknown",
        reply(
            S.RCPT,
            550,
            "5.1.1 <jan@klient.pl>: Recipient address rejected: User unknown in virtual mailbox table",
        ),
    ),
    case(
        "interia-account-not-found",
        "recipient_unknown",
        reply(S.RCPT, 550, "5.1.1 Account not found", host="poczta.interia.pl"),
    ),
    case(
        "mailpit-mailbox-unavailable",
        "recipient_unknown",
        reply(S.RCPT, 550, "5.1.0 Requested action not taken: mailbox unavailable"),
    ),
    case(
        "exchange-recipient-not-found",
        "recipient_unknown",
        reply(
            S.RCPT,
            550,
            "5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
            **OFFICE,
        ),
    ),
    case(
        "5.1.1-other-words", "recipient_unknown", reply(S.RCPT, 550, "5.1.1 Bad destination mailbox address")
    ),
    # --- per-stage fallbacks
    case("auth-5xx-other", "auth_failed", reply(S.AUTH, 554, "5.7.0 Access denied")),
    case("mail-5xx-as-other", "sender_not_allowed", reply(S.MAIL, 550, "5.7.1 Mail from denied"), ctx=SHARED),
    case("mail-5xx-own-address", "sender_policy_rejected", reply(S.MAIL, 550, "5.7.1 Mail from denied")),
    case("rcpt-try-later", "recipient_deferred", reply(S.RCPT, 451, "4.7.1 Please try again later")),
    case(
        "rcpt-5xx-other",
        "recipient_unknown",
        reply(S.RCPT, 550, "5.0.0 <klient@example.pl>: rejected"),
    ),
    case("data-5xx-other", "data_rejected", reply(S.DATA, 554, "5.0.0 Error: transaction failed")),
    case(
        "qq-closes-after-auth",
        "connection_dropped",
        facts(
            S.AUTH,
            exception="SMTPServerDisconnected",
            message="Connection unexpectedly closed",
            host="smtp.qq.com",
        ),
    ),
    case("data-timeout", "connection_dropped", facts(S.DATA, exception="TimeoutError", message="timed out")),
    case(
        "mail-closed",
        "connection_dropped",
        facts(S.MAIL, exception="SMTPServerDisconnected", message="Server not connected"),
    ),
    case("data-errno-reset", "connection_dropped", facts(S.DATA, exception="OSError", errno=104)),
    case(
        "mailpit-451",
        "temporary_failure",
        reply(S.DATA, 451, "4.3.0 Requested action aborted: local error in processing"),
    ),
    case(
        "gmail-421-try-later",
        "server_closing",
        reply(S.MAIL, 421, "4.7.0 Try again later, closing connection. - gsmtp", **GMAIL),
    ),
    case(
        "endless-ehlo",
        "bad_server_reply",
        facts(
            S.EHLO,
            exception="ReplyOverflow",
            overflow="lines",
            message="exceeded the limit of 100 lines per reply",
        ),
    ),
    case("huge-greeting", "bad_server_reply", facts(S.GREETING, exception="ReplyOverflow", overflow="line")),
    case(
        "garbage-after-greeting", "bad_server_reply", facts(S.AUTH, exception="NotSmtpReply", reply_code=-1)
    ),
    case(
        "pinned-certificate-changed",
        "certificate_changed",
        facts(
            S.TLS,
            exception="SSLCertVerificationError",
            verify_message="self-signed certificate",
            pinned_changed=True,
        ),
    ),
    case("greeting-450", "server_busy", reply(S.GREETING, 450, "4.3.2 Please try later")),
    case(
        "m365-basic-auth-off",
        "auth_disabled_by_provider",
        reply(S.AUTH, 535, "5.7.30 Client Submission not allowed"),
    ),
    case(
        "no-smtputf8",
        "smtputf8_required",
        facts(S.MAIL, exception="SMTPUTF8NotOffered", message="The server does not offer SMTPUTF8"),
    ),
    case(
        "size-announced",
        "message_too_large",
        facts(S.MAIL, exception="MessageExceedsSize", size_limit=200, message_size=4000),
    ),
    case(
        "sender-side-at-data",
        "sender_policy_rejected",
        reply(S.DATA, 550, "5.0.0 Sender blocked by local rules"),
    ),
    case("quota-5.4.5", "quota_exceeded", reply(S.DATA, 550, "5.4.5 Try again tomorrow")),
    case("m365-5.4.1", "relay_denied", reply(S.RCPT, 550, "5.4.1 Access denied", **OFFICE)),
    case("mail-5xx-shared-login", "sender_not_allowed", reply(S.MAIL, 550, "Not allowed"), SHARED),
    case(
        "rcpt-refusal-about-this-computer",
        "sender_policy_rejected",
        reply(S.RCPT, 550, "Rejected: your hostname has no reverse entry"),
    ),
    case("mail-out-of-sequence", "unknown_failure", reply(S.MAIL, 503, "Bad sequence of commands")),
    case("auth-535-bare", "auth_failed", reply(S.AUTH, 535, "No.")),
    case("auth-5xx-bare", "auth_failed", reply(S.AUTH, 550, "No.")),
    case("mail-4xx-bare", "temporary_failure", reply(S.MAIL, 451, "Try later")),
    case("mail-5xx-bare", "sender_policy_rejected", reply(S.MAIL, 550, "Not allowed")),
    case("password-not-text", "invalid_settings", facts(S.CONFIG, exception="NotText")),
    case(
        "auth-454-temporary",
        "temporary_failure",
        reply(S.AUTH, 454, "4.7.0 Cannot authenticate due to temporary system problem"),
    ),
    case(
        "enhanced-4-without-code",
        "temporary_failure",
        facts(S.QUIT, exception="SMTPResponseException", enhanced_code="4.3.0"),
    ),
    case(
        "data-error-without-code",
        "data_rejected",
        facts(S.DATA, exception="SMTPDataError", message="data not accepted"),
    ),
    case("something-else", "unknown_failure", facts(S.QUIT, exception="ValueError", message="something odd")),
    # --- OAuth2 sign-in: the provider's own error texts (OAuthError carries "error: description")
    *(
        case(name, code, facts(S.AUTH, exception="OAuthError", message=message), OAUTH_CTX)
        for name, code, message in (
            ("oauth-not-configured", "oauth_not_configured", "not_configured: Signing in is not set up"),
            ("oauth-not-signed-in", "oauth_sign_in_expired", "not_signed_in: no sign-in is saved"),
            (
                "entra-public-client",
                "oauth_app_not_registered",
                "invalid_client: AADSTS7000218: The request body must contain the following parameter: "
                "'client_assertion' or 'client_secret'.",
            ),
            (
                "entra-unknown-app",
                "oauth_app_not_registered",
                "unauthorized_client: AADSTS700016: Application with identifier 'x' was not found in the "
                "directory 'Firma'.",
            ),
            (
                "entra-redirect",
                "oauth_redirect_mismatch",
                "invalid_request: AADSTS50011: The redirect URI 'http://localhost:5123/' specified in the "
                "request does not match the redirect URIs configured for the application.",
            ),
            (
                "entra-wrong-tenant",
                "oauth_wrong_tenant",
                "invalid_request: AADSTS50020: User account 'jan@inna.pl' from identity provider does not "
                "exist in tenant 'Firma'.",
            ),
            (
                "entra-declined",
                "oauth_consent_required",
                "access_denied: AADSTS65004: User declined to consent.",
            ),
            (
                "entra-revoked",
                "oauth_sign_in_expired",
                "invalid_grant: AADSTS50173: The provided grant has expired due to it being revoked.",
            ),
            ("google-revoked", "oauth_sign_in_expired", "invalid_grant: Token has been expired or revoked."),
            ("oauth-offline", "oauth_server_unreachable", "network: [Errno 101] Network is unreachable"),
            ("oauth-odd", "oauth_sign_in_expired", "server_error: something else"),
        )
    ),
    # --- OAuth2 login refused by the SMTP server
    case(
        "oauth-only-password-offered",
        "oauth_not_offered",
        facts(
            S.AUTH,
            exception="SMTPException",
            message="No suitable authentication method found: the server offers no OAuth2 login "
            "(XOAUTH2 or OAUTHBEARER), only: PLAIN LOGIN",
        ),
        OAUTH_CTX,
    ),
    case(
        "oauth-m365-smtp-auth-disabled",
        "oauth_smtp_disabled",
        reply(
            S.AUTH,
            535,
            "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.",
            **OFFICE,
        ),
        OAUTH_CTX,
    ),
    case(
        "oauth-m365-5.7.139-other",
        "oauth_smtp_disabled",
        reply(
            S.AUTH,
            535,
            "5.7.139 Authentication unsuccessful, the request did not meet the criteria.",
            **OFFICE,
        ),
        OAUTH_CTX,
    ),
    case(
        "m365-5.7.30-other-wording",
        "basic_auth_retired",
        reply(S.AUTH, 535, "5.7.30 Authentication unsuccessful for client submission", **OFFICE),
    ),
    case(
        "oauth-m365-5.7.3",
        "oauth_token_rejected",
        reply(S.AUTH, 535, "5.7.3 Authentication unsuccessful", **OFFICE),
        OAUTH_CTX,
    ),
]


@pytest.mark.parametrize(("recorded", "expected", "ctx"), CASES)
def test_recorded_failure_gets_its_code(recorded: Facts, expected: str, ctx: DiagnosisContext) -> None:
    assert diagnose(recorded, ctx).code == expected


def test_every_rule_is_reached_by_a_recorded_example() -> None:
    # Each rule must be the first match for at least one example: a rule no example reaches is
    # either dead (shadowed by an earlier rule) or untested.
    reached = {match_rule(recorded, ctx).name for recorded, _, ctx in (param.values for param in CASES)}
    unreached = [rule.name for rule in RULES if rule.name not in reached and not rule.registry]
    assert unreached == []


def test_every_registered_meaning_is_what_a_bare_status_gets_at_its_stage() -> None:
    # The registry rules are data; each first reading of a status at a stage must be reachable
    # by a reply that says nothing but the status.
    seen: set[tuple[str, Stage]] = set()
    # Statuses a provider is known to use in its own way have rules of their own before these.
    overridden = {code[2:] for rule in RULES if not rule.registry for code in rule.when.enhanced}
    for meaning in REGISTRY:
        if meaning.status in overridden:
            continue
        for stage in meaning.stages or (S.MAIL, S.RCPT, S.DATA):
            if (meaning.status, stage) in seen:
                continue
            seen.add((meaning.status, stage))
            status = f"5.{meaning.status}" + (".999" if meaning.status.isdigit() else "")
            refused = reply(stage, 550, f"{status} Refused")
            assert match_rule(refused, CTX).code == meaning.code, (meaning, stage)


def test_rule_names_are_unique_and_codes_known() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert {rule.code for rule in RULES} == set(DIAGNOSIS_CODES) - {"ok"}


def test_codes_are_the_published_list_in_order() -> None:
    assert DIAGNOSIS_CODES[:5] == (
        "ok",
        "no_server_configured",
        "invalid_settings",
        "host_not_found",
        "dns_unavailable",
    )
    assert DIAGNOSIS_CODES[-3:] == ("temporary_failure", "unknown_failure", "cancelled")
    assert len(DIAGNOSIS_CODES) == len(set(DIAGNOSIS_CODES)) == 62


def test_the_last_rule_catches_everything() -> None:
    assert RULES[-1].when == When()
    assert diagnose(Facts(stage=S.QUIT), CTX).code == "unknown_failure"


@pytest.mark.parametrize("stage", [S.MAIL, S.RCPT, S.DATA])
def test_sender_login_mismatch_is_recognised_at_any_stage(stage: Stage) -> None:
    refused = reply(
        stage, 553, "5.7.1 <jan.kowalski@firma.pl>: Sender address rejected: not owned by user biuro@firma.pl"
    )
    assert diagnose(refused, SHARED).code == "sender_not_allowed"


def test_specific_rule_wins_over_generic_one() -> None:
    # "certificate verify failed" is a TLS error too, but the certificate diagnosis is the news.
    mismatch = verify_failed("Hostname mismatch, certificate is not valid for 'smtp.firma.pl'.")
    assert diagnose(mismatch, CTX).code == "certificate_name_mismatch"
    # 530 is the "log in first" code, but the text says encryption is what is missing.
    starttls_first = reply(S.MAIL, 530, "5.7.0 Must issue a STARTTLS command first", tls_active=False)
    assert diagnose(starttls_first, CTX).code == "encryption_required"
    # "relay not permitted" with "authentication required": the fix is the login.
    assert (
        diagnose(reply(S.RCPT, 550, "relay not permitted, authentication required"), CTX).code
        == "auth_required"
    )


def test_gmail_wording_from_another_host_is_an_ordinary_login_failure() -> None:
    # 535 5.7.8 means an app password only on Google's servers.
    elsewhere = reply(S.AUTH, 535, "5.7.8 Username and Password not accepted.", host="smtp.firma.pl")
    assert diagnose(elsewhere, CTX).code == "auth_failed"


def test_starttls_on_465_when_the_probe_found_nothing_is_a_greeting_timeout_elsewhere() -> None:
    silent = facts(
        S.GREETING, exception="TimeoutError", message="timed out: no greeting within 30 s", port=2525
    )
    assert diagnose(silent, CTX).code == "greeting_timeout"
    on_465 = facts(S.GREETING, exception="TimeoutError", message="timed out", port=465)
    assert diagnose(on_465, CTX).code == "plain_on_tls_port"


# --- special inputs of the contract -------------------------------------------------------------


def test_ok_wins_over_facts() -> None:
    assert diagnose(None, CTX, ok=True).code == "ok"
    assert diagnose(facts(S.QUIT), CTX, ok=True).code == "ok"


def test_missing_facts_without_ok_is_unknown() -> None:
    assert diagnose(None, CTX).code == "unknown_failure"


def test_cancel_wins_over_what_the_run_saw() -> None:
    stopped = facts(S.GREETING, exception="Cancelled", cancelled=True, implicit_tls_detected=True, port=465)
    assert diagnose(stopped, CTX).code == "cancelled"


# --- severity -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("recorded", "code"),
    [
        (reply(S.RCPT, 450, "4.2.0 Greylisted"), "recipient_deferred"),
        (reply(S.AUTH, 454, "4.7.0 Too many login attempts, please try again later."), "auth_rate_limited"),
        (reply(S.GREETING, 421, "4.7.0 Error: too many connections"), "server_busy"),
        (reply(S.DATA, 550, "5.4.5 Daily user sending quota exceeded."), "quota_exceeded"),
        (
            reply(S.DATA, 451, "4.3.0 Requested action aborted: local error in processing"),
            "temporary_failure",
        ),
    ],
)
def test_temporary_failures_are_warnings(recorded: Facts, code: str) -> None:
    result = diagnose(recorded, CTX)
    assert (result.code, result.severity, result.temporary) == (code, "warning", True)


@pytest.mark.parametrize(
    "recorded",
    [
        reply(S.AUTH, 535, "5.7.8 Authentication credentials invalid"),
        facts(S.CONNECT, exception="ConnectionRefusedError", errno=111),
        reply(S.RCPT, 550, "5.1.1 User unknown"),
    ],
)
def test_permanent_failures_are_errors(recorded: Facts) -> None:
    result = diagnose(recorded, CTX)
    assert (result.severity, result.temporary) == ("error", False)


def test_a_4xx_reply_is_temporary_whatever_its_wording() -> None:
    # "Relay access denied" with 454 is a refusal for now: never the permanent relay diagnosis.
    result = diagnose(reply(S.RCPT, 454, "4.7.1 <x@example.com>: Relay access denied"), CTX)
    assert (result.code, result.temporary, result.severity) == ("temporary_failure", True, "warning")


def test_ok_and_cancelled_severity() -> None:
    assert diagnose(None, CTX, ok=True).severity == "ok"
    cancelled = diagnose(facts(S.AUTH, cancelled=True), CTX)
    assert (cancelled.severity, cancelled.temporary) == ("warning", False)


# --- matcher building blocks --------------------------------------------------------------------


def test_enhanced_prefix_matches_whole_components() -> None:
    assert enhanced_matches("5.7.139", ("5.7.139",))
    assert enhanced_matches("5.7.8", ("5.7",))
    assert not enhanced_matches("5.7.139", ("5.7.1",))
    assert not enhanced_matches(None, ("5",))


def test_host_groups_match_on_label_boundaries() -> None:
    assert host_in("smtp.gmail.com", ("gmail.com",))
    assert host_in("gmail.com", ("gmail.com",))
    assert not host_in("smtp.notgmail.com", ("gmail.com",))


def test_unknown_starttls_offer_is_not_a_refusal() -> None:
    # starttls_offered=None means "never asked": the "not offered" rule must not fire.
    assert match_rule(facts(S.TLS, starttls_offered=None), CTX).name != "starttls_unavailable"
    assert match_rule(facts(S.TLS, starttls_offered=False), CTX).name == "starttls_unavailable"


def test_reply_phrases_are_read_across_continuation_lines() -> None:
    wrapped = reply(
        S.AUTH,
        534,
        "5.7.14 <https://accounts.google.com/x> Please log in via\n5.7.14 your web browser",
        host="smtp.example.com",
    )
    assert match_rule(wrapped, CTX).name == "auth_app_password_required/web_login"
