"""What ``smtpdesk check`` prints: the stages as they happen and the diagnosis for a person, or
one JSON object for a script."""

from __future__ import annotations

import json
import shlex
from typing import Any, TextIO

from smtpdesk.core.diagnosis.model import Fix, FixKind
from smtpdesk.core.i18n import Lang, Msg
from smtpdesk.core.model import Security, SmtpAccount
from smtpdesk.core.scrub import Scrubber
from smtpdesk.core.smtp.result import ProgressEvent, RunResult, Stage, StageState
from smtpdesk.core.stages import STAGE_NAMES, stage_name

_SECURITY_LABEL: dict[Security, Msg] = {
    Security.AUTO: Msg(pl="auto", en="auto"),
    Security.STARTTLS: Msg(pl="STARTTLS", en="STARTTLS"),
    Security.SSL: Msg(pl="SSL/TLS", en="SSL/TLS"),
    Security.NONE: Msg(pl="bez szyfrowania", en="no encryption"),
}

_T = {
    "server": Msg(pl="Serwer:", en="Server:"),
    "login": Msg(pl="Login:", en="Login:"),
    "no_login": Msg(pl="(bez logowania)", en="(no login)"),
    "sender": Msg(pl="Nadawca:", en="Sender:"),
    "recipient": Msg(pl="Odbiorca:", en="Recipient:"),
    "account": Msg(pl="Konto:", en="Account:"),
    "mode_login": Msg(pl="Sprawdzam tylko logowanie.", en="Checking the login only."),
    "mode_connect": Msg(
        pl="Sprawdzam tylko połączenie i szyfrowanie (bez logowania).",
        en="Checking only the connection and encryption (no login).",
    ),
    "skipped": Msg(pl="pominięto", en="skipped"),
    "steps": Msg(pl="Co zrobić:", en="What to do:"),
    "fix": Msg(pl="Proponowane zmiany:", en="Suggested changes:"),
    "fix_options": Msg(pl="w poleceniu:", en="on the command line:"),
    "reply": Msg(pl="Odpowiedź serwera:", en="Server reply:"),
    "certificate": Msg(pl="Certyfikat serwera:", en="Server certificate:"),
    "cert_names": Msg(pl="  wystawiony dla: {names}", en="  issued for: {names}"),
    "cert_issuer": Msg(pl="  wystawca: {issuer}", en="  issuer: {issuer}"),
    "cert_valid": Msg(pl="  ważny od {start} do {end}", en="  valid from {start} to {end}"),
    "cert_sha": Msg(pl="  SHA-256: {sha}", en="  SHA-256: {sha}"),
    "queue_id": Msg(pl="Identyfikator w kolejce serwera: {id}", en="Server queue ID: {id}"),
    "notes": Msg(pl="Uwagi:", en="Notes:"),
    "code": Msg(pl="Kod: {code} · czas {ms} ms", en="Code: {code} · time {ms} ms"),
    "code_only": Msg(pl="Kod: {code}", en="Code: {code}"),
}


def _t(key: str, lang: Lang, **values: Any) -> str:
    return _T[key].text(lang, **values)


def security_label(security: Security, lang: Lang) -> str:
    return _SECURITY_LABEL[security].text(lang)


def _paragraphs(text: str, indent: str = "") -> str:
    # Not re-wrapped: a host name, address or command in the text must stay whole for copying,
    # and the terminal wraps long lines anyway.
    return "\n".join(indent + line.strip() for line in text.splitlines() if line.strip())


def write(stream: TextIO, text: str) -> None:
    """Write without ever failing on a console that cannot show ✓ or Polish letters."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding, "replace"))
    stream.flush()


def format_header(
    account: SmtpAccount,
    sender: str,
    recipient: str,
    *,
    login_only: bool,
    lang: Lang,
    account_label: str = "",
) -> str:
    lines = []
    if account_label:
        lines.append(f"{_t('account', lang)} {account_label}")
    if account.configured:
        security = security_label(account.resolved_security(), lang)
        if account.security is Security.AUTO:
            security = f"auto: {security}"
        lines.append(f"{_t('server', lang)} {account.host}:{account.port} ({security})")
        lines.append(f"{_t('login', lang)} {account.username or _t('no_login', lang)}")
    if login_only:
        lines.append(_t("mode_login" if account.username else "mode_connect", lang))
    else:
        if sender:
            lines.append(f"{_t('sender', lang)} {sender}")
        if recipient:
            lines.append(f"{_t('recipient', lang)} {recipient}")
    return "\n".join(lines) + "\n\n"


class ProgressPrinter:
    """Prints a line as each stage ends. On a terminal the running stage shows as ``… stage``."""

    def __init__(self, stream: TextIO, lang: Lang) -> None:
        self.stream = stream
        self.lang = lang
        self.live = bool(getattr(stream, "isatty", lambda: False)())
        self._pending = ""

    def __call__(self, event: ProgressEvent) -> None:
        if event.state is StageState.STARTED:
            if self.live:
                self._pending = f"  … {stage_name(event.stage, self.lang)}"
                write(self.stream, self._pending)
            return
        write(self.stream, self._clear() + format_progress(event, self.lang) + "\n")

    def finish(self) -> None:
        """Remove a ``… stage`` line left by a run that ended inside that stage."""
        if self._pending:
            write(self.stream, self._clear())

    def _clear(self) -> str:
        if not self._pending:
            return ""
        blank = "\r" + " " * len(self._pending) + "\r"
        self._pending = ""
        return blank


def format_progress(event: ProgressEvent, lang: Lang) -> str:
    """One line per finished stage, e.g. ``✓ Łączenie   12 ms  127.0.0.1``."""
    # Names padded to the longest one, so the times line up.
    width = max(len(name.text(lang)) for name in STAGE_NAMES.values())
    name = stage_name(event.stage, lang)
    if event.state is StageState.SKIPPED:
        line = f"– {name:<{width}} {_t('skipped', lang)}"
    else:
        mark = "✓" if event.state is StageState.OK else "✗"
        duration = event.duration_ms if event.duration_ms is not None else 0.0
        line = f"{mark} {name:<{width}}{duration:>6.0f} ms"
    return f"{line}  {event.detail}" if event.detail else line


def fix_options(fix: Fix) -> str:
    """The command-line options that make the same change as a one-click fix ("" if none do)."""
    params = fix.params
    words: list[str] = []
    if fix.kind in (FixKind.SET_SECURITY, FixKind.SET_PORT):
        for name in ("security", "port"):
            if name in params:
                words += [f"--{name}", str(params[name])]
    elif fix.kind is FixKind.SET_HOST and params.get("host"):
        words = ["--host", str(params["host"])]
    elif fix.kind is FixKind.SET_USERNAME and params.get("username"):
        words = ["--user", str(params["username"])]
    elif fix.kind is FixKind.SET_SENDER and params.get("sender"):
        words = ["--from", str(params["sender"])]
    return shlex.join(words)


def format_result(result: RunResult, lang: Lang, *, option_hints: bool = False) -> str:
    """The outcome for a person; ``option_hints`` adds the options that apply each suggested fix."""
    d = result.diagnosis
    mark = "✓" if result.ok else "✗"
    out = ["", f"{mark} {d.title if d else result.code}"]
    if d and d.explanation:
        out.append(_paragraphs(d.explanation))
    if d and d.steps:
        out += ["", _t("steps", lang)]
        for number, step in enumerate(d.steps, start=1):
            prefix = f"  {number}. "
            out.append(prefix + _paragraphs(step, " " * len(prefix)).lstrip())
    if d and d.fixes:
        out += ["", _t("fix", lang)]
        for fix in d.fixes:
            options = fix_options(fix) if option_hints else ""
            out.append(f"  - {fix.label}" + (f"  ({_t('fix_options', lang)} {options})" if options else ""))
    if result.server_reply:
        out += ["", _t("reply", lang)] + ["  " + line for line in result.server_reply.splitlines()]
    cert = result.facts.cert if result.facts else None
    # The certificate matters to a person only when it is why the connection failed.
    if cert and not result.ok and result.stage is Stage.TLS:
        out += ["", _t("certificate", lang)]
        out.append(_t("cert_names", lang, names=", ".join(cert.names) or cert.subject_cn))
        out.append(_t("cert_issuer", lang, issuer=cert.issuer))
        out.append(_t("cert_valid", lang, start=cert.not_before, end=cert.not_after))
        out.append(_t("cert_sha", lang, sha=cert.sha256))
    if result.queue_id:
        out += ["", _t("queue_id", lang, id=result.queue_id)]
    if result.notes:
        out += ["", _t("notes", lang)] + [
            "  - " + _paragraphs(note, "    ").lstrip() for note in result.notes
        ]
    if result.stage is Stage.CONFIG:  # nothing was sent: no time to report
        out += ["", _t("code_only", lang, code=result.code)]
    else:
        out += ["", _t("code", lang, code=result.code, ms=f"{result.elapsed_ms:.0f}")]
    return "\n".join(out) + "\n"


def format_json(result: RunResult, *, ascii_only: bool, scrubber: Scrubber | None = None) -> str:
    """Exactly one JSON object (``RunResult.to_json``), times to a tenth of a millisecond, every
    string passed through ``scrubber`` when one is given."""
    flat = result.to_json()
    flat["timings_ms"] = {k: round(v, 1) for k, v in flat["timings_ms"].items()}
    flat["elapsed_ms"] = round(flat["elapsed_ms"], 1)
    document = scrubber.scrub_json(flat) if scrubber is not None else flat
    return json.dumps(document, ensure_ascii=ascii_only, indent=2) + "\n"


def needs_ascii(stream: TextIO) -> bool:
    """JSON is written as UTF-8 text where the stream can carry it, with \\u escapes elsewhere."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding not in ("utf8", "utf8sig")
