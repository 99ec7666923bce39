"""Unsaved input of a dialog open when the program was ended from outside (see ``draft``).

A kind of dialog takes part by registering a ``DialogDraftKind``: it says what of an open dialog
is worth keeping (its named fields, never a password, and what the dialog was about), how the
question on the next start names it, and how to open the dialog again with the kept values.
The employee dialog is one (``employee_draft``); features register theirs when they load.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QDialog, QWidget

from smtpdesk.ui.draft_fields import Value, field_values

if TYPE_CHECKING:
    from smtpdesk.ui.settings_window import SettingsWindow

About = Mapping[str, str | int | None]


@dataclass(frozen=True)
class DialogDraft:
    kind: str
    fields: dict[str, Value]  # every kept field of the form, as it was
    changed: tuple[str, ...]  # the fields the user had changed
    about: dict[str, str | int | None] = field(default_factory=dict)  # e.g. which employee

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "fields": self.fields, "changed": list(self.changed), "about": self.about}

    @classmethod
    def from_json(cls, data: object) -> DialogDraft | None:
        """None for anything this version cannot read (it is then left out, not guessed at)."""
        if not isinstance(data, dict):
            return None
        kind, fields, changed, about = (data.get(k) for k in ("kind", "fields", "changed", "about"))
        if not isinstance(kind, str) or not isinstance(fields, dict) or not isinstance(changed, list):
            return None
        values = {str(k): v for k, v in fields.items() if v is None or isinstance(v, (str, int, bool))}
        about_values = (
            {str(k): v for k, v in about.items() if v is None or isinstance(v, (str, int))}
            if isinstance(about, dict)
            else {}
        )
        return cls(kind, values, tuple(str(name) for name in changed), about_values)


def changed_fields(
    kind: str, fields: Mapping[str, QWidget], loaded: Mapping[str, Value], about: About
) -> DialogDraft | None:
    """The draft of a dialog whose ``fields`` held ``loaded`` when it opened; None when nothing changed."""
    values = field_values(fields)
    changed = tuple(name for name, value in values.items() if value != loaded.get(name))
    if not changed:
        return None
    return DialogDraft(kind, values, changed, dict(about))


class DialogDraftKind(Protocol):
    name: str
    dialog_type: type[QDialog]

    def capture(self, dialog: QDialog) -> DialogDraft | None:
        """What of the open ``dialog`` is worth keeping; None when it holds no change."""

    def describe(self, window: SettingsWindow, draft: DialogDraft) -> str:
        """One line of the question on the next start (plain text)."""

    def reopen(self, window: SettingsWindow, draft: DialogDraft) -> None:
        """Opens the dialog in ``window`` again with the kept values."""


_kinds: dict[str, DialogDraftKind] = {}


def register(kind: DialogDraftKind) -> None:
    _kinds[kind.name] = kind


def kind_of(draft: DialogDraft) -> DialogDraftKind | None:
    return _kinds.get(draft.kind)


def capture_open_dialogs(window: QWidget, also_open: Sequence[QWidget] = ()) -> list[DialogDraft]:
    """The drafts of the dialogs of every registered kind open in ``window``; ``also_open``: open
    ones hidden for a while (the idle lock hides every window of the person signed in)."""
    drafts: list[DialogDraft] = []
    for kind in list(_kinds.values()):
        for dialog in window.findChildren(kind.dialog_type):
            if dialog.isVisible() or any(dialog is hidden for hidden in also_open):
                draft = kind.capture(dialog)
                if draft is not None:
                    drafts.append(draft)
    return drafts
