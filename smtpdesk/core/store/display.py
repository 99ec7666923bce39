"""Settings values and change-log records in words, for conflicts, change notices and import
previews (Polish and English, from the Qt-free core so every window says the same)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Any

from smtpdesk.core.i18n import Lang, Msg, language
from smtpdesk.core.model import AuthMethod, ContactMode, Role, Security
from smtpdesk.core.store.changes import ChangeRecord
from smtpdesk.core.store.schema import field_for, label_for

# Keyed by (type, value): Role.AGENT and ContactMode.AGENT are both "agent".
_CHOICES: dict[tuple[type[Enum], str], Msg] = {
    (ContactMode, ContactMode.AGENT.value): Msg(
        pl="Kontakt do aktualnie zalogowanego agenta", en="Contact of the signed-in agent"
    ),
    (ContactMode, ContactMode.COMPANY.value): Msg(
        pl="Kontakt do firmy / biura", en="Contact of the company / office"
    ),
    (Security, Security.AUTO.value): Msg(pl="automatycznie", en="automatic"),
    (Security, Security.STARTTLS.value): Msg(pl="STARTTLS", en="STARTTLS"),
    (Security, Security.SSL.value): Msg(pl="SSL/TLS", en="SSL/TLS"),
    (Security, Security.NONE.value): Msg(pl="bez szyfrowania", en="no encryption"),
    (AuthMethod, AuthMethod.PASSWORD.value): Msg(pl="hasło", en="password"),
    (AuthMethod, AuthMethod.OAUTH_MICROSOFT.value): Msg(
        pl="Zaloguj przez Microsoft", en="Sign in with Microsoft"
    ),
    (AuthMethod, AuthMethod.OAUTH_GOOGLE.value): Msg(pl="Zaloguj przez Google", en="Sign in with Google"),
    (Role, Role.ADMIN.value): Msg(pl="Administrator", en="Administrator"),
    (Role, Role.AGENT.value): Msg(pl="Agent", en="Agent"),
}
_YES = Msg(pl="tak", en="yes")
_NO = Msg(pl="nie", en="no")
_EMPTY = Msg(pl="(puste)", en="(empty)")
_NO_IMAGE = Msg(pl="(brak obrazu)", en="(no image)")
_IMAGE = Msg(pl="obraz, {size}", en="image, {size}")
_CREATED = Msg(pl="dodano pracownika {name}", en="added employee {name}")
_REMOVED = Msg(pl="usunięto pracownika {name}", en="removed employee {name}")
_EMPLOYEE_FIELD = Msg(pl="{field} pracownika nr {id}", en="{field} of employee no. {id}")
_IMPORTED = Msg(
    pl="zaimportowano konfigurację z pliku {source}", en="imported the configuration from {source}"
)
_PASSWORD = Msg(pl="hasło konta {account}", en="password of the account {account}")
_SOMEONE = Msg(pl="ktoś", en="someone")
_CHANGED = Msg(pl="{who} zmienił(a): {what}", en="{who} changed: {what}")
_MORE = Msg(pl="i {count} więcej", en="and {count} more")


def _size(count: int, lang: Lang) -> str:
    if count < 1024:
        return f"{count} B"
    return f"{count / 1024:.0f} kB" if lang == "en" else f"{count / 1024:.0f} kB".replace(".", ",")


def value_text(key: str, value: Any, lang: Lang | None = None) -> str:
    """A stored value as people read it: text in quotes, yes/no, choices by their label, an image
    by its size."""
    lang = lang or language()
    f = field_for(key)
    if f.kind == "blob" or isinstance(value, dict):
        size = len(value) if isinstance(value, (bytes, bytearray)) else (value or {}).get("bytes")
        return _NO_IMAGE.text(lang) if not size else _IMAGE.text(lang, size=_size(int(size), lang))
    if f.kind == "bool":
        return (_YES if value else _NO).text(lang)
    if f.kind == "enum" and f.enum is not None:
        try:
            member = f.enum(value)
        except ValueError:
            return str(value)
        label = _CHOICES.get((f.enum, str(member.value)))
        return label.text(lang) if label is not None else str(member.value)
    if value in ("", None):
        return _EMPTY.text(lang)
    if f.kind == "int":
        return str(value)
    return f"„{value}”" if lang == "pl" else f'"{value}"'


def when_text(at: datetime | None, lang: Lang | None = None) -> str:
    """A moment in local time: "12.03.2026, 14:05" / "2026-03-12 14:05"."""
    if at is None:
        return ""
    local = at.astimezone()
    return (
        local.strftime("%Y-%m-%d %H:%M")
        if (lang or language()) == "en"
        else local.strftime("%d.%m.%Y, %H:%M")
    )


def record_text(record: ChangeRecord, lang: Lang | None = None) -> str:
    """What one change-log record changed, in a few words."""
    lang = lang or language()
    if record.kind == "employee" and record.field == "created":
        return _CREATED.text(lang, name=record.new or "")
    if record.kind == "employee" and record.field == "removed":
        return _REMOVED.text(lang, name=record.old or "")
    if record.kind == "secret":
        return _PASSWORD.text(lang, account=record.subject)
    if record.kind == "import":
        return _IMPORTED.text(lang, source=record.subject)
    try:
        label = label_for(record.field).text(lang)
    except (KeyError, StopIteration):
        label = record.field
    if record.kind == "employee":
        return _EMPLOYEE_FIELD.text(lang, field=label, id=record.subject)
    return label


def changes_summary(records: Iterable[ChangeRecord], lang: Lang | None = None, limit: int = 6) -> str:
    """ "Anna Nowak (BIURO-PC1) zmienił(a): Dane firmy › Nazwa firmy, …" — one sentence per person."""
    lang = lang or language()
    by_actor: dict[str, list[str]] = {}
    for record in records:
        items = by_actor.setdefault(record.actor or _SOMEONE.text(lang), [])
        text = record_text(record, lang)
        if text not in items:
            items.append(text)
    sentences = []
    for actor, items in by_actor.items():
        shown = items[:limit]
        if len(items) > limit:
            shown.append(_MORE.text(lang, count=len(items) - limit))
        sentences.append(_CHANGED.text(lang, who=actor, what=", ".join(shown)))
    return "; ".join(sentences)
