"""``smtpdesk detect EMAIL [--json]``: which outgoing server the address's provider uses, and
from which source that came (built-in table, MX, autoconfig, SRV, probe).

Exit status: 0 settings found, 1 nothing found (or cancelled with Ctrl+C), 2 bad usage.
"""

from __future__ import annotations

import json
import sys

from smtpdesk.cli import output
from smtpdesk.cli.interruptible import run_interruptible
from smtpdesk.cli.parsing import (
    CliParser,
    HelpShown,
    UsageError,
    prescan_language,
    quote_unrecognized,
    usage_error_text,
)
from smtpdesk.core.detect.detector import AddressError, detect, domain_of
from smtpdesk.core.detect.net import Network
from smtpdesk.core.detect.results import SOURCE_NAMES, DetectionReport, Outcome
from smtpdesk.core.i18n import LANGUAGES, Lang, Msg
from smtpdesk.core.model import AuthMethod, Security
from smtpdesk.core.smtp.cancel import CancelToken

PROG = "smtpdesk detect"
EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2

_USAGE = {
    "pl": "użycie: smtpdesk detect ADRES_EMAIL [--json] [--dns-server IP[:PORT]] [--lang pl|en]",
    "en": "usage: smtpdesk detect EMAIL [--json] [--dns-server IP[:PORT]] [--lang pl|en]",
}
_T = {
    "description": Msg(
        pl="Wykrywa ustawienia serwera poczty wychodzącej dla adresu e-mail (najwyżej 5 sekund).",
        en="Detects the outgoing mail server settings for an e-mail address (5 seconds at most).",
    ),
    "epilog": Msg(
        pl="Źródła po kolei: wbudowana lista dostawców, rekordy MX, autokonfiguracja domeny, rekordy SRV, "
        "sprawdzenie smtp./mail.<domena> na portach 587 i 465. Nic nie jest zapisywane.",
        en="Sources in order: the built-in provider list, MX records, the domain's autoconfiguration, SRV "
        "records, trying smtp./mail.<domain> on ports 587 and 465. Nothing is saved.",
    ),
    "address": Msg(pl="adres e-mail", en="e-mail address"),
    "json": Msg(pl="wypisz wynik jako jeden obiekt JSON", en="print the result as one JSON object"),
    "dns": Msg(
        pl="pytaj ten serwer DNS zamiast systemowego", en="ask this DNS server instead of the system's"
    ),
    "lang": Msg(pl="język komunikatów: pl albo en", en="language: pl or en"),
    "help": Msg(pl="pokaż tę pomoc", en="show this help"),
    "unrecognized": Msg(pl="nieznane argumenty: {args}", en="unrecognized arguments: {args}"),
    "bad_dns": Msg(
        pl="--dns-server: podaj adres IP, np. 1.1.1.1 albo 127.0.0.1:5353",
        en="--dns-server: give an IP address, e.g. 1.1.1.1 or 127.0.0.1:5353",
    ),
    "found": Msg(pl="Ustawienia dla {address}", en="Settings for {address}"),
    "source": Msg(pl="Źródło", en="Source"),
    "provider": Msg(pl="Dostawca", en="Provider"),
    "host": Msg(pl="Serwer poczty wychodzącej", en="Outgoing mail server"),
    "port": Msg(pl="Port", en="Port"),
    "security": Msg(pl="Zabezpieczenie", en="Security"),
    "login": Msg(pl="Nazwa użytkownika", en="User name"),
    "oauth": Msg(pl="Logowanie", en="Sign-in"),
    "also": Msg(pl="Także", en="Also"),
    "number": Msg(
        pl="Numer serwera ({host}) podaje panel dostawcy albo e-mail powitalny.",
        en="The server number ({host}) is in the provider's panel or welcome e-mail.",
    ),
    "nothing": Msg(
        pl="Nie znaleziono ustawień dla {address}. Wpisz je ręcznie według informacji od dostawcy poczty.",
        en="No settings found for {address}. Enter them by hand from your mail provider's information.",
    ),
    "sources": Msg(pl="Co sprawdzono", en="What was checked"),
}
_OUTCOMES = {
    Outcome.FOUND: Msg(pl="znaleziono", en="found"),
    Outcome.NOTHING: Msg(pl="nic", en="nothing"),
    Outcome.FAILED: Msg(pl="błąd", en="failed"),
    Outcome.TIMED_OUT: Msg(pl="brak odpowiedzi", en="timed out"),
    Outcome.SKIPPED: Msg(pl="niepotrzebne", en="not needed"),
    Outcome.CANCELLED: Msg(pl="przerwano", en="cancelled"),
}
_SECURITY = {
    Security.SSL: "SSL/TLS",
    Security.STARTTLS: "STARTTLS",
    Security.NONE: "—",
    Security.AUTO: "auto",
}
_SIGN_IN = {
    AuthMethod.OAUTH_MICROSOFT: Msg(pl="przez Microsoft (OAuth2)", en="with Microsoft (OAuth2)"),
    AuthMethod.OAUTH_GOOGLE: Msg(
        pl="przez Google (OAuth2) albo hasłem do aplikacji", en="with Google (OAuth2) or an app password"
    ),
}


def _parser(lang: Lang) -> CliParser:
    parser = CliParser(
        prog=PROG,
        usage_block=_USAGE[lang],
        lang=lang,
        description=_T["description"].text(lang),
        epilog=_T["epilog"].text(lang),
    )
    metavar = "ADRES_EMAIL" if lang == "pl" else "EMAIL"
    parser.add_argument("address", metavar=metavar, help=_T["address"].text(lang))
    parser.add_argument("--json", action="store_true", help=_T["json"].text(lang))
    parser.add_argument("--dns-server", metavar="IP[:PORT]", help=_T["dns"].text(lang))
    parser.add_argument("--lang", metavar="pl|en", default=lang, help=_T["lang"].text(lang))
    parser.add_argument("-h", "--help", action="help", help=_T["help"].text(lang))
    return parser


def _network(value: str | None, lang: Lang) -> Network:
    if value is None:
        return Network()
    host, _, port = value.strip().rpartition(":") if value.count(":") == 1 else (value.strip(), "", "")
    host = host or value.strip()
    import ipaddress

    try:
        ipaddress.ip_address(host)
        number = int(port) if port else 53
    except ValueError:
        raise UsageError(_T["bad_dns"].text(lang)) from None
    if not 0 < number < 65536:
        raise UsageError(_T["bad_dns"].text(lang))
    return Network(nameservers=(host,), dns_port=number, addresses_by_dns=True)


def run_detect_cli(args: list[str]) -> int:
    lang = prescan_language(args)
    try:
        options, extra = _parser(lang).parse(args)
        if extra:
            raise UsageError(_T["unrecognized"].text(lang, args=quote_unrecognized(extra)))
        if options.lang not in LANGUAGES:
            raise UsageError(f"--lang: {options.lang!r}")
        lang = options.lang
        network = _network(options.dns_server, lang)
    except HelpShown:
        return EXIT_OK
    except UsageError as error:
        output.write(sys.stderr, usage_error_text(_USAGE[lang], PROG, str(error), lang))
        return EXIT_USAGE
    try:
        domain_of(options.address)
    except AddressError as refused:
        output.write(sys.stderr, usage_error_text(_USAGE[lang], PROG, refused.message.text(lang), lang))
        return EXIT_USAGE
    cancel = CancelToken()
    finished = run_interruptible(
        lambda: detect(options.address, network=network, cancel=cancel), cancel, 2.0, "smtpdesk-detect"
    )
    report = finished.value
    if not isinstance(report, DetectionReport):
        return EXIT_NOTHING
    if options.json:
        text = json.dumps(report.to_json(lang), ensure_ascii=output.needs_ascii(sys.stdout), indent=2) + "\n"
    else:
        text = format_report(report, lang)
    output.write(sys.stdout, text)
    return EXIT_OK if report.found is not None else EXIT_NOTHING


def format_report(report: DetectionReport, lang: Lang) -> str:
    lines: list[str] = []
    found = report.found
    if found is None:
        lines.append(_T["nothing"].text(lang, address=report.address))
    else:
        best = found.best
        source = SOURCE_NAMES[found.source].text(lang)
        detail = f" ({found.detail})" if found.detail and found.source.value != "builtin" else ""
        lines.append(_T["found"].text(lang, address=report.address))
        rows = [(_T["source"].text(lang), source + detail)]
        if found.provider:
            rows.append((_T["provider"].text(lang), found.provider))
        rows += [
            (_T["host"].text(lang), best.host),
            (_T["port"].text(lang), str(best.port)),
            (_T["security"].text(lang), _SECURITY[best.security]),
            (_T["login"].text(lang), best.login_for(report.address)),
        ]
        if found.oauth is not None:
            rows.append((_T["oauth"].text(lang), _SIGN_IN[found.oauth].text(lang)))
        for other in found.candidates[1:]:
            rows.append((_T["also"].text(lang), f"{other.host}:{other.port} {_SECURITY[other.security]}"))
        width = max(len(label) for label, _ in rows)
        lines += [f"  {label.ljust(width)}  {value}" for label, value in rows]
        if found.needs_server_number:
            lines.append("  " + _T["number"].text(lang, host=best.host))
    lines.append("")
    lines.append(_T["sources"].text(lang) + ":")
    names = {a.source: SOURCE_NAMES[a.source].text(lang) for a in report.attempts}
    width = max(len(n) for n in names.values())
    for attempt in report.attempts:
        outcome = _OUTCOMES[attempt.outcome].text(lang)
        said = attempt.detail.text(lang)
        detail = f" — {said}" if said and attempt.source.value != "builtin" else ""
        timing = f" ({attempt.elapsed_ms:.0f} ms)" if attempt.elapsed_ms else ""
        lines.append(f"  {names[attempt.source].ljust(width)}  {outcome}{timing}{detail}")
    return "\n".join(lines) + "\n"
