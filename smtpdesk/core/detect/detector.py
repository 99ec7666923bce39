"""``detect(address)``: the outgoing server for an e-mail address, from the most trusted source
that knows it, within a fixed time.

Order of trust: the built-in provider table (no network), the domain's MX records, its autoconfig
file, its SRV records, and last a probe of smtp./mail.<domain> on 587 and 465. The network
sources run at the same time (the probe joins once the others have nothing, or after
``PROBE_DELAY`` of the budget) and the answer is the first source in that order that found
something once every source before it has finished. When the budget runs out, the best answer so
far is taken and the rest is reported as "timed out". Nothing here changes any setting: the caller
shows the report and lets the user decide.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from smtpdesk.core.detect import providers
from smtpdesk.core.detect.net import Dns, DnsFailure, Network, remaining
from smtpdesk.core.detect.results import (
    NO_DETAIL,
    SOURCE_ORDER,
    Attempt,
    Detected,
    DetectionReport,
    Outcome,
    Source,
    SourceTimeout,
    joined,
    verbatim,
)
from smtpdesk.core.detect.sources import SOURCES, SourceAnswer
from smtpdesk.core.i18n import Msg
from smtpdesk.core.smtp.cancel import Cancelled, CancelToken

DEFAULT_BUDGET = 5.0
# Share of the budget after which the probe starts even while DNS and HTTP are still out.
PROBE_DELAY = 0.4
_TICK = 0.05

MSG_NO_ADDRESS = Msg(
    pl="Wpisz pełny adres e-mail (np. jan@firma.pl), aby wykryć ustawienia",
    en="Enter a full e-mail address (e.g. jan@firma.pl) to detect the settings",
)
NOT_IN_TABLE = Msg(pl="{domain}: nie ma na liście", en="{domain} is not in the table")
NO_ANSWER_WITHIN = Msg(pl="brak odpowiedzi w ciągu {seconds} s", en="no answer within {seconds} s")
MSG_BAD_DOMAIN = Msg(
    pl="„{domain}” nie jest poprawną nazwą domeny",
    en="“{domain}” is not a valid domain name",
)


class AddressError(ValueError):
    def __init__(self, message: Msg, **values: object) -> None:
        self.message = Msg(pl=message.pl.format(**values), en=message.en.format(**values))
        super().__init__(self.message.en)

    def __str__(self) -> str:  # shown to a person: in the language of the program
        return self.message.text()


def domain_of(address: str) -> str:
    """The domain of ``address`` in the ASCII form DNS uses (AddressError when there is none)."""
    text = address.strip()
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain or any(c.isspace() or c in "\r\n\0" for c in text):
        raise AddressError(MSG_NO_ADDRESS)
    domain = domain.rstrip(".").lower()
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise AddressError(MSG_BAD_DOMAIN, domain=domain) from None
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(0 < len(label) < 64 for label in labels) or len(ascii_domain) > 253:
        raise AddressError(MSG_BAD_DOMAIN, domain=domain)
    return ascii_domain


AttemptCallback = Callable[[Attempt], None]


class _Runs:
    """The network sources running side by side, and what each has said so far."""

    def __init__(self, domain: str, address: str, dns_client: Dns, deadline: float) -> None:
        self.domain, self.address, self.dns, self.deadline = domain, address, dns_client, deadline
        self.cancel = CancelToken()
        self.lock = threading.Lock()
        self.changed = threading.Event()
        self.started: dict[Source, float] = {}
        self.answers: dict[Source, tuple[Outcome, SourceAnswer | None, Msg, float]] = {}

    def start(self, source: Source) -> None:
        self.started[source] = time.monotonic()
        threading.Thread(
            target=self._run, args=(source,), name=f"smtpdesk-detect-{source.value}", daemon=True
        ).start()

    def _run(self, source: Source) -> None:
        began = self.started[source]
        outcome, answer, detail = Outcome.FAILED, None, NO_DETAIL
        try:
            answer = SOURCES[source](self.domain, self.address, self.dns, self.deadline, self.cancel)
            outcome = Outcome.FOUND if answer.detected is not None else Outcome.NOTHING
            detail = answer.detail
        except Cancelled:
            outcome, detail = Outcome.CANCELLED, NO_DETAIL
        except DnsFailure as error:
            outcome = Outcome.TIMED_OUT if error.timed_out else Outcome.FAILED
            detail = joined((verbatim("DNS"), error.reason), ": ")
        except SourceTimeout as error:
            outcome, detail = Outcome.TIMED_OUT, error.reason
        except TimeoutError as error:
            outcome, detail = Outcome.TIMED_OUT, verbatim(str(error))
        except Exception as error:  # a source's own failure is one line of the report
            detail = verbatim(f"{type(error).__name__}: {error}")
        with self.lock:
            self.answers[source] = (outcome, answer, detail, (time.monotonic() - began) * 1000.0)
        self.changed.set()

    def snapshot(self) -> dict[Source, tuple[Outcome, SourceAnswer | None, Msg, float]]:
        with self.lock:
            return dict(self.answers)


def _decide(
    order: tuple[Source, ...], answers: dict[Source, tuple[Outcome, SourceAnswer | None, Msg, float]]
) -> Source | None:
    """The first source that found something, once all before it have finished; else None."""
    for source in order:
        if source not in answers:
            return None
        if answers[source][0] is Outcome.FOUND:
            return source
    return None


def detect(
    address: str,
    *,
    network: Network | None = None,
    budget: float = DEFAULT_BUDGET,
    cancel: CancelToken | None = None,
    on_attempt: AttemptCallback | None = None,
) -> DetectionReport:
    """What the sources say about ``address`` (``AddressError`` when it is not one).

    ``on_attempt`` is called (on the caller's thread) as each source's answer is settled, in no
    particular order; ``cancel`` stops everything within about 50 ms.
    """
    domain = domain_of(address)
    started = time.monotonic()
    deadline = started + budget
    cancel = cancel or CancelToken()
    attempts: dict[Source, Attempt] = {}

    def settle(attempt: Attempt) -> None:
        attempts[attempt.source] = attempt
        if on_attempt is not None:
            on_attempt(attempt)

    def report(found: Detected | None, cancelled: bool = False) -> DetectionReport:
        for source in SOURCE_ORDER:
            if source not in attempts:
                settle(Attempt(source, Outcome.SKIPPED))
        return DetectionReport(
            address=address.strip(),
            domain=domain,
            found=found,
            attempts=tuple(attempts[s] for s in SOURCE_ORDER),
            elapsed_ms=(time.monotonic() - started) * 1000.0,
            cancelled=cancelled,
        )

    builtin = providers.by_domain(domain)
    if builtin is not None:
        settle(Attempt(Source.BUILTIN, Outcome.FOUND, 0.0, verbatim(builtin.name)))
        first = builtin.candidates[0]
        return report(
            Detected(
                source=Source.BUILTIN,
                candidates=builtin.candidates,
                provider=builtin.name,
                detail=builtin.source,
                needs_server_number=builtin.needs_server_number,
                oauth=providers.oauth_for_host(first.host),
                note=builtin.note,
            )
        )
    not_listed = Msg(pl=NOT_IN_TABLE.pl.format(domain=domain), en=NOT_IN_TABLE.en.format(domain=domain))
    settle(Attempt(Source.BUILTIN, Outcome.NOTHING, 0.0, not_listed))

    try:
        dns_client = Dns(network or Network())
    except DnsFailure as error:
        for source in (Source.MX, Source.SRV):
            settle(Attempt(source, Outcome.FAILED, 0.0, joined((verbatim("DNS"), error.reason), ": ")))
        dns_client = None
    network_sources = tuple(s for s in SOURCE_ORDER[1:] if s not in attempts)
    if dns_client is None:
        return report(None)

    runs = _Runs(domain, address.strip(), dns_client, deadline)
    early = tuple(s for s in network_sources if s is not Source.PROBE)
    for source in early:
        runs.start(source)
    probe_at = started + budget * PROBE_DELAY
    try:
        while True:
            runs.changed.wait(_TICK)
            runs.changed.clear()
            if cancel.cancelled:
                runs.cancel.cancel()
                for source in network_sources:
                    if source not in attempts:
                        settle(Attempt(source, Outcome.CANCELLED))
                return report(None, cancelled=True)
            answers = runs.snapshot()
            for source, (outcome, _answer, detail, elapsed) in answers.items():
                if source not in attempts:
                    settle(Attempt(source, outcome, elapsed, detail))
            if Source.PROBE in network_sources and Source.PROBE not in runs.started:
                earlier_empty = all(s in answers and answers[s][0] is not Outcome.FOUND for s in early)
                if earlier_empty or (time.monotonic() >= probe_at and _decide(early, answers) is None):
                    runs.start(Source.PROBE)
            winner = _decide(network_sources, answers)
            if winner is not None:
                break
            if all(s in answers for s in network_sources):
                break
            if remaining(deadline) <= 0:
                break
    finally:
        runs.cancel.cancel()  # the sources still out stop at once; their answers are not needed
    answers = runs.snapshot()
    for source in network_sources:
        if source in attempts:
            continue
        if source in answers:
            outcome, _answer, detail, elapsed = answers[source]
            settle(Attempt(source, outcome, elapsed, detail))
        elif source in runs.started:
            elapsed = (time.monotonic() - runs.started[source]) * 1000.0
            waited = Msg(
                pl=NO_ANSWER_WITHIN.pl.format(seconds=f"{budget:g}"),
                en=NO_ANSWER_WITHIN.en.format(seconds=f"{budget:g}"),
            )
            settle(Attempt(source, Outcome.TIMED_OUT, elapsed, waited))
    found = None
    for source in network_sources:
        entry = answers.get(source)
        if entry is not None and entry[0] is Outcome.FOUND and entry[1] is not None:
            found = entry[1].detected
            break
    if found is not None:
        # Sources after the winner were not needed, whatever they were doing.
        after = SOURCE_ORDER[SOURCE_ORDER.index(found.source) + 1 :]
        for source in after:
            current = attempts.get(source)
            if current is None or current.outcome in (Outcome.TIMED_OUT, Outcome.CANCELLED):
                attempts[source] = Attempt(source, Outcome.SKIPPED, current.elapsed_ms if current else 0.0)
    return report(found)
