"""What the user sees when smtpdesk itself has a bug: the details to copy, never a silent failure.

Problems of the user's environment (server refused, wrong password, disk full) are explained where
they happen; only exceptions nobody handled reach this dialog. It never blocks: the program keeps
running so the user can still save.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from smtpdesk import __version__ as smtpdesk_version
from smtpdesk.logfile import log_path
from smtpdesk.ui.widgets.copy_buttons import CopyCloseButtons, fixed_text_view
from smtpdesk.ui.widgets.default_button import keep_default_button
from smtpdesk.ui.widgets.form_rows import buddy_label

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def crash_report(exc_type: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """The traceback with the versions that help to reproduce it."""
    lines = [
        f"smtpdesk {smtpdesk_version}, Python {platform.python_version()}, PySide6 {pyside_version}",
        f"{platform.system()} {platform.release()} ({platform.machine()})",
        "",
        *traceback.format_exception(exc_type, value, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Błąd programu"))
        intro = QLabel(
            self.tr(
                "W programie wystąpił nieoczekiwany błąd. Możesz dalej pracować, ale zapisz swoje zmiany. "
                "Skopiuj poniższe szczegóły i przekaż je osobie, która zajmuje się programem."
            )
        )
        intro.setWordWrap(True)
        self.log_line = QLabel(
            self.tr("Szczegóły są też zapisane w dzienniku programu: {path}").format(path=log_path())
        )
        self.log_line.setTextFormat(Qt.TextFormat.PlainText)
        self.log_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_line.setWordWrap(True)
        self.details = fixed_text_view(report)
        details_label = buddy_label(self.tr("&Szczegóły:"), self.details)
        buttons = CopyCloseButtons(self, self.report)
        self.copy_button, self.close_button = buttons.copy_button, buttons.close_button
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.log_line)
        layout.addWidget(details_label)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(720, 460)
        keep_default_button(self, self.close_button)

    def report(self) -> str:
        return self.details.toPlainText()

    def copy_report(self) -> None:
        self.copy_button.click()


class CrashReporter(QObject):
    """Shows a ``CrashDialog`` for every unhandled exception, after the previous hooks ran.

    Chaining keeps whatever was installed before (the default printer, a test runner's hook)
    working; ``uninstall()`` puts it back.
    """

    dialog_shown = Signal(object)  # the CrashDialog
    _reported = Signal(str)

    def __init__(self, parent_window: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self._parent_window = parent_window
        self._previous_hook: ExceptHook | None = None
        self._previous_thread_hook: Callable[[threading.ExceptHookArgs], object] | None = None
        self.dialogs: list[CrashDialog] = []
        # Queued: a crash in a worker thread shows its dialog on the GUI thread.
        self._reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous_hook is not None and sys.excepthook == self._hook:
            sys.excepthook = self._previous_hook
        if self._previous_thread_hook is not None and threading.excepthook == self._thread_hook:
            threading.excepthook = self._previous_thread_hook
        self._previous_hook = self._previous_thread_hook = None

    def _hook(self, exc_type: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if self._previous_hook is not None:
            self._previous_hook(exc_type, value, tb)
        if issubclass(exc_type, KeyboardInterrupt):
            return
        log.error("unhandled exception", exc_info=(exc_type, value, tb))
        self._reported.emit(crash_report(exc_type, value, tb))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if self._previous_thread_hook is not None:
            self._previous_thread_hook(args)
        if args.exc_value is not None:
            log.error(
                "unhandled exception in thread %s",
                args.thread.name if args.thread is not None else "?",
                exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
            )
            self._reported.emit(crash_report(args.exc_type, args.exc_value, args.exc_traceback))

    def _show(self, report: str) -> None:
        if QApplication.instance() is None:
            return
        dialog = CrashDialog(report, self._parent_window())
        # A bound slot: a closure over a dialog that deletes itself on close can crash PySide.
        dialog.finished.connect(self._dialog_finished)
        self.dialogs.append(dialog)
        dialog.show()
        dialog.raise_()
        self.dialog_shown.emit(dialog)

    @Slot()
    def _dialog_finished(self) -> None:
        dialog = self.sender()
        if isinstance(dialog, CrashDialog):
            self._forget(dialog)

    def _forget(self, dialog: CrashDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
