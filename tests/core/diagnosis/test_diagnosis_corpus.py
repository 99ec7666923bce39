"""The diagnosis against real server replies it was not written from: ``corpus/replies.json``
holds replies from MTA sources, providers' error lists and the enhanced status code registry,
each with the stage it comes at, the expected diagnosis and where it is documented."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from smtpdesk.core.diagnosis import DIAGNOSIS_CODES, DiagnosisContext
from smtpdesk.core.diagnosis.rules import RULES, match_rule
from smtpdesk.core.model import Security
from smtpdesk.core.smtp.replies import enhanced_code
from smtpdesk.core.smtp.result import Facts, Stage

CORPUS = json.loads((Path(__file__).parent / "corpus" / "replies.json").read_text(encoding="utf-8"))
ENTRIES: list[dict[str, str]] = CORPUS["entries"]
# What the engine names a refusal at each stage (see core.smtp.engine).
EXCEPTION_AT = {
    Stage.GREETING: "SMTPConnectError",
    Stage.EHLO: "SMTPHeloError",
    Stage.TLS: "SMTPResponseException",
    Stage.AUTH: "SMTPAuthenticationError",
    Stage.MAIL: "SMTPSenderRefused",
    Stage.RCPT: "SMTPRecipientsRefused",
    Stage.DATA: "SMTPDataError",
}
_REPLY = re.compile(r"^(\d{3})[ -]?(.*)$", re.S)
# Below this share the rules have stopped generalising; the figure itself is in the README.
MIN_ACCURACY = 0.97


@dataclass(frozen=True)
class Sample:
    facts: Facts
    ctx: DiagnosisContext
    expected: str


def sample(entry: dict[str, str], sources: dict[str, dict[str, str]] | None = None) -> Sample:
    stage = Stage(entry["stage"])
    host = (sources or CORPUS["sources"])[entry["source"]]["host"]
    match = _REPLY.match(entry["reply"])
    assert match, entry
    code = int(match.group(1))
    # Continuation lines as the engine keeps them: the code stripped from each line.
    text = "\n".join(re.sub(r"^\d{3}[ -]", "", line) for line in match.group(2).split("\n"))
    late = stage in (Stage.AUTH, Stage.MAIL, Stage.RCPT, Stage.DATA, Stage.QUIT)
    facts = Facts(
        stage=stage,
        exception=EXCEPTION_AT.get(stage, "SMTPResponseException"),
        message=f"{code} {text.splitlines()[0] if text else ''}",
        reply_code=code,
        enhanced_code=enhanced_code(text),
        reply_text=text,
        host=host,
        port=587,
        security=Security.STARTTLS,
        starttls_offered=True,
        tls_active=late,
        auth_mechanisms=("PLAIN", "LOGIN") if late else (),
        authenticated=stage in (Stage.MAIL, Stage.RCPT, Stage.DATA),
    )
    ctx = DiagnosisContext(
        host=host, port=587, username="anna@firma.pl", sender="anna@firma.pl", recipient="klient@example.com"
    )
    return Sample(facts, ctx, entry["expected"])


SAMPLES = [sample(entry) for entry in ENTRIES]


def _correct(rules: tuple = RULES) -> list[bool]:
    return [match_rule(s.facts, s.ctx, rules).code == s.expected for s in SAMPLES]


def test_the_corpus_is_large_varied_and_sourced() -> None:
    assert len(ENTRIES) >= 300
    assert len({(e["stage"], e["reply"]) for e in ENTRIES}) == len(ENTRIES)
    assert all(e["source"] in CORPUS["sources"] for e in ENTRIES)
    assert {e["expected"] for e in ENTRIES} <= set(DIAGNOSIS_CODES)
    assert len({e["source"] for e in ENTRIES}) >= 15


def test_diagnosis_accuracy_on_replies_it_was_not_written_from() -> None:
    correct = _correct()
    wrong = [
        (e["stage"], e["reply"][:70], e["expected"], match_rule(s.facts, s.ctx).code)
        for e, s, ok in zip(ENTRIES, SAMPLES, correct, strict=True)
        if not ok
    ]
    assert sum(correct) / len(correct) >= MIN_ACCURACY, wrong


HOLDOUT = json.loads((Path(__file__).parent / "corpus" / "holdout.json").read_text(encoding="utf-8"))
# Gathered after the rules were settled and never used to change them; the misses stay visible
# here (a 421 about failed logins, a 452 4.5.3 that is a daily limit, a 500 for too many sessions).
MIN_HOLDOUT_ACCURACY = 0.8


def test_diagnosis_accuracy_on_replies_held_out_from_the_rules() -> None:
    samples = [sample(entry, HOLDOUT["sources"]) for entry in HOLDOUT["entries"]]
    correct = [match_rule(s.facts, s.ctx).code == s.expected for s in samples]
    assert len(samples) >= 15
    assert sum(correct) / len(correct) >= MIN_HOLDOUT_ACCURACY


def test_the_registry_fallback_carries_what_no_wording_rule_knows() -> None:
    without_registry = tuple(rule for rule in RULES if not rule.registry)
    only_fallback = sum(
        full and not bare for full, bare in zip(_correct(), _correct(without_registry), strict=True)
    )
    assert only_fallback >= 20


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e["reply"][0] == "4"], ids=lambda e: e["reply"][:40])
def test_a_temporary_reply_never_gets_a_permanent_diagnosis(entry: dict[str, str]) -> None:
    from smtpdesk.core.diagnosis.codes import PERMANENT_CODES

    s = sample(entry)
    assert match_rule(s.facts, s.ctx).code not in PERMANENT_CODES


@pytest.mark.parametrize(
    "entry", [e for e in ENTRIES if e["reply"].startswith("421")], ids=lambda e: e["reply"][:40]
)
def test_421_at_any_stage_is_the_server_closing_the_session(entry: dict[str, str]) -> None:
    s = sample(entry)
    assert match_rule(s.facts, s.ctx).code in ("server_closing", "server_busy")


POLISH = [
    ("auth", "535 5.7.8 Błędne hasło lub nazwa użytkownika", "auth_failed"),
    ("auth", "535 Nieprawidłowy login lub hasło", "auth_failed"),
    ("auth", "454 4.7.0 Zbyt wiele prób logowania, spróbuj później", "auth_rate_limited"),
    ("mail", "530 5.7.0 Wymagane uwierzytelnienie", "auth_required"),
    ("mail", "553 5.7.1 Nie masz uprawnień do wysyłania z adresu jan@firma.pl", "sender_not_allowed"),
    ("rcpt", "550 5.1.1 Nieznany odbiorca", "recipient_unknown"),
    ("rcpt", "552 5.2.2 Skrzynka odbiorcy jest pełna", "recipient_unknown"),
    ("data", "550 5.7.1 Wiadomość odrzucona: podejrzenie spamu", "content_rejected"),
    ("data", "550 Przekroczono dzienny limit wysyłki", "quota_exceeded"),
    ("greeting", "421 Zbyt wiele połączeń z Twojego adresu", "server_busy"),
    ("auth", "535 Konto zostało zablokowane", "account_blocked"),
]


def _strip_polish(text: str) -> str:
    return text.translate(str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ"))


@pytest.mark.parametrize(("stage", "reply", "expected"), POLISH, ids=lambda v: str(v)[:30])
def test_polish_replies_are_understood_with_and_without_diacritics(
    stage: str, reply: str, expected: str
) -> None:
    for text in (reply, _strip_polish(reply)):
        s = sample({"source": "rfc5321", "stage": stage, "reply": text, "expected": expected})
        assert match_rule(s.facts, s.ctx).code == expected, text
