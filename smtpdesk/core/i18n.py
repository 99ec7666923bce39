"""Language of the texts produced by the Qt-free core (diagnoses, validation, doctor findings).

Widgets translate their own labels through Qt (``self.tr``); texts that the core builds carry both
languages as data, so the CLI and the GUI show the same sentences. Polish is the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Lang = Literal["pl", "en"]
LANGUAGES: tuple[Lang, ...] = ("pl", "en")
_current: Lang = "pl"


def set_language(lang: Lang) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    _current = lang


def language() -> Lang:
    return _current


@dataclass(frozen=True)
class Msg:
    """A user-facing sentence in both languages, with ``{placeholders}`` for the user's values."""

    pl: str
    en: str

    def text(self, lang: Lang | None = None, /, **values: Any) -> str:
        template = self.en if (lang or _current) == "en" else self.pl
        return template.format(**values) if values else template

    def __str__(self) -> str:
        return self.text()
