"""The doctor's summary line ("Znaleziono: 2 błędy, 5 ostrzeżeń") counts in each language's own
plural forms, most serious first, with no word of the other language."""

from __future__ import annotations

import pytest

from smtpdesk.core.doctor import Finding, Severity, summary
from smtpdesk.core.i18n import Msg

TEXT = Msg(pl="tekst", en="text")


def findings(errors: int = 0, warnings: int = 0, notes: int = 0) -> list[Finding]:
    severities = [Severity.ERROR] * errors + [Severity.WARNING] * warnings + [Severity.INFO] * notes
    return [Finding(f"code_{i}", s, f"subject_{i}", TEXT, TEXT) for i, s in enumerate(severities)]


@pytest.mark.parametrize(
    ("counts", "polish", "english"),
    [
        ((1, 0, 0), "1 błąd", "1 error"),
        ((2, 0, 0), "2 błędy", "2 errors"),
        ((5, 0, 0), "5 błędów", "5 errors"),
        ((0, 1, 0), "1 ostrzeżenie", "1 warning"),
        ((0, 3, 0), "3 ostrzeżenia", "3 warnings"),
        ((0, 12, 0), "12 ostrzeżeń", "12 warnings"),
        ((0, 22, 0), "22 ostrzeżenia", "22 warnings"),
        ((0, 0, 1), "1 informacja", "1 note"),
        ((0, 0, 14), "14 informacji", "14 notes"),
        ((2, 1, 5), "2 błędy, 1 ostrzeżenie, 5 informacji", "2 errors, 1 warning, 5 notes"),
        (
            (0, 0, 0),
            "Nie znaleziono problemów w konfiguracji poczty.",
            "No problems found in the mail configuration.",
        ),
    ],
)
def test_each_language_counts_in_its_own_plural_forms(counts, polish, english):
    found = findings(*counts)
    assert summary(found, "pl") == polish
    assert summary(found, "en") == english
