"""A plain-text report of one test run, for the IT person or the mail provider.

It carries the settings (never the password), the diagnosis with its steps, the per-stage timings
and the redacted conversation with the server. Built from a fresh ``RunResult`` or from a stored
``HistoryEntry``; the GUI copies or saves it, the CLI may print it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from smtpdesk.core.i18n import Lang, Msg, language
from smtpdesk.core.model import Security
from smtpdesk.core.scrub import REDACTED as SCRUBBED
from smtpdesk.core.scrub import Scrubber
from smtpdesk.core.smtp.result import STAGE_ORDER, RunResult
from smtpdesk.core.stages import stage_name

if TYPE_CHECKING:
    from smtpdesk.core.history import HistoryEntry

REDACTED = "[UKRYTO]"


SECURITY_NAMES: dict[Security, Msg] = {
    Security.AUTO: Msg("Automatycznie", "Automatic"),
    Security.STARTTLS: Msg("STARTTLS", "STARTTLS"),
    Security.SSL: Msg("SSL/TLS", "SSL/TLS"),
    Security.NONE: Msg("Brak szyfrowania", "No encryption"),
}

_T = {
    "heading": Msg("Raport z testu poczty wychodzącej (smtpdesk)", "Outgoing mail test report (smtpdesk)"),
    "when": Msg("Data testu", "Tested at"),
    "account": Msg("Konto", "Account"),
    "kind": Msg("Rodzaj testu", "Kind of test"),
    "kind_login": Msg("tylko logowanie (bez wysyłania)", "login only (nothing sent)"),
    "kind_sender": Msg(
        "logowanie i adres nadawcy (bez wysyłania)", "login and sender address (nothing sent)"
    ),
    "kind_send": Msg("wysłanie wiadomości testowej", "sending a test message"),
    "settings": Msg("Ustawienia (bez hasła)", "Settings (without the password)"),
    "host": Msg("Serwer poczty wychodzącej", "Outgoing mail server"),
    "port": Msg("Port serwera poczty wychodzącej", "Outgoing mail server port"),
    "security": Msg("Szyfrowanie", "Encryption"),
    "security_used": Msg("użyto: {used}", "used: {used}"),
    "username": Msg("Nazwa użytkownika", "User name"),
    "password": Msg("Hasło", "Password"),
    "password_omitted": Msg("(nie jest dołączane do raportu)", "(never included in the report)"),
    "plaintext": Msg("Logowanie bez szyfrowania dozwolone", "Login without encryption allowed"),
    "yes": Msg("tak", "yes"),
    "pinned": Msg("Zaufany certyfikat (SHA-256)", "Trusted certificate (SHA-256)"),
    "sender": Msg("Nadawca", "Sender"),
    "recipient": Msg("Odbiorca", "Recipient"),
    "result": Msg("Wynik", "Result"),
    "result_ok": Msg("POWODZENIE", "SUCCESS"),
    "result_failed": Msg("BŁĄD", "FAILURE"),
    "code": Msg("Kod diagnozy", "Diagnosis code"),
    "stage": Msg("Etap", "Stage"),
    "reply": Msg("Odpowiedź serwera", "Server reply"),
    "queue_id": Msg("Identyfikator w kolejce serwera", "Server queue id"),
    "diagnosis": Msg("Diagnoza", "Diagnosis"),
    "steps": Msg("Co zrobić", "What to do"),
    "fixes": Msg("Proponowane zmiany", "Suggested changes"),
    "delivery": Msg(
        "Uwaga: przyjęcie wiadomości przez serwer to nie to samo co doręczenie. Czy wiadomość "
        "dotarła do adresata, może sprawdzić tylko administrator serwera {host}.",
        "Note: the server accepting the message is not the same as delivering it. Only the "
        "administrator of {host} can confirm whether it reached the recipient.",
    ),
    "certificate": Msg("Certyfikat serwera", "Server certificate"),
    "cert_subject": Msg("Wystawiony dla", "Issued to"),
    "cert_names": Msg("Ważny dla nazw", "Valid for names"),
    "cert_issuer": Msg("Wystawca", "Issuer"),
    "cert_valid": Msg("Ważny", "Valid"),
    "cert_self_signed": Msg("samopodpisany", "self-signed"),
    "notes": Msg("Uwagi", "Notes"),
    "timings": Msg("Czasy etapów", "Stage timings"),
    "total": Msg("Razem", "Total"),
    "transcript": Msg(
        "Zapis rozmowy z serwerem (hasła usunięte)", "Conversation with the server (passwords removed)"
    ),
    "empty_transcript": Msg("(brak — nie doszło do połączenia)", "(none — no connection was made)"),
    "dir_client": Msg("K", "C"),
    "dir_server": Msg("S", "S"),
    "dir_info": Msg("*", "*"),
}


@dataclass(frozen=True)
class ReportInput:
    """What a report shows, whichever way the run was recorded."""

    at: datetime
    account_label: str
    account_key: str
    login_only: bool
    ok: bool
    code: str
    stage: str
    title: str
    host: str
    port: int
    security: str
    username: str
    sender: str
    recipient: str
    explanation: str = ""
    steps: tuple[str, ...] = ()
    fixes: tuple[str, ...] = ()  # labels of the suggested one-click changes
    security_used: str = ""
    allow_plaintext_auth: bool = False
    pinned_fingerprint: str = ""
    server_reply: str | None = None
    queue_id: str | None = None
    timings_ms: Mapping[str, float] = field(default_factory=dict)
    elapsed_ms: float = 0.0
    transcript: Sequence[Mapping[str, Any]] = ()
    cert: Mapping[str, Any] | None = None
    notes: tuple[str, ...] = ()
    sender_checked: bool = False


def input_from_result(
    result: RunResult, *, account_label: str = "", account_key: str = "", at: datetime | None = None
) -> ReportInput:
    return input_from_flat(
        result.to_json(),
        account_label=account_label,
        account_key=account_key,
        at=at or datetime.now(timezone.utc),
    )


def input_from_entry(entry: HistoryEntry) -> ReportInput:
    flat = entry.to_json()
    # An entry keeps the security used; the one configured is there when the entry has it.
    flat["security_used"] = entry.security
    flat["security"] = entry.security_configured or entry.security
    flat["certificate"] = entry.certificate
    return input_from_flat(
        flat, account_label=entry.account_label, account_key=entry.account_key, at=entry.at
    )


def input_from_flat(
    flat: Mapping[str, Any], *, account_label: str, account_key: str, at: datetime
) -> ReportInput:
    """What a report shows, from the one flat form of a result (``RunResult.to_json``)."""
    return ReportInput(
        at=at,
        account_label=account_label,
        account_key=account_key,
        login_only=bool(flat.get("login_only")),
        ok=bool(flat.get("ok")),
        code=str(flat.get("code", "")),
        stage=str(flat.get("stage", "")),
        title=str(flat.get("title", "")),
        explanation=str(flat.get("explanation", "")),
        steps=tuple(flat.get("steps", ())),
        fixes=tuple(str(fix.get("label", "")) for fix in flat.get("fixes", ()) if fix),
        host=str(flat.get("host", "")),
        port=int(flat.get("port", 0)),
        security=str(flat.get("security", "")),
        security_used=str(flat.get("security_used", "")),
        allow_plaintext_auth=bool(flat.get("allow_plaintext_auth")),
        pinned_fingerprint=str(flat.get("pinned_fingerprint", "")),
        username=str(flat.get("username", "")),
        sender=str(flat.get("sender", "")),
        recipient=str(flat.get("recipient", "")),
        server_reply=flat.get("server_reply"),
        queue_id=flat.get("queue_id"),
        timings_ms=dict(flat.get("timings_ms", {})),
        elapsed_ms=float(flat.get("elapsed_ms", 0.0)),
        transcript=list(flat.get("transcript", ())),
        cert=flat.get("certificate"),
        notes=tuple(flat.get("notes", ())),
        sender_checked=bool(flat.get("sender_checked")),
    )


def report_for_result(
    result: RunResult,
    *,
    account_label: str = "",
    account_key: str = "",
    at: datetime | None = None,
    secrets: Iterable[str] = (),
    lang: Lang | None = None,
) -> str:
    data = input_from_result(result, account_label=account_label, account_key=account_key, at=at)
    return render(data, secrets=secrets, lang=lang)


def report_for_entry(entry: HistoryEntry, *, secrets: Iterable[str] = (), lang: Lang | None = None) -> str:
    return render(input_from_entry(entry), secrets=secrets, lang=lang)


def render(data: ReportInput, *, secrets: Iterable[str] = (), lang: Lang | None = None) -> str:
    """The report text. ``secrets`` (e.g. the password used) are scrubbed in every form they could
    take on the wire, as a second line of defence behind the engine's own redaction."""
    lang = lang or language()

    def t(key: str, **values: Any) -> str:
        return _T[key].text(lang, **values)

    lines: list[str] = [t("heading"), "=" * len(t("heading")), ""]
    label = data.account_label + (f" ({data.account_key})" if data.account_key else "")
    lines += [
        f"{t('when')}: {format_time(data.at)}",
        f"{t('account')}: {label or '—'}",
        f"{t('kind')}: {t(_kind(data))}",
        "",
        t("settings"),
        "-" * len(t("settings")),
        f"  {t('host')}: {data.host or '—'}",
        f"  {t('port')}: {data.port}",
        f"  {t('security')}: {security_text(data.security, data.security_used, lang)}",
        f"  {t('username')}: {data.username or '—'}",
        f"  {t('password')}: {t('password_omitted')}",
    ]
    if data.allow_plaintext_auth:
        lines.append(f"  {t('plaintext')}: {t('yes')}")
    if data.pinned_fingerprint:
        lines.append(f"  {t('pinned')}: {data.pinned_fingerprint}")
    lines.append(f"  {t('sender')}: {data.sender or '—'}")
    if not data.login_only:
        lines.append(f"  {t('recipient')}: {data.recipient or '—'}")

    verdict = t("result_ok") if data.ok else t("result_failed")
    lines += ["", f"{t('result')}: {verdict} — {data.title}" if data.title else f"{t('result')}: {verdict}"]
    lines.append(f"  {t('code')}: {data.code}")
    lines.append(f"  {t('stage')}: {stage_text(data.stage, lang)}")
    if data.server_reply:
        lines.append(f"  {t('reply')}: {data.server_reply}")
    if data.queue_id:
        lines.append(f"  {t('queue_id')}: {data.queue_id}")
    if data.ok and not data.login_only:
        lines += ["", t("delivery", host=data.host)]

    if data.explanation or data.steps or data.fixes:
        lines += ["", t("diagnosis"), "-" * len(t("diagnosis"))]
        if data.explanation:
            lines.append(data.explanation)
        if data.steps:
            lines += ["", f"{t('steps')}:"]
            lines += [f"  {number}. {step}" for number, step in enumerate(data.steps, start=1)]
        if data.fixes:
            lines += ["", f"{t('fixes')}:"] + [f"  - {label}" for label in data.fixes]

    lines += _details_lines(data, lang)
    return scrub("\n".join(lines) + "\n", secrets, username=data.username)


def _kind(data: ReportInput) -> str:
    if data.sender_checked:
        return "kind_sender"
    return "kind_login" if data.login_only else "kind_send"


def technical_details(data: ReportInput, *, secrets: Iterable[str] = (), lang: Lang | None = None) -> str:
    """Certificate, timings and the conversation with the server: the "Szczegóły techniczne"."""
    lines = _details_lines(data, lang or language())
    while lines and not lines[0]:
        lines.pop(0)
    return scrub("\n".join(lines) + "\n", secrets, username=data.username)


def _details_lines(data: ReportInput, lang: Lang) -> list[str]:
    def t(key: str, **values: Any) -> str:
        return _T[key].text(lang, **values)

    lines: list[str] = []
    if data.cert:
        lines += ["", t("certificate"), "-" * len(t("certificate"))]
        lines += _cert_lines(data.cert, t)

    if data.notes:
        lines += ["", f"{t('notes')}:"]
        lines += [f"  - {note}" for note in data.notes]

    lines += ["", t("timings"), "-" * len(t("timings"))]
    for stage, ms in ordered_timings(data.timings_ms):
        lines.append(f"  {stage_text(stage, lang):<28} {format_ms(ms, lang):>10}")
    lines.append(f"  {t('total'):<28} {format_ms(data.elapsed_ms, lang):>10}")

    lines += ["", t("transcript"), "-" * len(t("transcript"))]
    if not data.transcript:
        lines.append(f"  {t('empty_transcript')}")
    arrows = {"client": t("dir_client"), "server": t("dir_server")}
    for entry in data.transcript:
        arrow = arrows.get(str(entry.get("dir", "")), t("dir_info"))
        lines.append(f"  [{float(entry.get('t_ms', 0.0)):9.1f} ms] {arrow}: {entry.get('text', '')}")
    return lines


def _cert_lines(cert: Mapping[str, Any], t: Callable[..., str]) -> list[str]:
    names = ", ".join(str(n) for n in cert.get("names", ()))
    lines = [
        f"  {t('cert_subject')}: {cert.get('subject_cn', '')}",
        f"  {t('cert_names')}: {names or '—'}",
        f"  {t('cert_issuer')}: {cert.get('issuer', '')}"
        + (f" ({t('cert_self_signed')})" if cert.get("self_signed") else ""),
        f"  {t('cert_valid')}: {cert.get('not_before', '')} — {cert.get('not_after', '')}",
        f"  SHA-256: {cert.get('sha256', '')}",
    ]
    return lines


def ordered_timings(timings: Mapping[str, float]) -> list[tuple[str, float]]:
    """Timings in the order the stages happen; unknown keys keep their own order at the end."""
    order = {stage.value: index for index, stage in enumerate(STAGE_ORDER)}
    return sorted(timings.items(), key=lambda item: order.get(item[0], len(order)))


def stage_text(stage: str, lang: Lang | None = None) -> str:
    return stage_name(stage, lang)


def security_text(configured: str, used: str = "", lang: Lang | None = None) -> str:
    def name(value: str) -> str:
        try:
            return SECURITY_NAMES[Security(value)].text(lang)
        except ValueError:
            return value

    text = name(configured)
    if used and used != configured:
        text += f" ({_T['security_used'].text(lang, used=name(used))})"
    return text


def format_ms(ms: float, lang: Lang | None = None) -> str:
    """``35 ms`` below a second, ``1,2 s`` above (decimal comma in Polish)."""
    if ms < 1000:
        return f"{ms:.0f} ms"
    text = f"{ms / 1000:.1f} s"
    return text if (lang or language()) == "en" else text.replace(".", ",")


def format_time(at: datetime) -> str:
    local = at.astimezone() if at.tzinfo else at
    return local.strftime("%Y-%m-%d %H:%M:%S %Z").strip()


def scrub(text: str, secrets: Iterable[str], *, username: str = "") -> str:
    """Remove every secret from ``text`` in every form it may take (``core.scrub``), shown as
    ``REDACTED``: a second line of defence behind the engine's own redaction."""
    return Scrubber(secrets, username).scrub(text).replace(SCRUBBED, REDACTED)
