"""The ordered rule table: the first rule whose conditions hold decides the diagnosis.

Most specific first. Certificate and TLS-mode rules precede the generic connection rules because
their signatures also look like "could not connect"; text rules precede the per-stage fallbacks
because servers report causes late (Postfix at RCPT, Exchange after DATA). The last rule always
matches. Several rules may give one code; ``variant`` picks a more precise text for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from smtpdesk.core.diagnosis.codes import PERMANENT_CODES
from smtpdesk.core.diagnosis.matchers import (
    APP_PASSWORD_HOSTS,
    CERT_ERRORS,
    DISCONNECTS,
    GOOGLE_HOSTS,
    MICROSOFT_CONSUMER_HOSTS,
    MICROSOFT_HOSTS,
    NON_SMTP_PORTS,
    PORTAL_HOSTS,
    SSL_ERRORS,
    TIMEOUTS,
    When,
    cert_by_antivirus,
    cert_self_signed,
    cert_verify_failed,
    non_smtp_greeting,
    overflowed,
    pinned_changed,
    recipient_side,
    sender_differs_from_login,
    sender_side,
    temporary_reply,
)
from smtpdesk.core.diagnosis.model import DiagnosisContext
from smtpdesk.core.diagnosis.registry import REGISTRY
from smtpdesk.core.diagnosis.rules_oauth import LOGIN_RULES, SIGN_IN_RULES
from smtpdesk.core.model import Security
from smtpdesk.core.smtp.result import Facts, Stage


@dataclass(frozen=True)
class Rule:
    name: str  # unique; "code" or "code/why"
    code: str
    when: When
    variant: str = ""
    registry: bool = False  # the enhanced status code's registered meaning, the fallback


S = Stage
AUTO, STARTTLS, SSL, NONE = Security.AUTO, Security.STARTTLS, Security.SSL, Security.NONE
BEFORE_SMTP = (S.CONNECT, S.GREETING)
TLS_PHASE = (S.CONNECT, S.GREETING, S.TLS)
R4XX, R5XX = (400, 499), (500, 599)
# RFC 4954: 535 credentials refused, 534 mechanism too weak (Google: "log in via your browser").
CREDENTIALS_REFUSED = (534, 535)
AFTER_GREETING = (S.EHLO, S.TLS, S.AUTH, S.MAIL, S.RCPT, S.DATA, S.QUIT)
LATE = (S.MAIL, S.RCPT, S.DATA)

REGISTRY_RULES: tuple[Rule, ...] = tuple(
    Rule(
        f"{m.code}/registry {m.status}" + (f" {'/'.join(s.value for s in m.stages)}" if m.stages else ""),
        m.code,
        When(stages=m.stages, enhanced=(f"4.{m.status}", f"5.{m.status}")),
        variant=m.variant,
        registry=True,
    )
    for m in REGISTRY
)

_MAILBOX_FULL = (
    "mailbox full",
    "mailbox is full",
    "over quota",
    "mailbox quota",
    "quota exceeded for",
    "insufficient storage",
    "skrzynka jest pelna",
    "skrzynka pelna",
    "skrzynka odbiorcy jest pelna",
    "przepelniona",
    "brak miejsca w skrzynce",
)

RULES: tuple[Rule, ...] = (
    # --- the run itself --------------------------------------------------------------------------
    Rule("cancelled", "cancelled", When(cancelled=True)),
    # --- OAuth2 sign-in and token refresh (see rules_oauth) --------------------------------------
    *(Rule(*spec) for spec in SIGN_IN_RULES),
    Rule(
        "no_server_configured",
        "no_server_configured",
        When(stages=(S.CONFIG,), exceptions=("NoServerConfigured",)),
    ),
    # A password that is missing because the keychain is: the cause is the keychain, not the form.
    Rule(
        "invalid_settings/keychain_unavailable",
        "invalid_settings",
        When(stages=(S.CONFIG,), exceptions=("KeychainUnavailable",)),
        variant="keychain_unavailable",
    ),
    Rule(
        "invalid_settings/keychain_locked",
        "invalid_settings",
        When(stages=(S.CONFIG,), exceptions=("KeychainLocked",)),
        variant="keychain_locked",
    ),
    Rule(
        "invalid_settings/missing_password",
        "invalid_settings",
        When(stages=(S.CONFIG,), exceptions=("MissingPassword",)),
        variant="missing_password",
    ),
    Rule(
        "invalid_settings/port",
        "invalid_settings",
        When(stages=(S.CONFIG,), exceptions=("InvalidPort",)),
        variant="port",
    ),
    Rule(
        "invalid_settings/not_text",
        "invalid_settings",
        When(stages=(S.CONFIG,), exceptions=("NotText",)),
        variant="not_text",
    ),
    Rule(
        "invalid_settings/line_break",
        "invalid_settings",
        When(stages=(S.CONFIG,), exceptions=("InvalidValue",)),
        variant="line_break",
    ),
    Rule(
        "invalid_settings/addresses",
        "invalid_settings",
        When(stages=(S.CONFIG,), exceptions=("MissingAddress", "InvalidAddress")),
        variant="addresses",
    ),
    Rule(
        "invalid_settings/ca_file",
        "invalid_settings",
        When(stages=(S.CONFIG,), exceptions=("CaFileUnusable",)),
        variant="ca_file",
    ),
    # Runs recorded before the kind had its own name said so only in the message.
    Rule(
        "invalid_settings/ca_file_text",
        "invalid_settings",
        When(stages=(S.CONFIG,), text=("ca file",)),
        variant="ca_file",
    ),
    Rule("invalid_settings", "invalid_settings", When(stages=(S.CONFIG,))),
    # --- name resolution: a second lookup of a well-known name tells "no internet" from "no such host"
    Rule("dns_unavailable/checked", "dns_unavailable", When(stages=(S.DNS,), dns_works=False)),
    Rule("host_not_found/checked", "host_not_found", When(stages=(S.DNS,), dns_works=True)),
    Rule("dns_unavailable/errno", "dns_unavailable", When(stages=(S.DNS,), errnos=(-3, 11002))),
    Rule(
        "dns_unavailable/text",
        "dns_unavailable",
        When(stages=(S.DNS,), text=("temporary failure in name resolution",)),
    ),
    Rule("host_not_found", "host_not_found", When(stages=(S.DNS,))),
    Rule("dns_unavailable/gaierror", "dns_unavailable", When(exceptions=("gaierror",), errnos=(-3, 11002))),
    Rule("host_not_found/gaierror", "host_not_found", When(exceptions=("gaierror",))),
    # --- TCP connection -------------------------------------------------------------------------
    Rule("connection_refused/errno", "connection_refused", When(errnos=(111, 61, 10061))),
    Rule("connection_refused", "connection_refused", When(exceptions=("ConnectionRefusedError",))),
    Rule("network_unreachable/errno", "network_unreachable", When(errnos=(101, 113, 51, 65, 10051, 10065))),
    Rule(
        "network_unreachable/text",
        "network_unreachable",
        When(
            text=(
                "no route to host",
                "network is unreachable",
                "host is unreachable",
                "unreachable host",
                "unreachable network",
            )
        ),
    ),
    Rule("connect_timeout", "connect_timeout", When(stages=(S.CONNECT,), exceptions=TIMEOUTS)),
    Rule("connect_timeout/errno", "connect_timeout", When(stages=(S.CONNECT,), errnos=(110, 60, 10060))),
    # --- replies that are not replies: smtpdesk's own findings, never the server's words -------
    Rule(
        "bad_server_reply/endless",
        "bad_server_reply",
        When(checks=(overflowed,), text=("lines per reply",)),
        variant="endless",
    ),
    Rule("bad_server_reply/oversized", "bad_server_reply", When(checks=(overflowed,)), variant="oversized"),
    Rule(
        "bad_server_reply/garbled",
        "bad_server_reply",
        When(stages=AFTER_GREETING, exceptions=("NotSmtpReply",)),
        variant="garbled",
    ),
    # --- certificates (only a verifying client sees these; the texts come from OpenSSL) ---------
    Rule("certificate_changed", "certificate_changed", When(checks=(pinned_changed,))),
    Rule(
        "certificate_expired/not_yet_valid",
        "certificate_expired",
        When(checks=(cert_verify_failed,), text=("not yet valid",)),
        variant="not_yet_valid",
    ),
    Rule(
        "certificate_expired",
        "certificate_expired",
        When(checks=(cert_verify_failed,), text=("certificate has expired", "certificate expired")),
    ),
    Rule(
        "certificate_name_mismatch",
        "certificate_name_mismatch",
        When(
            checks=(cert_verify_failed,),
            text=(
                "hostname mismatch",
                "ip address mismatch",
                "not valid for",
                "doesn't match",
                "did not match",
            ),
        ),
    ),
    # A certificate OpenSSL refuses for its weak key or hash is a server too old, not an untrusted one.
    Rule(
        "tls_incompatible/weak_certificate",
        "tls_incompatible",
        When(checks=(cert_verify_failed,), text=("key too weak", "key too small", "algorithm too weak")),
    ),
    Rule(
        "certificate_untrusted/antivirus",
        "certificate_untrusted",
        When(checks=(cert_verify_failed, cert_by_antivirus)),
        variant="antivirus",
    ),
    Rule(
        "certificate_untrusted/self_signed",
        "certificate_untrusted",
        When(checks=(cert_verify_failed,), text=("self-signed", "self signed")),
        variant="self_signed",
    ),
    Rule(
        "certificate_untrusted/self_signed_cert",
        "certificate_untrusted",
        When(checks=(cert_verify_failed, cert_self_signed)),
        variant="self_signed",
    ),
    Rule("certificate_untrusted", "certificate_untrusted", When(checks=(cert_verify_failed,))),
    # --- a different service, or the security mode does not fit the port -----------------------
    Rule("not_smtp_service/greeting", "not_smtp_service", When(checks=(non_smtp_greeting,))),
    Rule("not_smtp_service/port", "not_smtp_service", When(stages=(S.GREETING, S.TLS), ports=NON_SMTP_PORTS)),
    Rule(
        "plain_on_tls_port/probe",
        "plain_on_tls_port",
        When(stages=BEFORE_SMTP, implicit_tls_detected=True, security=(AUTO, STARTTLS, NONE)),
    ),
    Rule(
        "plain_on_tls_port/465",
        "plain_on_tls_port",
        When(
            stages=(S.GREETING,), ports=(465,), security=(STARTTLS, NONE), exceptions=TIMEOUTS + DISCONNECTS
        ),
    ),
    Rule("tls_on_plain_port/probe", "tls_on_plain_port", When(stages=TLS_PHASE, plain_detected=True)),
    Rule(
        "tls_on_plain_port/reason",
        "tls_on_plain_port",
        When(
            security=(SSL, AUTO),
            ssl_reasons=(
                "WRONG_VERSION_NUMBER",
                "UNKNOWN_PROTOCOL",
                "PACKET_LENGTH_TOO_LONG",
                "RECORD_LAYER_FAILURE",
            ),
        ),
    ),
    Rule(
        "tls_on_plain_port/text",
        "tls_on_plain_port",
        When(security=(SSL, AUTO), text=("wrong version number",)),
    ),
    Rule(
        "tls_on_plain_port/eof",
        "tls_on_plain_port",
        When(
            stages=TLS_PHASE,
            security=(SSL,),
            ports=(25, 587, 2525),
            exceptions=("SSLEOFError", "SSLZeroReturnError", "ConnectionResetError"),
        ),
    ),
    # --- greeting -------------------------------------------------------------------------------
    Rule(
        "server_busy/text",
        "server_busy",
        When(
            text=(
                "too many connections",
                "too many concurrent",
                "too many simultaneous",
                "too many sessions",
                "server busy",
                "zbyt wiele polaczen",
                "za duzo polaczen",
                "zbyt duzo polaczen",
            )
        ),
    ),
    # 421 at any stage: the server is closing the session (RFC 5321 4.2.3), whatever else it says.
    Rule("server_closing", "server_closing", When(codes=(421,))),
    Rule(
        "client_blocked/text",
        "client_blocked",
        When(
            text=(
                "spamhaus",
                "blocked using",
                "blocklist",
                "blacklist",
                "dnsbl",
                "spamcop",
                "barracudacentral",
                "client host rejected",
                "reverse hostname",
                "cannot find your hostname",
                "ptr record",
                "mail sent from your ip",
                "traffic not accepted from this ip",
                "banned sending ip",
                "black list",
            )
        ),
    ),
    Rule("server_busy/greeting", "server_busy", When(stages=(S.GREETING,), code_range=R4XX)),
    Rule("client_blocked/greeting", "client_blocked", When(stages=(S.GREETING,), code_range=R5XX)),
    Rule("greeting_timeout", "greeting_timeout", When(stages=(S.GREETING,), exceptions=TIMEOUTS)),
    Rule("greeting_timeout/text", "greeting_timeout", When(stages=(S.GREETING,), text=("timed out",))),
    Rule(
        "connection_reset/errno",
        "connection_reset",
        When(stages=BEFORE_SMTP, errnos=(104, 54, 10054, 10053, 32)),
    ),
    Rule("connection_reset", "connection_reset", When(stages=BEFORE_SMTP, exceptions=DISCONNECTS)),
    # --- EHLO -----------------------------------------------------------------------------------
    Rule(
        "helo_rejected/text",
        "helo_rejected",
        When(
            text=(
                "helo command rejected",
                "ehlo command rejected",
                "helo/ehlo argument",
                "ehlo argument",
                "helo argument",
                "invalid ehlo",
                "invalid helo",
                "syntactically invalid ehlo",
                "syntactically invalid helo",
            )
        ),
    ),
    Rule("helo_rejected", "helo_rejected", When(stages=(S.EHLO,), exceptions=("SMTPHeloError",))),
    Rule("helo_rejected/reply", "helo_rejected", When(stages=(S.EHLO,), code_range=R5XX)),
    # --- encryption -----------------------------------------------------------------------------
    Rule(
        "encryption_required/text",
        "encryption_required",
        When(
            text=(
                "must issue a starttls",
                "starttls command first",
                "encryption required",
                "requires encryption",
                "tls required",
                "must use tls",
                "tls is required",
                "plaintext authentication disallowed",
                "non-secure connection",
            )
        ),
    ),
    # The client would not send a password in clear (PlaintextAuthNotAllowed) although the server
    # can encrypt.
    Rule(
        "encryption_required/plaintext",
        "encryption_required",
        When(
            stages=(S.AUTH,),
            tls_active=False,
            starttls_offered=True,
            exceptions=("PlaintextAuthNotAllowed",),
        ),
    ),
    Rule(
        "starttls_unavailable/text",
        "starttls_unavailable",
        When(
            text=("starttls extension not supported", "starttls not supported", "starttls is not supported")
        ),
    ),
    Rule("starttls_unavailable", "starttls_unavailable", When(stages=(S.TLS,), starttls_offered=False)),
    # The server offers AUTH but no encryption: the password would travel in clear, so it was not sent.
    Rule(
        "starttls_unavailable/plaintext",
        "starttls_unavailable",
        When(
            stages=(S.AUTH,),
            tls_active=False,
            exceptions=("PlaintextAuthNotAllowed",),
        ),
    ),
    Rule(
        "starttls_refused/text", "starttls_refused", When(text=("tls not available", "tls is not available"))
    ),
    Rule("starttls_refused", "starttls_refused", When(stages=(S.TLS,), code_range=(400, 599))),
    Rule(
        "tls_incompatible",
        "tls_incompatible",
        When(
            ssl_reasons=(
                "UNSUPPORTED_PROTOCOL",
                "TLSV1_ALERT_PROTOCOL_VERSION",
                "DH_KEY_TOO_SMALL",
                "SSLV3_ALERT_HANDSHAKE_FAILURE",
                "NO_PROTOCOLS_AVAILABLE",
                "NO_SHARED_CIPHER",
                "NO_CIPHERS_AVAILABLE",
                "TLSV1_ALERT_INSUFFICIENT_SECURITY",
                "UNSAFE_LEGACY_RENEGOTIATION_DISABLED",
            )
        ),
    ),
    Rule(
        "tls_incompatible/text",
        "tls_incompatible",
        When(
            stages=TLS_PHASE,
            text=(
                "unsupported protocol",
                "protocol version",
                "dh key too small",
                "handshake failure",
                "no protocols",
            ),
        ),
    ),
    Rule("tls_handshake_failed", "tls_handshake_failed", When(exceptions=SSL_ERRORS + CERT_ERRORS)),
    Rule("tls_handshake_failed/stage", "tls_handshake_failed", When(stages=(S.TLS,))),
    # --- login: provider policies before the generic "wrong password" -----------------------------
    *(Rule(*spec) for spec in LOGIN_RULES),
    Rule(
        "auth_disabled_by_provider/text",
        "auth_disabled_by_provider",
        When(
            text=(
                "smtpclientauthentication is disabled",
                "basic authentication is disabled",
                "basic authentication is not supported",
                "basic auth is disabled",
                "security defaults",
                "did not meet the criteria to be authenticated",
                "conditional access",
                "smtp auth is disabled",
                "smtp authentication is disabled",
                "dostep dla programow pocztowych jest wylaczony",
                "dostep przez programy pocztowe",
            )
        ),
    ),
    # 5.7.139 carries several causes at Microsoft (wrong password, SMTP AUTH off, a policy): only
    # the text above tells; the code alone falls through to a failed login below.
    Rule(
        "auth_disabled_by_provider/code",
        "auth_disabled_by_provider",
        When(stages=(S.AUTH,), enhanced=("5.7.30",)),
    ),
    Rule(
        "auth_disabled_by_provider/outlook_com",
        "auth_disabled_by_provider",
        When(stages=(S.AUTH,), hosts=MICROSOFT_CONSUMER_HOSTS, code_range=R5XX),
        variant="outlook_com",
    ),
    Rule(
        "auth_rate_limited",
        "auth_rate_limited",
        When(
            text=(
                "too many login",
                "too many authentication",
                "too many failed",
                "too many bad auth",
                "too many invalid",
                "login attempts",
                "authentication attempts",
                "zbyt wiele prob",
                "zbyt wiele nieudanych",
                "za duzo prob",
            )
        ),
    ),
    Rule(
        "auth_app_password_required/web_login",
        "auth_app_password_required",
        When(
            text=(
                "weblogin",
                "log in via your web browser",
                "log in with your web browser",
                "login via your web browser",
            )
        ),
        variant="web_login",
    ),
    Rule(
        "auth_app_password_required/google_5.7.14",
        "auth_app_password_required",
        When(hosts=GOOGLE_HOSTS, enhanced=("5.7.14",)),
        variant="web_login",
    ),
    Rule(
        "auth_app_password_required/text",
        "auth_app_password_required",
        When(text=("application-specific password", "app password", "invalidsecondfactor")),
    ),
    Rule(
        "auth_app_password_required/google",
        "auth_app_password_required",
        When(stages=(S.AUTH,), hosts=GOOGLE_HOSTS, codes=CREDENTIALS_REFUSED),
    ),
    Rule(
        "auth_app_password_required/provider",
        "auth_app_password_required",
        When(stages=(S.AUTH,), hosts=tuple(APP_PASSWORD_HOSTS), codes=CREDENTIALS_REFUSED),
        variant="provider",
    ),
    # Plain mechanisms are often hidden until the connection is encrypted.
    Rule(
        "encryption_required/mechanisms_hidden",
        "encryption_required",
        When(
            stages=(S.AUTH,),
            tls_active=False,
            starttls_offered=True,
            text=("no suitable authentication", "unrecognized authentication type", "mechanism"),
        ),
    ),
    Rule(
        "auth_mechanism_unsupported",
        "auth_mechanism_unsupported",
        When(
            text=(
                "no suitable authentication",
                "no supported authentication",
                "unrecognized authentication type",
                "authentication mechanism",
                "auth mechanism",
                "mechanism is too weak",
                "no mechanism available",
                "invalid authentication mechanism",
            )
        ),
    ),
    Rule(
        "auth_mechanism_unsupported/504", "auth_mechanism_unsupported", When(stages=(S.AUTH,), codes=(504,))
    ),
    Rule(
        "auth_not_offered/text",
        "auth_not_offered",
        When(
            text=(
                "auth extension not supported",
                "authentication is not allowed at this stage",
                "auth command used when not advertised",
                "authentication not enabled",
                "authentication is not enabled",
                "auth not available",
            )
        ),
    ),
    Rule("auth_not_offered/reply", "auth_not_offered", When(stages=(S.AUTH,), codes=(502, 503))),
    Rule(
        "auth_not_offered",
        "auth_not_offered",
        When(stages=(S.AUTH,), exceptions=("SMTPNotSupportedError",), has_reply=False),
    ),
    Rule(
        "account_blocked",
        "account_blocked",
        When(
            text=(
                "bad outbound sender",
                "restricted from sending",
                "account suspended",
                "account has been suspended",
                "account is suspended",
                "account disabled",
                "account is disabled",
                "account has been disabled",
                "account locked",
                "account is locked",
                "account blocked",
                "account is blocked",
                "account has been blocked",
                "sending has been disabled",
                "sending is disabled",
                "user account disabled",
                "mailbox disabled for sending",
                "konto zablokowane",
                "konto jest zablokowane",
                "konto zostalo zablokowane",
                "konto zawieszone",
                "konto jest nieaktywne",
                "banned sender",
                "spam abatement",
                "exceeded threshold",
                "blocked from sending",
                "outgoing blocked",
                "sender account is disabled",
            )
        ),
    ),
    Rule(
        "auth_failed/microsoft",
        "auth_failed",
        When(stages=(S.AUTH,), hosts=MICROSOFT_HOSTS, codes=CREDENTIALS_REFUSED),
        variant="microsoft",
    ),
    Rule(
        "auth_failed/portal",
        "auth_failed",
        When(stages=(S.AUTH,), hosts=tuple(PORTAL_HOSTS), codes=CREDENTIALS_REFUSED),
        variant="portal",
    ),
    Rule(
        "auth_failed/text",
        "auth_failed",
        When(
            stages=(S.AUTH,),
            text=(
                "authentication failed",
                "authentication failure",
                "incorrect authentication data",
                "username and password not accepted",
                "invalid credentials",
                "credentials invalid",
                "authentication credentials invalid",
                "authentication unsuccessful",
                "bad credentials",
                "invalid login",
                "login failed",
                "invalid username or password",
                "incorrect password",
                "wrong password",
                "credentials were incorrect",
                "password incorrect",
                "authentication unsuccessful",
                "bad username or password",
                "nieprawidlowy login",
                "nieprawidlowe haslo",
                "niepoprawne haslo",
                "niepoprawny login",
                "bledne haslo",
                "bledny login",
                "zle haslo",
                "blad uwierzytelniania",
                "blad logowania",
                "uwierzytelnianie nie powiodlo sie",
                "logowanie nie powiodlo sie",
                "nieudane logowanie",
            ),
        ),
    ),
    Rule(
        "smtputf8_required/not_offered",
        "smtputf8_required",
        When(exceptions=("SMTPUTF8NotOffered",)),
        variant="not_offered",
    ),
    Rule(
        "message_too_large/announced",
        "message_too_large",
        When(exceptions=("MessageExceedsSize",)),
        variant="announced",
    ),
    Rule(
        "smtputf8_required",
        "smtputf8_required",
        When(text=("smtputf8", "internationalized email", "internationalised email")),
    ),
    Rule(
        "smtputf8_required/local",
        "smtputf8_required",
        When(stages=(S.MAIL, S.RCPT), exceptions=("UnicodeEncodeError",)),
    ),
    # --- sender (MAIL FROM), whatever the stage the server reports it at -----------------------
    # SPF/DMARC texts also say "unauthenticated", so they go before the login rules.
    Rule(
        "sender_policy_rejected/spf",
        "sender_policy_rejected",
        When(
            text=(
                "spf",
                "dmarc",
                "dkim",
                "not allowed to send mail from domain",
                "sender is unauthenticated",
                "mail is unauthenticated",
            )
        ),
        variant="spf",
    ),
    Rule(
        "sender_policy_rejected/5.7.26", "sender_policy_rejected", When(enhanced=("5.7.26",)), variant="spf"
    ),
    Rule(
        "auth_required",
        "auth_required",
        When(
            text=(
                "not logged in",
                "authentication required",
                "authentication is required",
                "not authenticated",
                "unauthenticated",
                "without authentication",
                "wantautherror",
                "must authenticate",
                "auth required",
                "wymagane uwierzytelnienie",
                "wymagane uwierzytelnianie",
                "wymagane logowanie",
                "musisz sie zalogowac",
                "najpierw sie zaloguj",
                "anonymous senders",
                "anonymous mail",
                "requires authentication",
                "turn on smtp authentication",
                "must issue an auth command",
                "authentication required",
            )
        ),
    ),
    Rule("auth_required/5.7.57", "auth_required", When(enhanced=("5.7.57",))),
    Rule(
        "sender_invalid",
        "sender_invalid",
        When(
            text=(
                "bad sender address",
                "sender address syntax",
                "invalid sender",
                "invalid from",
                "from parameter",
                "sender address rejected: domain not found",
                "sender domain",
                "unknown sender",
                "nieprawidlowy adres nadawcy",
                "nieprawidlowy nadawca",
                "nieznany nadawca",
            )
        ),
    ),
    Rule(
        "sender_invalid/domain",
        "sender_invalid",
        When(stages=(S.MAIL,), text=("domain not found", "domain does not exist", "no such domain")),
    ),
    Rule(
        "sender_invalid/side",
        "sender_invalid",
        When(
            checks=(sender_side,),
            text=(
                "user unknown",
                "unknown user",
                "undeliverable address",
                "does not exist",
                "domain not found",
                "malformed",
                "verify failed",
                "verification failed",
                "no mx record",
                "null mx",
            ),
        ),
    ),
    Rule(
        "sender_not_allowed",
        "sender_not_allowed",
        When(
            text=(
                "not owned by",
                "login mismatch",
                "send as",
                "sendas",
                "sender rejected",
                "not allowed to send from",
                "not authorized to send as",
                "not authorised to send as",
                "address is not verified",
                "does not have permissions to send as",
                "nie jest wlascicielem",
                "nie mozesz wysylac jako",
                "nie masz uprawnien do wysylania",
                "nadawca niezgodny",
                "allowed senders",
                "allowed-senders",
                "not one of your addresses",
                "relaying disallowed as",
                "sender is not allowed to relay",
                "sendasdenied",
                "sendasdeniedexception",
            )
        ),
    ),
    Rule("sender_not_allowed/code", "sender_not_allowed", When(enhanced=("5.7.60", "5.2.252"))),
    Rule("sender_invalid/syntax", "sender_invalid", When(stages=(S.MAIL,), codes=(501, 555))),
    Rule(
        "sender_not_allowed/rejected",
        "sender_not_allowed",
        When(text=("sender address rejected",), checks=(sender_differs_from_login,)),
    ),
    Rule("sender_policy_rejected", "sender_policy_rejected", When(text=("sender address rejected",))),
    # --- recipients (RCPT TO) -------------------------------------------------------------------
    Rule(
        "relay_denied",
        "relay_denied",
        When(
            text=(
                "relay access denied",
                "unable to relay",
                "relaying denied",
                "relay not permitted",
                "not permitted to relay",
                "relaying not allowed",
                "relay denied",
                "relaying disallowed",
                "recipient address rejected: access denied",
                "not allowed to relay",
                "no relaying",
                "relay not allowed",
                "przekazywanie",
            )
        ),
    ),
    Rule("relay_denied/5.7.54", "relay_denied", When(enhanced=("5.7.54",))),
    Rule(
        "too_many_recipients",
        "too_many_recipients",
        When(text=("too many recipients", "recipient rate limit", "recipients limit", "recipient limit")),
    ),
    Rule("too_many_recipients/code", "too_many_recipients", When(enhanced=("4.5.3", "5.5.3"))),
    Rule(
        "recipient_deferred/greylist",
        "recipient_deferred",
        When(
            text=("greylist", "graylist", "postgrey", "greylisted"),
            code_range=R4XX,
            checks=(recipient_side,),
        ),
    ),
    Rule(
        "recipient_deferred/mailbox_full",
        "recipient_deferred",
        When(text=_MAILBOX_FULL, code_range=R4XX, checks=(recipient_side,)),
        variant="mailbox_full",
    ),
    Rule(
        "recipient_unknown/mailbox_full",
        "recipient_unknown",
        When(text=_MAILBOX_FULL, checks=(recipient_side,)),
        variant="mailbox_full",
    ),
    # --- message --------------------------------------------------------------------------------
    Rule(
        "quota_exceeded",
        "quota_exceeded",
        When(
            text=(
                "quota exceeded",
                "sending quota",
                "submissionquotaexceeded",
                "throttling failure",
                "too many emails",
                "too many messages",
                "sender thread limit",
                "sending limit",
                "rate limit",
                "message limit",
                "przekroczono limit",
                "limit wysylki",
                "limit wiadomosci",
                "dzienny limit",
                "zbyt wiele wiadomosci",
                "za duzo wiadomosci",
                "limit exceeded",
                "daily limit",
                "per hour",
                "receive limit",
                "relay limit",
                "unusual sending activity",
                "refusequota",
                "emails per hour",
            )
        ),
    ),
    Rule("quota_exceeded/5.4.5", "quota_exceeded", When(enhanced=("5.4.5",))),
    Rule(
        "content_rejected",
        "content_rejected",
        When(
            text=(
                "unsolicited",
                "spam",
                "illegal attachment",
                "prohibited attachment",
                "transport.rules",
                "organization policy",
                "organisation policy",
                "virus",
                "malware",
                "content rejected",
                "message rejected",
                "message content",
                "blocked by policy",
                "wiadomosc odrzucona",
                "podejrzenie spamu",
                "wirus",
                "niedozwolona tresc",
                "tenant allow block list",
                "external forwarding",
                "invalid mime",
                "policy reasons",
            )
        ),
    ),
    Rule("content_rejected/5.7.900", "content_rejected", When(enhanced=("5.7.900",))),
    Rule(
        "message_too_large",
        "message_too_large",
        When(
            stages=LATE,
            text=(
                "size limit",
                "message size",
                "size exceeds",
                "exceeds the size",
                "exceeds maximum size",
                "too big",
                "too large",
                "line is too long",
                "maxsubmissionexceeded",
                "exceeded storage allocation",
                "wiadomosc jest zbyt duza",
                "wiadomosc jest za duza",
                "zbyt duza wiadomosc",
                "przekracza dopuszczalny rozmiar",
                "rozmiar wiadomosci",
            ),
        ),
    ),
    Rule("message_too_large/code", "message_too_large", When(enhanced=("5.3.4", "5.2.3"))),
    Rule("message_too_large/552", "message_too_large", When(stages=(S.MAIL, S.DATA), codes=(552,))),
    Rule(
        "recipient_unknown",
        "recipient_unknown",
        When(
            stages=(S.RCPT, S.DATA),
            checks=(recipient_side,),
            text=(
                "user unknown",
                "unknown user",
                "mailbox unavailable",
                "mailbox not available",
                "recipientnotfound",
                "recipient not found",
                "no such user",
                "account not found",
                "does not exist",
                "undeliverable address",
                "unknown recipient",
                "invalid recipient",
                "no mailbox",
                "mailbox not found",
                "address rejected",
                "nie istnieje",
                "nieznany odbiorca",
                "nieznany uzytkownik",
                "brak takiego uzytkownika",
                "brak skrzynki",
                "nieprawidlowy adres odbiorcy",
            ),
        ),
    ),
    Rule(
        "relay_denied/5.4.1",
        "relay_denied",
        When(stages=(S.RCPT,), enhanced=("5.4.1",), hosts=MICROSOFT_HOSTS),
    ),
    # Any other refusal that is about the sender (it names the sender's address, or says "sender"),
    # at whichever stage the server chose to report it.
    Rule(
        "sender_not_allowed/side",
        "sender_not_allowed",
        When(stages=LATE, code_range=R5XX, checks=(sender_side, sender_differs_from_login)),
    ),
    Rule(
        "sender_policy_rejected/side",
        "sender_policy_rejected",
        When(stages=(S.RCPT, S.DATA), code_range=R5XX, checks=(sender_side,), text=("sender", "nadawc")),
    ),
    Rule("encryption_required/538", "encryption_required", When(codes=(538,))),
    # 500/502/503 after the greeting: the dialogue itself went wrong (a command out of order or
    # not known), not the account: nothing in the settings to change.
    Rule("unknown_failure/protocol", "unknown_failure", When(stages=LATE, codes=(500, 502, 503))),
    # --- the registered meaning of the enhanced status code, when no wording was recognised -------
    *REGISTRY_RULES,
    # --- per-stage fallbacks --------------------------------------------------------------------
    Rule("auth_failed/535", "auth_failed", When(codes=(535,))),
    Rule("auth_failed/stage", "auth_failed", When(stages=(S.AUTH,), code_range=R5XX)),
    Rule(
        "temporary_failure/auth", "temporary_failure", When(stages=(S.AUTH,), code_range=R4XX), variant="auth"
    ),
    Rule(
        "temporary_failure/sender",
        "temporary_failure",
        When(stages=LATE, code_range=R4XX, checks=(sender_side,)),
        variant="sender",
    ),
    Rule("sender_policy_rejected/stage", "sender_policy_rejected", When(stages=(S.MAIL,), code_range=R5XX)),
    Rule(
        "recipient_deferred",
        "recipient_deferred",
        When(stages=(S.RCPT,), code_range=R4XX, checks=(recipient_side,)),
    ),
    Rule(
        "recipient_unknown/stage",
        "recipient_unknown",
        When(stages=(S.RCPT,), code_range=R5XX, checks=(recipient_side,)),
        variant="refused",
    ),
    Rule(
        "sender_policy_rejected/rcpt",
        "sender_policy_rejected",
        When(stages=(S.RCPT,), code_range=R5XX),
    ),
    Rule("data_rejected", "data_rejected", When(stages=(S.DATA,), code_range=R5XX)),
    Rule(
        "connection_dropped/after_auth",
        "connection_dropped",
        When(stages=(S.AUTH,), exceptions=DISCONNECTS),
        variant="after_auth",
    ),
    Rule("connection_dropped/timeout", "connection_dropped", When(exceptions=TIMEOUTS), variant="timeout"),
    Rule("connection_dropped", "connection_dropped", When(exceptions=DISCONNECTS)),
    Rule("connection_dropped/errno", "connection_dropped", When(errnos=(104, 54, 10054, 10053, 32))),
    Rule("temporary_failure", "temporary_failure", When(code_range=R4XX)),
    Rule("temporary_failure/enhanced", "temporary_failure", When(enhanced=("4",))),
    # A data error without a usable reply code.
    Rule("data_rejected/exception", "data_rejected", When(exceptions=("SMTPDataError",))),
    Rule("unknown_failure", "unknown_failure", When()),
)


def match_rule(facts: Facts, ctx: DiagnosisContext, rules: tuple[Rule, ...] = RULES) -> Rule:
    """The first rule whose conditions hold (the table ends with a catch-all).

    The reply's class comes first: for a temporary (4xx) refusal, rules that would call the
    settings wrong for good are passed over.
    """
    temporary = temporary_reply(facts)
    for rule in rules:
        if temporary and rule.code in PERMANENT_CODES:
            continue
        if rule.when.matches(facts, ctx):
            return rule
    raise AssertionError("the rule table must end with a rule that always matches")
