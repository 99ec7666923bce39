"""Who is looking: the window of a signed-in agent carries a ``Viewer``, and every view that shows
clients' data (a diagnosis and its report, a history entry, the demo inbox) asks ``masker_for``
itself before showing it. A window without one (the administrator's) shows everything.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from smtpdesk.core.model import Employee
from smtpdesk.core.people.masking import SHOW_ALL, Masker, office_masker
from smtpdesk.core.store import Store, StoreError

VIEWER_NAME = "smtpdesk_viewer"


class Viewer(QObject):
    """The signed-in agent of ``window``; the masker follows the office's option and its people."""

    def __init__(self, window: QWidget, store: Store, person: Employee) -> None:
        super().__init__(window)
        self.setObjectName(VIEWER_NAME)
        self.store = store
        self.person = person
        self._cached: tuple[int, Masker] | None = None

    def masker(self) -> Masker:
        """Read again only when something was saved since (a new employee is not a client)."""
        try:
            seen = self.store.last_change_id()
            if self._cached is not None and self._cached[0] == seen:
                return self._cached[1]
            masker = office_masker(self.store.load_settings(), self.store.list_employees(), for_agent=True)
        except StoreError:
            # Unreadable settings: hide rather than show, the option may be on.
            return Masker()
        self._cached = (seen, masker)
        return masker


def viewer_of(widget: QWidget | None) -> Viewer | None:
    while widget is not None:
        found = widget.findChild(Viewer, VIEWER_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
        if found is not None:
            return found
        widget = widget.parentWidget()
    return None


def masker_for(widget: QWidget | None) -> Masker:
    """How ``widget``'s window shows clients' addresses and phone numbers."""
    viewer = viewer_of(widget)
    return viewer.masker() if viewer is not None else SHOW_ALL
