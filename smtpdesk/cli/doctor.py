"""``smtpdesk doctor``: the stored mail configuration checked against the help page's rules.

Exit status: 0 no errors (warnings and notes may be listed), 1 at least one error, 2 bad usage or
settings that cannot be opened.
"""

from __future__ import annotations

import json
import sys
import textwrap

from smtpdesk.cli import output
from smtpdesk.cli.parsing import (
    CliParser,
    HelpShown,
    UsageError,
    prescan_language,
    quote_unrecognized,
    usage_error_text,
)
from smtpdesk.cli.saved_settings import open_saved
from smtpdesk.core.doctor import Finding, Severity, counts, run_doctor, summary
from smtpdesk.core.i18n import LANGUAGES, Lang, Msg
from smtpdesk.core.model import OfficeSettings
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import LocationError, StoreError

PROG = "smtpdesk doctor"
EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2

_USAGE = {
    "pl": "użycie:\n  smtpdesk doctor [--json] [--data-dir DIR | --database URL] [--lang pl|en]",
    "en": "usage:\n  smtpdesk doctor [--json] [--data-dir DIR | --database URL] [--lang pl|en]",
}

_T = {
    "description": Msg(
        pl=(
            "Sprawdza zapisane ustawienia poczty (firma, pracownicy, hasła w pęku kluczy) według zasad\n"
            "strony pomocy i typowych błędów. Nie łączy się z żadnym serwerem."
        ),
        en=(
            "Checks the saved mail settings (company, employees, passwords in the keychain) against the\n"
            "help page's rules and common mistakes. Connects to no server."
        ),
    ),
    "epilog": Msg(
        pl="Kod wyjścia: 0 – brak błędów, 1 – znaleziono błędy, 2 – złe użycie.",
        en="Exit status: 0 – no errors, 1 – errors found, 2 – bad usage.",
    ),
    "json": Msg(pl="wynik jako jeden obiekt JSON", en="print one JSON object"),
    "data_dir": Msg(pl="katalog z ustawieniami programu", en="the program's settings directory"),
    "database": Msg(
        pl="baza biura zamiast pliku lokalnego, np. postgresql://smtpdesk@serwer/biuro",
        en="an office database instead of the local file, e.g. postgresql://smtpdesk@server/office",
    ),
    "lang": Msg(pl="język komunikatów (pl albo en)", en="language of the messages (pl or en)"),
    "help": Msg(pl="pokaż tę pomoc", en="show this help"),
    "heading": Msg(pl="Doktor konfiguracji: {summary}", en="Configuration doctor: {summary}"),
    "fix": Msg(
        pl="Do naprawienia jednym kliknięciem w oknie „Doktor konfiguracji”: {label}",
        en='One-click fix in the "Configuration doctor" window: {label}',
    ),
    "unrecognized": Msg(pl="nieznane argumenty: {args}", en="unrecognized arguments: {args}"),
    "bad_lang": Msg(
        pl="nieznany język {value!r}; dostępne: pl, en",
        en="unknown language {value!r}; available: pl, en",
    ),
    "cannot_open": Msg(
        pl="nie można otworzyć ustawień w {path}: {error}",
        en="cannot open the settings in {path}: {error}",
    ),
}

_BADGES: dict[Severity, Msg] = {
    Severity.ERROR: Msg(pl="BŁĄD", en="ERROR"),
    Severity.WARNING: Msg(pl="UWAGA", en="WARNING"),
    Severity.INFO: Msg(pl="INFO", en="INFO"),
}


def _parser(lang: Lang) -> CliParser:
    parser = CliParser(
        prog=PROG,
        usage_block=_USAGE[lang],
        lang=lang,
        description=_T["description"].text(lang),
        epilog=_T["epilog"].text(lang),
    )
    parser.add_argument("--json", action="store_true", help=_T["json"].text(lang))
    parser.add_argument("--data-dir", metavar="DIR", help=_T["data_dir"].text(lang))
    parser.add_argument("--database", metavar="URL", help=_T["database"].text(lang))
    parser.add_argument("--lang", metavar="pl|en", default=lang, help=_T["lang"].text(lang))
    parser.add_argument("-h", "--help", action="help", help=_T["help"].text(lang))
    return parser


def run_doctor_cli(args: list[str]) -> int:
    """``smtpdesk doctor`` with ``args`` (the words after "doctor"); returns the exit status."""
    lang = prescan_language(args)
    try:
        options, extra = _parser(lang).parse(args)
    except HelpShown:
        return EXIT_OK
    except UsageError as error:
        _usage_error(str(error), lang)
        return EXIT_USAGE
    if extra:
        _usage_error(_T["unrecognized"].text(lang, args=quote_unrecognized(extra)), lang)
        return EXIT_USAGE
    if options.lang not in LANGUAGES:
        _usage_error(_T["bad_lang"].text(lang, value=options.lang), lang)
        return EXIT_USAGE
    lang = options.lang
    try:
        findings = _diagnose(options.data_dir, options.database)
    except (StoreError, LocationError) as error:
        output.write(sys.stderr, f"{PROG}: {error.message.text(lang)}\n")
        return EXIT_USAGE
    except OSError as error:
        message = _T["cannot_open"].text(lang, path=options.data_dir or "", error=error)
        output.write(sys.stderr, f"{PROG}: {message}\n")
        return EXIT_USAGE
    if options.json:
        document = {"findings": [f.to_json(lang) for f in findings], "counts": counts(findings)}
        text = json.dumps(document, ensure_ascii=output.needs_ascii(sys.stdout), indent=2) + "\n"
        output.write(sys.stdout, text)
    else:
        output.write(sys.stdout, format_findings(findings, lang))
    return EXIT_ERRORS if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK


def _diagnose(data_dir: str | None, database: str | None) -> list[Finding]:
    """Reads the saved settings (never creating anything: a mistyped --data-dir is an error)."""
    opened = open_saved(data_dir, database)
    if opened is None:
        return run_doctor(OfficeSettings(), [], SecretStore())
    try:
        settings = opened.store.load_settings()
        employees = opened.store.list_employees()
        return run_doctor(settings, employees, opened.secrets)
    finally:
        opened.store.close()


def format_findings(findings: list[Finding], lang: Lang) -> str:
    """The findings for a person: a heading, then each finding with its explanation and fix."""
    lines = [_T["heading"].text(lang, summary=summary(findings, lang)), ""]
    for finding in findings:
        lines.append(f"[{_BADGES[finding.severity].text(lang)}] {finding.title.text(lang)}")
        lines.extend(
            textwrap.wrap(
                finding.explanation.text(lang), width=96, initial_indent="    ", subsequent_indent="    "
            )
        )
        if finding.fix is not None:
            fix = _T["fix"].text(lang, label=finding.fix.label.text(lang))
            lines.extend(textwrap.wrap(fix, width=96, initial_indent="    ", subsequent_indent="    "))
        lines.append(f"    ({finding.code})")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _usage_error(message: str, lang: Lang) -> None:
    output.write(sys.stderr, usage_error_text(_USAGE[lang], PROG, message, lang))
