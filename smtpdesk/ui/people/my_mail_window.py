""" "Moja poczta": the signed-in agent's own window — how their mail leaves the office right now,
one button to send a test mail (to their own address unless they type another), "Sprawdź
logowanie", their own SMTP account (editable only when the administrator allows it) and their own
test history. Nothing of the office's settings, other employees or their history is reachable
from here: the window has no way to open them.
"""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionEvent, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.diagnosis.model import Fix, FixKind
from smtpdesk.core.model import Employee, OfficeSettings, employee_account
from smtpdesk.core.oauth.tokens import TokenSource
from smtpdesk.core.routing import SOURCE_EMPLOYEE, Route, resolve
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.smtp.request import Timeouts
from smtpdesk.core.store import ChangeRecord, ConflictError, Store, StoreError
from smtpdesk.core.validation import FieldError
from smtpdesk.ui.language_menu import LanguageMenu
from smtpdesk.ui.mailtest.dialog import MailTestDialog
from smtpdesk.ui.mailtest.last_result import outcome_text, when_text
from smtpdesk.ui.mailtest.plan import MailTestPlan, route_plan
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.oauth.section_tools import attach_account_tools
from smtpdesk.ui.office.change_monitor import ChangeMonitor
from smtpdesk.ui.people.gate import PeopleGate
from smtpdesk.ui.people.own_history import OwnHistory
from smtpdesk.ui.people.route_view import RouteView
from smtpdesk.ui.people.session_actions import SessionActions
from smtpdesk.ui.people.sign_in_dialog import heading_label
from smtpdesk.ui.people.viewer import Viewer, masker_for
from smtpdesk.ui.widgets.form_rows import hint_label
from smtpdesk.ui.widgets.smtp_section import SmtpSection
from smtpdesk.ui.widgets.unsaved_changes import Choice, UnsavedChangesBox, ask_unsaved_changes

DEFAULT_SIZE = (900, 720)
STATUS_TIMEOUT_MS = 8000


class _AutoHideMenu(QMenu):
    """In the menu bar only once it has entries (e.g. "Skrzynka demo" in demo mode)."""

    def actionEvent(self, event: QActionEvent) -> None:
        super().actionEvent(event)
        self.menuAction().setVisible(bool(self.actions()))


class MyMailWindow(QMainWindow):
    closing = Signal()

    def __init__(
        self,
        store: Store,
        secrets: SecretStore,
        person: Employee,
        gate: PeopleGate,
        parent: QWidget | None = None,
        *,
        timeouts: Timeouts | None = None,
        watch: bool = True,
    ) -> None:
        super().__init__(parent)
        assert person.id is not None
        self.person_id: int = person.id
        self.store = store
        self.secrets = secrets
        self.person = person
        self.gate = gate
        self.timeouts = timeouts
        self.dialog: MailTestDialog | None = None
        self.unsaved_box: UnsavedChangesBox | None = None
        self._discarding = False
        self.viewer = Viewer(self, store, person)
        self.setWindowTitle(self.tr("Moja poczta — {name}").format(name=person.full_name))
        self.resize(*DEFAULT_SIZE)

        self._build_menus()
        heading = heading_label(self.tr("Moja poczta"))
        who = QLabel(self.tr("{name} · {email}").format(name=person.full_name, email=person.email))
        who.setTextFormat(Qt.TextFormat.PlainText)
        who.setStyleSheet("color: #57606a;")

        self.route_view = RouteView()

        self.send_button = QPushButton(self.tr("&Wyślij wiadomość testową"))
        self.send_button.setDefault(True)
        self.send_button.setAutoDefault(True)
        font = self.send_button.font()
        font.setBold(True)
        self.send_button.setFont(font)
        self.send_button.setMinimumHeight(self.send_button.sizeHint().height() + 10)
        self.send_button.setToolTip(
            self.tr("Wysyła wiadomość tak, jak wychodzi Twoja poczta: to samo konto, nadawca i stopka")
        )
        self.login_button = QPushButton(self.tr("Sprawdź &logowanie"))
        self.login_button.setToolTip(self.tr("Łączy się i loguje na serwerze, nic nie wysyłając"))
        self.last_result = QLabel()
        self.last_result.setWordWrap(True)
        self.last_result.setTextFormat(Qt.TextFormat.RichText)
        tests = QHBoxLayout()
        tests.addWidget(self.send_button)
        tests.addWidget(self.login_button)
        tests.addWidget(self.last_result, 1)

        self.smtp_section = SmtpSection(secrets)
        self.smtp_section.setTitle(self.tr("Twoje konto SMTP"))
        # "Wykryj ustawienia" and signing in with Microsoft or Google for the person's own mailbox;
        # the office's app registration stays the administrator's.
        attach_account_tools(self.smtp_section, store, secrets, self._own_address, office_apps=False)
        self.own_note = hint_label("")
        self.save_button = QPushButton(self.tr("&Zapisz moje konto"))
        self.save_button.clicked.connect(self.save)
        own_row = QHBoxLayout()
        own_row.addWidget(self.own_note, 1)
        own_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        own_box = QWidget()
        own_layout = QVBoxLayout(own_box)
        own_layout.setContentsMargins(0, 0, 0, 0)
        own_layout.addWidget(self.smtp_section)
        own_layout.addLayout(own_row)

        self.history = OwnHistory(store, person.id)
        history_box = QGroupBox(self.tr("Historia Twoich testów"))
        QVBoxLayout(history_box).addWidget(self.history)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        self._banners = QVBoxLayout()
        self._banners.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(self._banners)
        content_layout.addWidget(heading)
        content_layout.addWidget(who)
        content_layout.addWidget(self.route_view)
        content_layout.addLayout(tests)
        content_layout.addWidget(own_box)
        content_layout.addWidget(history_box)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCentralWidget(scroll)
        self.statusBar()

        self.session = SessionActions(
            self, self.file_menu, self.close_action, gate, is_modified=self.is_modified, save=self.save
        )
        self.send_button.clicked.connect(self.send_test)
        self.login_button.clicked.connect(self.check_login)
        self.smtp_section.changed.connect(self._form_changed)
        self.history.reloaded.connect(self._show_last_result)
        self.reload()
        self.change_monitor: ChangeMonitor | None = None
        if watch:
            self.change_monitor = ChangeMonitor(store, self, self.changed_elsewhere)
            self.closing.connect(self.change_monitor.stop)

    # -- extension points (demo mode) ---------------------------------------------------------

    def add_banner(self, widget: QWidget) -> None:
        self._banners.addWidget(widget)

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu(self.tr("&Plik"))
        self.close_action = QAction(self.tr("Za&mknij"), self)
        self.close_action.setShortcut(QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(self.close)
        self.file_menu.addAction(self.close_action)
        self.tools_menu: QMenu = _AutoHideMenu(self.tr("&Narzędzia"), self)
        self.menuBar().addMenu(self.tools_menu)
        self.tools_menu.menuAction().setVisible(False)
        # The language is this computer's choice, open to whoever sits at it.
        self.language_menu = LanguageMenu(self)
        self.menuBar().addMenu(self.language_menu)

    # -- what is shown ------------------------------------------------------------------------

    @property
    def may_edit(self) -> bool:
        return self.settings.agents_edit_own_smtp

    def reload(self) -> None:
        """Shows what is stored (the person's own fields as well), dropping unsaved edits."""
        self.settings: OfficeSettings = self.store.load_settings()
        stored = self.store.get_employee(self.person_id)
        if stored is not None:
            self.person = stored
        self.smtp_section.load(self.person.smtp, employee_account(self.person_id))
        self._apply_permission()
        self._loaded_state = self.smtp_section.state()
        self._show_route()
        self._show_last_result()

    def _apply_permission(self) -> None:
        editable = self.may_edit
        section = self.smtp_section
        for edit in (
            section.host_edit,
            section.port_edit,
            section.username_edit,
            section.password_field.line_edit,
        ):
            edit.setReadOnly(not editable)
        choices: tuple[QWidget, ...] = (
            section.security_combo,
            section.plaintext_check,
            section.password_field.remove_button,
            section.microsoft_button,
            section.google_button,
            section.password_button,
            section.detect_button,
            section.detect_offer,
        )
        for widget in choices:
            widget.setEnabled(editable)
        self.save_button.setVisible(editable)
        self.own_note.setText(
            self.tr("Administrator biura pozwala Ci zmieniać to konto. Zmiany zapisz przyciskiem obok.")
            if editable
            else self.tr(
                "Te ustawienia zmienia administrator biura. Jeśli coś tu nie działa, wyślij mu raport "
                "z testu („Kopiuj raport” w oknie wyniku)."
            )
        )

    def current_route(self) -> Route:
        """The route of the form as it stands (an allowed, valid edit is tested before saving)."""
        return resolve(self.settings, self._person_for_test())

    def _person_for_test(self) -> Employee:
        if self.may_edit and self.is_modified():
            try:
                return replace(self.person, smtp=self.smtp_section.account())
            except FieldError:
                return self.person
        return self.person

    def _show_route(self) -> None:
        self.route_view.show_route(self.current_route())

    def _show_last_result(self) -> None:
        entry = self.history.latest()
        if entry is None:
            text = html.escape(self.tr("Ostatni test: jeszcze nie testowano"))
            self.last_result.setText(f'<span style="color:#57606a;">{text}</span>')
            return
        colour = "#1a7f37" if entry.ok else "#cf222e"
        outcome = html.escape(masker_for(self).text(outcome_text(entry)))
        label = html.escape(self.tr("Ostatni test:"))
        self.last_result.setText(
            f'{label} <span style="color:{colour};">{outcome}</span> ({html.escape(when_text(entry.at))})'
        )

    def _form_changed(self) -> None:
        self._show_route()

    def is_modified(self) -> bool:
        return self.may_edit and self.smtp_section.state() != self._loaded_state

    # -- testing ------------------------------------------------------------------------------

    @Slot()
    def send_test(self) -> MailTestDialog | None:
        return self.test(login_only=False)

    @Slot()
    def check_login(self) -> MailTestDialog | None:
        return self.test(login_only=True)

    def test(self, *, login_only: bool) -> MailTestDialog | None:
        """Tests the mail as it leaves now: the account, From and footer clients get."""
        plan = self.plan(login_only=login_only)
        if plan is None:
            return None
        if self.dialog is not None and not self.dialog.running:
            self.dialog.close()
        own = plan.account_source == SOURCE_EMPLOYEE and self.may_edit
        dialog = MailTestDialog(plan, self.store, self, fix_handler=self._fix if own else None)
        view = dialog.diagnosis
        view.fix_allowed = self._fix_allowed if own else None
        view.fix_advice = self.tr(
            "Tę zmianę wprowadza administrator biura: {fixes}. Poproś go o nią — kliknij „Kopiuj "
            "raport” i wyślij mu raport z tego testu."
        )
        self.dialog = dialog
        dialog.destroyed.connect(self._dialog_gone)
        dialog.show()
        dialog.start()
        return dialog

    def plan(self, *, login_only: bool) -> MailTestPlan | None:
        if self.may_edit and self.is_modified() and self.smtp_section.check():
            return None  # the message is next to the field
        person = self._person_for_test()
        route = resolve(self.settings, person)
        if route.account is None or route.account_key is None:
            reason = " ".join(w.text() for w in route.warnings) or self.tr("Nie ustawiono serwera poczty.")
            show_message(self, QMessageBox.Icon.Information, self.tr("Brak serwera poczty"), reason)
            return None
        typed, token_provider = None, None
        if route.source == SOURCE_EMPLOYEE:
            section = self.smtp_section
            typed = section.password() or None
            if route.account.uses_oauth:
                # A sign-in made in this form and not saved yet, else the saved one.
                token_provider = TokenSource(self.settings.oauth, self.secrets).pending(
                    route.account.auth_method, section.refresh_token, section.keep_refresh_token
                )
        return route_plan(
            route,
            person,
            self.settings,
            self.secrets,
            typed_password=typed,
            token_provider=token_provider,
            login_only=login_only,
            timeouts=self.timeouts,
            through=self.tr("{name} (przez: {account})"),
        )

    def _fix_allowed(self, fix: Fix) -> bool:
        # The sender is the person's e-mail in the office's employee data, and the app registration
        # for signing in with Microsoft or Google is the office's: both are the administrator's.
        return fix.kind not in (FixKind.SET_SENDER, FixKind.OAUTH_SETTINGS)

    def _fix(self, fix: Fix) -> MailTestPlan | None:
        login_only = self.dialog.plan.login_only if self.dialog is not None else False
        self.smtp_section.apply_fix(fix)
        if fix.kind is FixKind.SIGN_IN:
            return None  # the test runs again once the sign-in in the browser is done
        return self.plan(login_only=login_only)

    def _own_address(self) -> str:
        return self.person.email

    @Slot()
    def _dialog_gone(self) -> None:
        self.dialog = None

    # -- saving the own account ---------------------------------------------------------------

    def save(self) -> bool:
        """„Zapisz moje konto” (only when the administrator allows agents to edit it)."""
        if not self.may_edit:
            return False
        if self.smtp_section.check():
            return False
        mine = replace(self.person, smtp=self.smtp_section.account())
        try:
            stored = self.store.save_employee(mine, base=self.person)
        except ConflictError:
            show_message(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Nie zapisano"),
                self.tr(
                    "W międzyczasie ktoś inny zmienił Twoje konto SMTP. Pokazuję zapisane ustawienia — "
                    "wprowadź swoje zmiany jeszcze raz."
                ),
            )
            self.reload()
            return False
        except (StoreError, OSError) as error:
            show_message(
                self,
                QMessageBox.Icon.Critical,
                self.tr("Nie zapisano"),
                self.tr("Nie udało się zapisać Twojego konta: {reason}").format(reason=error),
            )
            return False
        self.smtp_section.save_password(self.secrets, employee_account(self.person_id))
        self.person = stored
        self.reload()
        self.statusBar().showMessage(self.tr("Zapisano Twoje konto SMTP."), STATUS_TIMEOUT_MS)
        return True

    # -- other windows and desktops -----------------------------------------------------------

    @Slot(object)
    def changed_elsewhere(self, _records: list[ChangeRecord]) -> None:
        """The administrator changed something: what is shown follows, the person's edits stay."""
        try:
            self.settings = self.store.load_settings()
            stored = self.store.get_employee(self.person_id)
        except StoreError:
            return
        if stored is None:
            return
        editing = self.is_modified()
        self.person = stored
        if not editing:
            self.reload()
        else:
            self._apply_permission()
            self._show_route()
        self.statusBar().showMessage(self.tr("Administrator zmienił ustawienia poczty."), STATUS_TIMEOUT_MS)

    # -- closing ------------------------------------------------------------------------------

    def discard_and_close(self) -> None:
        self._discarding = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._discarding or not self.is_modified():
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
