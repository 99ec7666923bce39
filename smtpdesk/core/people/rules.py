"""What a new application password must be, and the sentence for each rule it breaks.

With "Wymuś format hasła zgodny z GIODO": at least 8 characters with an upper-case and a
lower-case letter and a digit or special character, not containing the person's name or e-mail
address, and different from their last 5 passwords. Without it: at least 8 characters and
different from the current one. In both: not one of the 1,000 most common passwords
(``resources/common-passwords.txt``, see the SOURCE file beside it).

The cheap rules run on every keystroke (``broken_rules``); the password history needs the stored
hashes and is checked when the password is saved (``core.people.accounts``).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from smtpdesk.core.i18n import Msg
from smtpdesk.core.wording import fill
from smtpdesk.paths import resource_path

MIN_LENGTH = 8
HISTORY_DEPTH = 5
COMMON_PASSWORDS_FILE = "common-passwords.txt"
# Parts of a name or an address shorter than this are too common to forbid ("ul", "jo").
_MIN_PART = 3


@dataclass(frozen=True)
class Rule:
    code: str
    requirement: Msg  # the item of the checklist the dialog shows
    problem: Msg  # the sentence next to the field while the rule is broken


LENGTH = Rule(
    "length",
    Msg(pl="co najmniej 8 znaków", en="at least 8 characters"),
    Msg(
        pl="Hasło jest za krótkie: ma {count} zn., a musi mieć co najmniej 8.",
        en="The password is too short: {count} characters, at least 8 are needed.",
    ),
)
UPPER = Rule(
    "upper",
    Msg(pl="wielka litera", en="an upper-case letter"),
    Msg(pl="Dodaj wielką literę (np. A, Ł).", en="Add an upper-case letter (e.g. A, Ł)."),
)
LOWER = Rule(
    "lower",
    Msg(pl="mała litera", en="a lower-case letter"),
    Msg(pl="Dodaj małą literę (np. a, ż).", en="Add a lower-case letter (e.g. a, ż)."),
)
DIGIT_OR_SPECIAL = Rule(
    "digit_or_special",
    Msg(pl="cyfra lub znak specjalny", en="a digit or a special character"),
    Msg(
        pl="Dodaj cyfrę lub znak specjalny (np. 7, !, #).",
        en="Add a digit or a special character (e.g. 7, !, #).",
    ),
)
NO_NAME = Rule(
    "no_name",
    Msg(pl="bez imienia i nazwiska", en="not your name"),
    Msg(
        pl="Hasło nie może zawierać Twojego imienia ani nazwiska.",
        en="The password must not contain your first or last name.",
    ),
)
NO_EMAIL = Rule(
    "no_email",
    Msg(pl="bez adresu e-mail", en="not your e-mail address"),
    Msg(
        pl="Hasło nie może zawierać Twojego adresu e-mail ani jego części przed @.",
        en="The password must not contain your e-mail address or the part before the @.",
    ),
)
NOT_COMMON = Rule(
    "not_common",
    Msg(pl="nie z listy popularnych haseł", en="not a common password"),
    Msg(
        pl="To jedno z 1000 najczęściej używanych haseł — łatwo je odgadnąć. Wybierz inne.",
        en="This is one of the 1,000 most common passwords — easy to guess. Choose another.",
    ),
)
NOT_RECENT = Rule(
    "not_recent",
    Msg(pl="inne niż 5 poprzednich", en="not one of your last 5"),
    Msg(
        pl="To hasło było już używane. Wybierz inne niż 5 poprzednich.",
        en="This password was used before. Choose one other than your last 5.",
    ),
)
NOT_CURRENT = Rule(
    "not_current",
    Msg(pl="inne niż obecne", en="not your current one"),
    Msg(
        pl="Nowe hasło musi być inne niż obecne.",
        en="The new password must differ from the current one.",
    ),
)

GIODO_RULES: tuple[Rule, ...] = (LENGTH, UPPER, LOWER, DIGIT_OR_SPECIAL, NO_NAME, NO_EMAIL, NOT_COMMON)
BASIC_RULES: tuple[Rule, ...] = (LENGTH, NOT_COMMON)


def rules_for(giodo: bool) -> tuple[Rule, ...]:
    """Every rule a new password must follow, in the order the dialog lists them."""
    return (*GIODO_RULES, NOT_RECENT) if giodo else (*BASIC_RULES, NOT_CURRENT)


@functools.cache
def common_passwords() -> frozenset[str]:
    text = resource_path(COMMON_PASSWORDS_FILE).read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip())


def _folded(text: str) -> str:
    """Lower case without Polish diacritics: "Wiśniewska" and "wisniewska" are the same name."""
    text = text.casefold().replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _contains_any(password: str, parts: Iterable[str]) -> bool:
    folded = _folded(password)
    return any(len(part) >= _MIN_PART and _folded(part) in folded for part in parts)


def broken_rules(
    password: str, *, giodo: bool, first_name: str = "", last_name: str = "", email: str = ""
) -> list[Rule]:
    """The rules ``password`` breaks that need nothing stored (history comes on saving)."""
    broken: list[Rule] = []
    if len(password) < MIN_LENGTH:
        broken.append(LENGTH)
    if giodo:
        if not any(c.isupper() for c in password):
            broken.append(UPPER)
        if not any(c.islower() for c in password):
            broken.append(LOWER)
        if not any(not c.isalpha() for c in password):
            broken.append(DIGIT_OR_SPECIAL)
        names = [*first_name.split(), *last_name.split(), *last_name.replace("-", " ").split()]
        if _contains_any(password, names):
            broken.append(NO_NAME)
        address = email.strip()
        if address and _contains_any(password, (address, address.partition("@")[0])):
            broken.append(NO_EMAIL)
    if password.casefold() in common_passwords():
        broken.append(NOT_COMMON)
    return broken


def problem_text(rule: Rule, password: str) -> Msg:
    """The sentence for ``rule`` broken by ``password`` (with its length where it matters)."""
    if rule is LENGTH:
        return fill(rule.problem, count=len(password))
    return rule.problem
