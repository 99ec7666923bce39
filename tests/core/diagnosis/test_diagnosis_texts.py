"""What the office manager reads: complete texts in both languages, with their own values filled in."""

from __future__ import annotations

import re
from typing import Any

import pytest

from smtpdesk.core.diagnosis import DIAGNOSIS_CODES, DiagnosisContext, diagnose
from smtpdesk.core.diagnosis.evaluate import render
from smtpdesk.core.diagnosis.rules import RULES
from smtpdesk.core.diagnosis.texts import TEXTS, VARIANTS
from smtpdesk.core.diagnosis.values import server_reply
from smtpdesk.core.model import ContactMode, Security
from smtpdesk.core.smtp.result import CertInfo, Facts, Stage

S = Stage
HOST, PORT = "poczta.biuro-nieruchomosci.pl", 2525
CERT = CertInfo(
    subject_cn="s12.hosting.pl",
    names=("s12.hosting.pl", "*.hosting.pl"),
    issuer="CN=R11, O=Let's Encrypt, C=US",
    not_before="2024-01-01T00:00:00+00:00",
    not_after="2024-04-01T00:00:00+00:00",
    sha256="ab" * 32,
)


def ctx(lang: str = "pl", **values: Any) -> DiagnosisContext:
    base: dict[str, Any] = {
        "host": HOST,
        "port": PORT,
        "username": "anna.nowak@biuro-nieruchomosci.pl",
        "sender": "anna.nowak@biuro-nieruchomosci.pl",
        "recipient": "klient@example.com",
        "lang": lang,
    }
    base.update(values)
    return DiagnosisContext(**base)


# Facts with every detail a text may quote: a reply, a certificate, offered mechanisms.
RICH = Facts(
    stage=S.AUTH,
    exception="SMTPAuthenticationError",
    message="(535, b'5.7.8 Authentication credentials invalid')",
    reply_code=535,
    enhanced_code="5.7.8",
    reply_text="5.7.8 Authentication credentials invalid",
    host=HOST,
    port=PORT,
    cert=CERT,
    auth_mechanisms=("NTLM",),
    starttls_offered=True,
    implicit_tls_detected=True,
)
ALL_TEXTS = [(code, "") for code in TEXTS] + list(VARIANTS)
POLISH_LETTERS = re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")


def everything(title: str, explanation: str, steps: tuple[str, ...]) -> str:
    return "\n".join((title, explanation, *steps))


def test_every_code_has_a_text_and_every_variant_a_code() -> None:
    assert set(TEXTS) == set(DIAGNOSIS_CODES)
    assert {code for code, _ in VARIANTS} <= set(DIAGNOSIS_CODES)
    used = {(rule.code, rule.variant) for rule in RULES if rule.variant}
    assert used <= set(VARIANTS), "a rule names a variant that has no text"


@pytest.mark.parametrize(("code", "variant"), ALL_TEXTS, ids=[f"{c}/{v}" if v else c for c, v in ALL_TEXTS])
@pytest.mark.parametrize("lang", ["pl", "en"])
def test_texts_are_complete_and_fully_filled_in(code: str, variant: str, lang: str) -> None:
    title, explanation, steps = render(code, variant, RICH, ctx(lang))
    assert title.strip() and explanation.strip()
    assert steps and all(step.strip() for step in steps)
    text = everything(title, explanation, steps)
    assert "{" not in text and "}" not in text
    assert "(nie podano)" not in text and "(not given)" not in text


@pytest.mark.parametrize(("code", "variant"), ALL_TEXTS, ids=[f"{c}/{v}" if v else c for c, v in ALL_TEXTS])
def test_english_differs_from_polish(code: str, variant: str) -> None:
    pl_title, pl_explanation, pl_steps = render(code, variant, RICH, ctx("pl"))
    en_title, en_explanation, en_steps = render(code, variant, RICH, ctx("en"))
    assert pl_title != en_title
    assert pl_explanation != en_explanation
    assert len(pl_steps) == len(en_steps)
    assert all(p != e for p, e in zip(pl_steps, en_steps, strict=True))
    assert POLISH_LETTERS.search(everything(pl_title, pl_explanation, pl_steps))


def test_texts_render_without_any_facts() -> None:
    for code in DIAGNOSIS_CODES:
        title, explanation, steps = render(code, "", None, ctx())
        assert "{" not in everything(title, explanation, steps)


# Everything that is not about the settings themselves names the user's server.
WITHOUT_HOST = {"no_server_configured", "invalid_settings", "cancelled"}
# Sign-in failures are about the sign-in server and the app registration, not the mail server.
WITHOUT_HOST |= {
    "oauth_not_configured",
    "oauth_consent_required",
    "oauth_app_not_registered",
    "oauth_redirect_mismatch",
    "oauth_wrong_tenant",
    "oauth_sign_in_expired",
    "oauth_server_unreachable",
}
WITH_PORT = {
    "ok",
    "connection_refused",
    "connect_timeout",
    "network_unreachable",
    "connection_reset",
    "greeting_timeout",
    "not_smtp_service",
    "tls_on_plain_port",
    "plain_on_tls_port",
    "encryption_required",
    "starttls_unavailable",
    "tls_incompatible",
    "tls_handshake_failed",
    "auth_not_offered",
    "unknown_failure",
}


@pytest.mark.parametrize("code", [c for c in DIAGNOSIS_CODES if c not in WITHOUT_HOST])
def test_polish_text_names_the_users_server(code: str) -> None:
    text = everything(*render(code, "", RICH, ctx()))
    assert HOST in text
    if code in WITH_PORT:
        assert str(PORT) in text


# --- the reference page's three errors ------------------------------------------------------------


def test_could_not_connect_is_split_into_what_really_happened() -> None:
    seen = {
        diagnose(f, ctx()).code: diagnose(f, ctx()).title
        for f in (
            Facts(stage=S.DNS, exception="gaierror", errno=-2, dns_works=True),
            Facts(stage=S.DNS, exception="gaierror", errno=-3, dns_works=False),
            Facts(stage=S.CONNECT, exception="ConnectionRefusedError", errno=111),
            Facts(stage=S.CONNECT, exception="TimeoutError", message="timed out"),
            Facts(stage=S.GREETING, implicit_tls_detected=True, security=Security.STARTTLS),
            Facts(
                stage=S.TLS, exception="SSLError", ssl_reason="WRONG_VERSION_NUMBER", security=Security.SSL
            ),
            Facts(
                stage=S.TLS,
                exception="SSLCertVerificationError",
                verify_message="certificate has expired",
                cert=CERT,
            ),
        )
    }
    assert set(seen) == {
        "host_not_found",
        "dns_unavailable",
        "connection_refused",
        "connect_timeout",
        "plain_on_tls_port",
        "tls_on_plain_port",
        "certificate_expired",
    }
    assert len(set(seen.values())) == len(seen)  # seven different headlines
    assert seen["connection_refused"] == f"Serwer {HOST} nie przyjmuje połączeń na porcie {PORT}"


AUTH_FAILED = Facts(
    stage=S.AUTH,
    exception="SMTPAuthenticationError",
    reply_code=535,
    enhanced_code="5.7.8",
    reply_text="5.7.8 Error: authentication failed: authentication failure",
)


def test_auth_failed_says_which_of_server_login_password_to_check() -> None:
    result = diagnose(AUTH_FAILED, ctx(username="anna.nowak"))
    text = everything(result.title, result.explanation, result.steps)
    assert "Serwer, login i hasło muszą do siebie pasować" in result.explanation
    assert "„Nazwa użytkownika”" in text and "„Hasło”" in text and "„Serwer poczty wychodzącej”" in text
    assert result.steps[0] == (
        "W polu „Nazwa użytkownika” wpisz pełny adres e-mail: anna.nowak@biuro-nieruchomosci.pl — większość "
        "dostawców wymaga całego adresu jako loginu."
    )
    assert "535 5.7.8 Error: authentication failed" in result.explanation  # the server's own words


def test_auth_failed_with_a_full_address_login_does_not_ask_for_one() -> None:
    result = diagnose(AUTH_FAILED, ctx())
    assert not any("pełny adres e-mail" in step for step in result.steps)


def test_auth_failed_without_a_sender_still_asks_for_the_full_address() -> None:
    result = diagnose(AUTH_FAILED, ctx(username="anna", sender=""))
    assert any("pełny adres e-mail (z @ i domeną)" in step for step in result.steps)


NOT_OWNED = Facts(
    stage=S.RCPT,
    exception="SMTPRecipientsRefused",
    reply_code=553,
    enhanced_code="5.7.1",
    reply_text="5.7.1 <jan@biuro.pl>: Sender address rejected: not owned by user biuro@biuro.pl",
)


def test_sender_not_allowed_explains_the_own_login_rule_and_agent_mode() -> None:
    shared = ctx(username="biuro@biuro.pl", sender="jan@biuro.pl", account_source="company",
                 contact_mode=ContactMode.AGENT)  # fmt: skip
    result = diagnose(NOT_OWNED, shared)
    assert result.code == "sender_not_allowed"
    assert "Konto biuro@biuro.pl może wysyłać pocztę tylko ze swojego adresu" in result.explanation
    agent_step = result.steps[0]
    for label in (
        "„Pozostałe ustawienia”",
        "„W mailach (stopka i adres mailowy):”",
        "„Kontakt do aktualnie zalogowanego agenta”",
        "„Ustawienia wysyłania poczty (SMTP)”",
        "„Pracownicy”",
    ):
        assert label in agent_step
    assert "pustą" in agent_step
    assert any("Ustaw nadawcę biuro@biuro.pl" in step for step in result.steps)


def test_sender_not_allowed_in_company_mode_asks_for_send_as_permission() -> None:
    company = ctx(username="biuro@biuro.pl", sender="jan@biuro.pl", account_source="company",
                  contact_mode=ContactMode.COMPANY)  # fmt: skip
    steps = diagnose(NOT_OWNED, company).steps
    assert not any("Kontakt do aktualnie zalogowanego agenta" in step for step in steps)
    assert any("„Kontakt do firmy / biura”" in step and "jan@biuro.pl" in step for step in steps)


def test_sender_not_allowed_for_an_employee_account_points_at_the_employee() -> None:
    own = ctx(username="jan@biuro.pl", sender="jan.kowalski@biuro.pl", account_source="employee")
    steps = diagnose(NOT_OWNED, own).steps
    assert not any("Kontakt do aktualnie zalogowanego agenta" in step for step in steps)
    assert any("adres e-mail tego pracownika" in step and "jan@biuro.pl" in step for step in steps)


# --- success ----------------------------------------------------------------------------------------


def test_ok_says_accepted_is_not_delivered() -> None:
    result = diagnose(None, ctx(), ok=True)
    assert result.title == "Serwer przyjął wiadomość testową"
    assert "nie dowód doręczenia" in result.explanation
    assert "tylko administrator serwera poczty" in result.explanation
    assert "klient@example.com" in result.steps[0] and "Spam" in result.steps[0]


def test_ok_in_english() -> None:
    result = diagnose(None, ctx("en"), ok=True)
    assert "not yet proof of delivery" in result.explanation
    assert "only the mail server's administrator" in result.explanation


def test_login_only_ok_says_the_login_works() -> None:
    result = diagnose(None, ctx(login_only=True), ok=True)
    assert result.title == "Logowanie działa"
    assert "anna.nowak@biuro-nieruchomosci.pl" in result.explanation
    assert "Żadna wiadomość nie została wysłana" in result.explanation


# --- details the user can act on ----------------------------------------------------------------


def test_certificate_texts_quote_the_certificate() -> None:
    mismatch = Facts(stage=S.TLS, exception="SSLCertVerificationError", cert=CERT,
                     verify_message=f"Hostname mismatch, certificate is not valid for '{HOST}'.")  # fmt: skip
    result = diagnose(mismatch, ctx())
    assert "s12.hosting.pl, *.hosting.pl" in result.explanation
    assert "Wpisz w polu „Serwer poczty wychodzącej” nazwę s12.hosting.pl" in result.steps[0]

    expired = Facts(stage=S.TLS, exception="SSLCertVerificationError", cert=CERT,
                    verify_message="certificate has expired")  # fmt: skip
    assert "2024-04-01" in diagnose(expired, ctx()).explanation

    self_signed = Facts(stage=S.TLS, exception="SSLCertVerificationError", cert=CERT,
                        verify_message="self-signed certificate")  # fmt: skip
    steps = diagnose(self_signed, ctx()).steps
    assert any("AB:AB:AB" in step and len(step.split(": ")[-1].rstrip(".")) == 95 for step in steps)


def test_antivirus_certificate_names_the_antivirus() -> None:
    avast = CertInfo("smtp.firma.pl", ("smtp.firma.pl",), "CN=Avast Web/Mail Shield Root", "", "", "cd" * 32)
    result = diagnose(Facts(stage=S.TLS, exception="SSLCertVerificationError", cert=avast,
                            verify_message="unable to get local issuer certificate"), ctx())  # fmt: skip
    assert result.title == "Antywirus przechwytuje szyfrowaną pocztę"
    assert "Avast Web/Mail Shield Root" in result.explanation


def test_gmail_app_password_text() -> None:
    gmail = Facts(stage=S.AUTH, reply_code=534, enhanced_code="5.7.9", host="smtp.gmail.com",
                  reply_text="5.7.9 Application-specific password required.")  # fmt: skip
    result = diagnose(gmail, ctx(host="smtp.gmail.com", username="biuro@gmail.com"))
    assert result.code == "auth_app_password_required"
    assert "smtp.gmail.com" in result.explanation
    assert any("myaccount.google.com/apppasswords" in step for step in result.steps)
    assert any("16-znakowy" in step and "„Hasło”" in step for step in result.steps)


def test_gmail_web_login_text_sends_the_user_to_the_browser() -> None:
    blocked = Facts(stage=S.AUTH, reply_code=534, enhanced_code="5.7.14", host="smtp.gmail.com",
                    reply_text="5.7.14 Please log in via your web browser and then try again.")  # fmt: skip
    result = diagnose(blocked, ctx(host="smtp.gmail.com"))
    assert result.title == "Google zablokował logowanie jako nietypowe"
    assert "przeglądarce" in result.steps[0]


def test_microsoft_text_names_authenticated_smtp() -> None:
    disabled = Facts(stage=S.AUTH, reply_code=535, enhanced_code="5.7.139", host="smtp.office365.com",
                     reply_text="5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled "
                     "for the Tenant.")  # fmt: skip
    result = diagnose(disabled, ctx(host="smtp.office365.com"))
    assert result.code == "auth_disabled_by_provider"
    assert "Authenticated SMTP" in result.steps[0] and "anna.nowak@biuro-nieruchomosci.pl" in result.steps[0]


def test_portal_login_failure_mentions_access_for_mail_programs() -> None:
    o2 = Facts(stage=S.AUTH, reply_code=535, reply_text="Authentication failed", host="poczta.o2.pl")
    result = diagnose(o2, ctx(host="poczta.o2.pl"))
    assert result.code == "auth_failed"
    assert "dostępu dla programów pocztowych" in result.steps[-1]


def test_invalid_settings_texts() -> None:
    other = diagnose(Facts(stage=S.CONFIG, exception="FieldError", message="Port musi być liczbą."), ctx())
    assert other.explanation.endswith("Port musi być liczbą.")
    missing = diagnose(Facts(stage=S.CONFIG, exception="MissingPassword"), ctx())
    assert "nie zapisano hasła" in missing.explanation and "„Hasło”" in missing.steps[0]


def test_connection_texts_do_not_quote_a_reply_that_never_came() -> None:
    refused = diagnose(Facts(stage=S.CONNECT, exception="ConnectionRefusedError", errno=111), ctx())
    assert "Odpowiedź serwera" not in refused.explanation


def test_not_smtp_service_quotes_the_greeting() -> None:
    pop3 = Facts(stage=S.GREETING, exception="SMTPConnectError", greeting="+OK Dovecot ready.",
                 reply_text="+OK Dovecot ready.", port=110)  # fmt: skip
    result = diagnose(pop3, ctx(port=110))
    assert "„+OK Dovecot ready.”" in result.explanation
    assert result.title == "Port 110 nie służy do wysyłania poczty"


def test_language_follows_the_context() -> None:
    english = diagnose(AUTH_FAILED, ctx("en"))
    assert english.title == "The server did not accept the login or password"
    assert not POLISH_LETTERS.search(english.title + english.explanation)


# --- the server's reply as quoted -------------------------------------------------------------------


def test_server_reply_is_one_line_with_code_and_status() -> None:
    gmail = Facts(stage=S.AUTH, reply_code=535, enhanced_code="5.7.8",
                  reply_text="5.7.8 Username and Password not accepted. For more information, go to\n5.7.8  "
                  "https://support.google.com/mail/?p=BadCredentials - gsmtp")  # fmt: skip
    assert server_reply(gmail) == (
        "535 5.7.8 Username and Password not accepted. For more information, go to 5.7.8 "
        "https://support.google.com/mail/?p=BadCredentials - gsmtp"
    )
    assert server_reply(Facts(stage=S.MAIL, reply_code=553, enhanced_code="5.7.1", reply_text="Denied")) == (
        "553 5.7.1 Denied"
    )
    assert server_reply(Facts(stage=S.CONNECT)) == ""


def test_long_server_reply_is_shortened() -> None:
    long = server_reply(Facts(stage=S.DATA, reply_code=550, reply_text="x " * 400))
    assert len(long) == 300 and long.endswith("…")
