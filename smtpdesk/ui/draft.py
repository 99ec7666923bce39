"""Unsaved input kept when the program is ended from outside (logout, shutdown, ``kill``, Ctrl+C).

Such an ending cannot ask "Zapisać zmiany?", so the fields of every changed tab, and of every
open dialog that keeps drafts (``dialog_drafts``: the employee dialog and the office's sign-in
apps), are written to ``draft.json`` next to the settings file; the next start offers to put them
all back in one question ("Przywróć niezapisane zmiany?"). A tab's fields are read in the order the
form builds them, so the file needs nothing but their values. A password is never written:
password fields are skipped.
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from smtpdesk.ui import dialog_drafts
from smtpdesk.ui.dialog_drafts import DialogDraft, capture_open_dialogs, kind_of
from smtpdesk.ui.draft_fields import Value, field_value, is_input, is_secret, set_field_value
from smtpdesk.ui.employee_draft import EmployeeDrafts
from smtpdesk.ui.widgets.default_button import settle_message_box

if TYPE_CHECKING:
    from smtpdesk.ui.settings_window import SettingsWindow

log = logging.getLogger(__name__)

DRAFT_FILE_NAME = "draft.json"
DRAFT_VERSION = 1  # "dialogs" was added later; a file without it reads as before

# The employee dialog belongs to the window; features register their dialogs when they load.
dialog_drafts.register(EmployeeDrafts())


def draft_path(data_dir: Path) -> Path:
    return data_dir / DRAFT_FILE_NAME


@dataclass(frozen=True)
class Draft:
    """What the last run left unsaved: tab fields by page name, and open dialogs."""

    pages: dict[str, list[Value]] = field(default_factory=dict)
    dialogs: list[DialogDraft] = field(default_factory=list)


# -- reading and writing a tab's fields ---------------------------------------------------------


def _inputs(root: QWidget) -> Iterator[QWidget]:
    """The input widgets under ``root`` in the order the form created them."""
    for widget in root.findChildren(QWidget):
        if is_input(widget):
            yield widget


def capture(root: QWidget) -> list[Value]:
    """The values of every field under ``root``; ``None`` for a password field."""
    return [field_value(widget) for widget in _inputs(root)]


def restore(root: QWidget, values: list[Value]) -> bool:
    """Puts ``values`` back into the fields under ``root``; False (nothing changed) when the form
    no longer has the same fields."""
    widgets = list(_inputs(root))
    if len(widgets) != len(values):
        return False
    for widget, value in zip(widgets, values, strict=True):
        if not is_secret(widget):
            set_field_value(widget, value)
    return True


# -- the draft file -----------------------------------------------------------------------------


def write_draft(window: SettingsWindow, also_open: Sequence[QWidget] = ()) -> Path | None:
    """Saves the fields of every changed tab and open dialog of ``window`` (``also_open``: dialogs
    open but hidden for a while, see ``capture_open_dialogs``); None when nothing was changed."""
    pages = {page.objectName(): capture(page) for page in window.modified_pages()}
    dialogs = capture_open_dialogs(window, also_open)
    if not pages and not dialogs:
        return None
    path = draft_path(window.data_dir())
    data = {
        "version": DRAFT_VERSION,
        "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "pages": pages,
        "dialogs": [dialog.to_json() for dialog in dialogs],
    }
    temporary = path.with_suffix(".tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(data, file, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError as error:
        log.warning("unsaved changes could not be kept: %s", error)
        return None
    kept = [*pages, *(dialog.kind for dialog in dialogs)]
    log.info("unsaved changes kept in %s (%s)", path, ", ".join(kept))
    return path


def read_draft(data_dir: Path) -> Draft | None:
    """The draft left by the last run (None: none, or unreadable)."""
    path = draft_path(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.warning("unreadable draft %s dropped: %s", path, error)
        discard_draft(data_dir)
        return None
    if not isinstance(data, dict) or data.get("version") != DRAFT_VERSION:
        discard_draft(data_dir)
        return None
    pages = data.get("pages")
    dialogs = data.get("dialogs")
    if not isinstance(pages, dict):
        pages = {}
    if not isinstance(dialogs, list):
        dialogs = []
    draft = Draft(
        pages={str(name): list(values) for name, values in pages.items() if isinstance(values, list)},
        dialogs=[dialog for dialog in map(DialogDraft.from_json, dialogs) if dialog is not None],
    )
    if not draft.pages and not draft.dialogs:
        discard_draft(data_dir)
        return None
    return draft


def discard_draft(data_dir: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        draft_path(data_dir).unlink()


def apply_draft(window: SettingsWindow, draft: Draft) -> list[str]:
    """Puts the draft into ``window``'s tabs, then opens its dialogs again with their values;
    returns the titles of the tabs it changed."""
    restored: list[str] = []
    for page in window.pages:
        values = draft.pages.get(page.objectName())
        if values is not None and restore(page, values):
            restored.append(page.title())
    for dialog in draft.dialogs:
        kind = kind_of(dialog)
        if kind is None:
            log.warning("a kept %s dialog cannot be opened in this window; dropped", dialog.kind)
            continue
        kind.reopen(window, dialog)
    return restored


# -- the question on the next start -------------------------------------------------------------


class DraftRestoreBox(QMessageBox):
    """ "Przywróć niezapisane zmiany?" — Przywróć (Enter) / Odrzuć; Escape asks again next time."""

    def __init__(self, window: SettingsWindow, draft: Draft, on_done: Callable[[], None]):
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Niezapisane zmiany"))
        self.setText(self.tr("Przywróć niezapisane zmiany?"))
        self.items = self._items(window, draft)
        intro = self.tr(
            "Program został ostatnio zamknięty z zewnątrz (wylogowanie, wyłączenie komputera), "
            "zanim zapisano te zmiany:"
        )
        outro = self.tr(
            "Możesz je przywrócić do formularzy i zapisać. Hasła nie są przechowywane — wpisz je ponownie."
        )
        # Names typed by users are text, not markup.
        listing = "".join(f"<li>{html.escape(item)}</li>" for item in self.items)
        self.setInformativeText(f"<p>{html.escape(intro)}</p><ul>{listing}</ul><p>{html.escape(outro)}</p>")
        self.restore_button = self.addButton(self.tr("&Przywróć"), QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = self.addButton(self.tr("&Odrzuć"), QMessageBox.ButtonRole.DestructiveRole)
        self.later_button = self.addButton(self.tr("Później"), QMessageBox.ButtonRole.RejectRole)
        settle_message_box(self, self.restore_button)
        self.setEscapeButton(self.later_button)
        self._window = window
        self._draft = draft
        self._on_done = on_done
        self.finished.connect(self._answered)

    def _items(self, window: SettingsWindow, draft: Draft) -> list[str]:
        """One line per changed tab and per kept dialog, in the window's order."""
        items = [
            self.tr("Zakładka „{title}”").format(title=page.title())
            for page in window.pages
            if page.objectName() in draft.pages
        ]
        for dialog in draft.dialogs:
            kind = kind_of(dialog)
            if kind is not None:
                items.append(kind.describe(window, dialog))
        return items

    def _answered(self) -> None:
        clicked = self.clickedButton()
        data_dir = self._window.data_dir()
        if clicked is self.restore_button:
            apply_draft(self._window, self._draft)
            discard_draft(data_dir)
            self._window.statusBar().showMessage(
                self.tr("Przywrócono niezapisane zmiany — sprawdź je i kliknij „Zapisz”."), 10000
            )
        elif clicked is self.discard_button:
            discard_draft(data_dir)
        self._on_done()


def offer_draft(window: SettingsWindow, on_done: Callable[[], None] = lambda: None) -> DraftRestoreBox | None:
    """Asks whether to restore the draft of ``window``'s data folder, if there is one."""
    draft = read_draft(window.data_dir())
    if draft is None:
        return None
    box = DraftRestoreBox(window, draft, on_done)
    box.open()
    return box
