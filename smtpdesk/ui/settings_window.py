"""„Ustawienia firmy”: the application's main window.

"Zapisz" checks every tab before it saves any, so nothing is half-saved; the first bad field gets
the focus. Other features extend the window through ``add_banner``, ``file_menu``, ``tools_menu``,
``toolbar``, ``employees_page`` and the ``SmtpSection`` widgets (see their modules).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionEvent, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from smtpdesk import paths
from smtpdesk.core.model import OfficeSettings
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import ChangeRecord, ConflictError, Store, StoreError
from smtpdesk.core.store.display import changes_summary
from smtpdesk.core.store.merge import rebase_settings
from smtpdesk.ui.language_menu import LanguageMenu
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.office.change_monitor import ChangeMonitor
from smtpdesk.ui.office.change_notice import ChangeNotice
from smtpdesk.ui.office.conflict_dialog import ConflictDialog
from smtpdesk.ui.pages.base import Problem, SettingsPage
from smtpdesk.ui.pages.company_page import CompanyPage
from smtpdesk.ui.pages.employees_page import EmployeesPage
from smtpdesk.ui.pages.logo_page import LogoPage
from smtpdesk.ui.pages.other_settings_page import OtherSettingsPage
from smtpdesk.ui.pages.website_page import WebsitePage
from smtpdesk.ui.widgets.form_rows import heading_label
from smtpdesk.ui.widgets.unsaved_changes import Choice, UnsavedChangesBox, ask_unsaved_changes
from smtpdesk.ui.window_state import restore_geometry, save_geometry

DEFAULT_SIZE = (1100, 690)  # fits a 1366×768 screen with a panel and the title bar
GEOMETRY_NAME = "settings_window"
STATUS_TIMEOUT_MS = 8000


def _default_size(window: QWidget) -> QSize:
    """The default size, smaller where the screen is (a netbook's 1024×600)."""
    width, height = DEFAULT_SIZE
    screen = window.screen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width())
        height = min(height, available.height() - 48)
    return QSize(width, height)


class _AutoHideToolBar(QToolBar):
    """Visible only once a feature put an action on it."""

    def actionEvent(self, event: QActionEvent) -> None:
        super().actionEvent(event)
        self.setVisible(bool(self.actions()))


class _AutoHideMenu(QMenu):
    """Shown in the menu bar only once it has entries."""

    def actionEvent(self, event: QActionEvent) -> None:
        super().actionEvent(event)
        self.menuAction().setVisible(bool(self.actions()))


class SettingsWindow(QMainWindow):
    saved = Signal(object)  # the OfficeSettings just stored
    closing = Signal()  # the window is going: background helpers stop before the store closes

    def __init__(
        self,
        store: Store,
        secrets: SecretStore,
        parent: QWidget | None = None,
        *,
        remember_geometry: bool = True,
        watch: bool = True,
    ) -> None:
        super().__init__(parent)
        self._remember_geometry = remember_geometry
        self.store = store
        self.secrets = secrets
        self.conflict_dialog: ConflictDialog | None = None
        # What a refused save is resolved against: (base, mine, current, keys in conflict).
        self._conflict: tuple[OfficeSettings, OfficeSettings, OfficeSettings, set[str]] | None = None
        # "[*]": the title shows "Ustawienia firmy*" while there are unsaved changes.
        self.setWindowTitle(self.tr("Ustawienia firmy") + "[*]")
        self.resize(_default_size(self))
        if remember_geometry:
            restore_geometry(self, GEOMETRY_NAME)
        self._discarding = False
        self._loaded_states: list[object] = []
        self.unsaved_box: UnsavedChangesBox | None = None

        self.company_page = CompanyPage()
        self.logo_page = LogoPage()
        self.other_settings_page = OtherSettingsPage(secrets)
        self.employees_page = EmployeesPage(store, secrets)
        self.website_page = WebsitePage()
        self.pages: list[SettingsPage] = [
            self.company_page,
            self.logo_page,
            self.other_settings_page,
            self.employees_page,
            self.website_page,
        ]

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._tab_of: dict[SettingsPage, QWidget] = {}
        for page in self.pages:
            # Names the page in a draft of unsaved changes (draft.json).
            page.setObjectName(type(page).__name__)
            tab: QWidget = page
            if page.holds_settings:
                # Long forms scroll instead of squeezing their fields.
                scroll = QScrollArea()
                scroll.setWidgetResizable(True)
                scroll.setFrameShape(QScrollArea.Shape.NoFrame)
                scroll.setWidget(page)
                scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                tab = scroll
            self._tab_of[page] = tab
            self.tabs.addTab(tab, page.title())

        self._build_menus()
        self.toolbar = _AutoHideToolBar(self.tr("Narzędzia"))
        self.toolbar.setObjectName("tools_toolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.toolbar.hide()

        self.save_button = QPushButton(self.tr("&Zapisz"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Anuluj"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        heading = heading_label(self.tr("Ustawienia firmy"), 1.35)
        self._banners = QVBoxLayout()
        self._banners.setContentsMargins(0, 0, 0, 0)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(self._banners)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.setCentralWidget(central)
        self.statusBar()  # created now, so the first message does not shift the layout

        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.close)
        for page in self.pages:
            page.changed.connect(self._show_modified)
        self.reload()

        self.change_notice = ChangeNotice()
        self.change_notice.reload_button.clicked.connect(self._reload_from_notice)
        self.add_banner(self.change_notice)
        self.change_monitor: ChangeMonitor | None = None
        if watch:
            self.change_monitor = ChangeMonitor(store, self, self.show_changes_made_elsewhere)
            self.closing.connect(self.change_monitor.stop)

    # -- extension points -----------------------------------------------------------------------

    def add_banner(self, widget: QWidget) -> None:
        """Puts ``widget`` in the strip above the tabs (e.g. the demo-mode notice)."""
        self._banners.addWidget(widget)

    def page_tab(self, page: SettingsPage) -> QWidget:
        """The tab widget that shows ``page`` (its scroll area for the form pages)."""
        return self._tab_of[page]

    def show_page(self, page: SettingsPage) -> None:
        self.tabs.setCurrentWidget(self._tab_of[page])

    # -- load / check / save --------------------------------------------------------------------

    def reload(self) -> None:
        """Shows what is stored, dropping unsaved edits."""
        self.settings: OfficeSettings = self.store.load_settings()
        for page in self.pages:
            page.load(self.settings)
        self._loaded_states = self._states()
        self.setWindowModified(False)

    def is_modified(self) -> bool:
        return self._states() != self._loaded_states

    def modified_pages(self) -> list[SettingsPage]:
        """The form pages whose fields differ from what is stored."""
        return [
            page
            for page, state, loaded in zip(self.pages, self._states(), self._loaded_states, strict=True)
            if page.holds_settings and state != loaded
        ]

    def check(self) -> list[Problem]:
        """Checks every form page; each problem is already shown next to its field."""
        problems: list[Problem] = []
        for page in self.pages:
            if page.holds_settings:
                problems.extend(page.check())
        return problems

    def save(self) -> bool:
        """„Zapisz”: stores every page, or nothing when any page has a bad field."""
        problems = self.check()
        if problems:
            self._focus_problem(problems[0])
            count = len(problems)
            self.statusBar().showMessage(
                self.tr("Nie zapisano — popraw zaznaczone pola ({count}).").format(count=count),
                STATUS_TIMEOUT_MS,
            )
            return False
        settings = self.settings
        for page in self.pages:
            if page.holds_settings:
                settings = page.save(settings)
        return self._store_settings(settings, base=self.settings)

    def _store_settings(self, settings: OfficeSettings, *, base: OfficeSettings) -> bool:
        """Writes what changed since ``base``; a conflict opens the choice of values instead."""
        try:
            stored = self.store.save_settings(settings, base=base)
        except ConflictError as conflict:
            self._show_conflict(conflict, settings, base)
            return False
        except (StoreError, OSError) as error:
            self._show_save_failure(str(error))
            return False
        for page in self.pages:
            page.save_secrets(self.secrets)
        self.settings = stored
        for page in self.pages:
            if page.holds_settings:
                page.load(stored)  # shows the normalised values, and what others saved meanwhile
        self._loaded_states = self._states()
        self.setWindowModified(False)
        self.statusBar().showMessage(self.tr("Zapisano ustawienia."), STATUS_TIMEOUT_MS)
        self.saved.emit(stored)
        return True

    # -- other windows and desktops -------------------------------------------------------------

    def _show_conflict(self, conflict: ConflictError, mine: OfficeSettings, base: OfficeSettings) -> None:
        current = conflict.current
        assert isinstance(current, OfficeSettings)
        if self.conflict_dialog is not None:
            self.conflict_dialog.close()
        dialog = ConflictDialog(conflict.conflicts, self.tr("okna ustawień"), self)
        self.conflict_dialog = dialog
        self._conflict = (base, mine, current, {c.key for c in conflict.conflicts})
        # Bound methods, not closures: a closure holding the window, owned by the dialog's
        # connection, would free the window from inside the dialog's own destruction.
        dialog.resolved.connect(self._conflict_resolved)
        dialog.reload_requested.connect(self._conflict_reload)
        dialog.rejected.connect(self._conflict_closed)
        dialog.open()

    def _conflict_resolved(self, kept: set[str]) -> None:
        assert self._conflict is not None
        base, mine, current, taken = self._conflict
        self._conflict_closed()
        self._store_settings(rebase_settings(base, mine, current, taken - kept), base=current)

    def _conflict_reload(self) -> None:
        self._conflict_closed()
        self.reload()

    def _conflict_closed(self) -> None:
        self.conflict_dialog = None

    def show_changes_made_elsewhere(self, records: list[ChangeRecord]) -> None:
        """Shows what others saved: untouched tabs are reloaded, the user's own edits stay."""
        try:
            theirs = self.store.load_settings()
        except StoreError:
            return
        kept_edits = self.is_modified()
        for index, page in enumerate(self.pages):
            if not page.holds_settings or page.state() == self._loaded_states[index]:
                page.load(theirs)
                self._loaded_states[index] = page.state()
        if not kept_edits:
            self.settings = theirs
        self.change_notice.show_changes(changes_summary(records), kept_edits=kept_edits)

    def _reload_from_notice(self) -> None:
        self.change_notice.hide()
        self.reload()

    # -- closing --------------------------------------------------------------------------------

    def discard_and_close(self) -> None:
        """Closes without asking; unsaved edits are dropped (the program is quitting or switching)."""
        self._discarding = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._discarding or not self.is_modified():
            if self._remember_geometry:
                save_geometry(self, GEOMETRY_NAME)
            event.accept()
            self.closing.emit()
            return
        event.ignore()
        if self.unsaved_box is None:
            self.unsaved_box = ask_unsaved_changes(self, self._unsaved_answer)

    def _unsaved_answer(self, choice: Choice) -> None:
        self.unsaved_box = None
        if choice is Choice.SAVE:
            if self.save():
                self.close()
        elif choice is Choice.DISCARD:
            self._discarding = True
            self.close()

    # -- internals ------------------------------------------------------------------------------

    def _show_modified(self) -> None:
        if self._loaded_states:  # not while the pages are being filled
            self.setWindowModified(self.is_modified())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # As in a dialog, Enter means "Zapisz" wherever the focus is (a main window has no default
        # button): in a field, on a check box, on a button Space would press. Controls that use
        # Enter themselves keep it (a new line of the address, a list); the employees' tab stores
        # its changes at once and has nothing for "Zapisz" to save.
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if enter and plain and self._enter_saves():
            event.accept()
            if self.unsaved_box is None:
                self.save()
            return
        super().keyPressEvent(event)

    def _enter_saves(self) -> bool:
        focus = self.focusWidget()
        return not any(
            not page.holds_settings and focus is not None and page.isAncestorOf(focus) for page in self.pages
        )

    def data_dir(self) -> Path:
        """The folder of this window's settings file (drafts and "O programie" name it)."""
        # An office database has no file here: its drafts are kept in this desktop's data folder.
        return self.store.path.parent if self.store.path is not None else paths.data_dir()

    def show_about(self) -> QDialog:
        from smtpdesk.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.data_dir(), self.secrets, self)
        dialog.show()
        return dialog

    def _states(self) -> list[object]:
        return [page.state() for page in self.pages]

    def _focus_problem(self, problem: Problem) -> None:
        for page in self.pages:
            if page.isAncestorOf(problem.field):
                self.show_page(page)
                tab = self._tab_of[page]
                if isinstance(tab, QScrollArea):
                    tab.ensureWidgetVisible(problem.field)
                break
        problem.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_save_failure(self, reason: str) -> None:
        show_message(
            self,
            QMessageBox.Icon.Critical,
            self.tr("Nie zapisano ustawień"),
            self.tr("Nie udało się zapisać ustawień: {reason}").format(reason=reason),
        )

    def _build_menus(self) -> None:
        self.file_menu: QMenu = self.menuBar().addMenu(self.tr("&Plik"))
        file_menu = self.file_menu
        self.save_action = QAction(self.tr("&Zapisz"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.close_action = QAction(self.tr("Za&mknij"), self)
        self.close_action.setShortcut(QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(self.close)
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        self.tools_menu: QMenu = _AutoHideMenu(self.tr("Na&rzędzia"), self)
        self.menuBar().addMenu(self.tools_menu)
        self.tools_menu.menuAction().setVisible(False)
        self.language_menu = LanguageMenu(self)
        self.menuBar().addMenu(self.language_menu)
        help_menu = self.menuBar().addMenu(self.tr("Pomo&c"))
        self.about_action = QAction(self.tr("&O programie"), self)
        self.about_action.setObjectName("about_action")
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
