"""``smtpdesk --self-test``: does this installation work? For a bundle, a new computer, support.

Without a display and without touching the user's files or keychain it: checks that application
passwords can be hashed and checked (the sign-in), starts Qt offscreen, opens the real settings
window, sends a test mail through the window's own test button to an SMTP server embedded for the
purpose (the demo's, on 127.0.0.1 with its own CA), checks that the Qt binding keeps reference
counts, and reports the keychain backend this computer offers.
Exit status 0 when everything works, 1 otherwise; every line says what was checked.
"""

from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from smtpdesk import __version__
from smtpdesk.cli.parsing import prescan_language
from smtpdesk.core.i18n import Lang, Msg

TEST_TIMEOUT_S = 30.0

_T = {
    "title": Msg(pl="smtpdesk {version} — autotest", en="smtpdesk {version} — self-test"),
    "runtime": Msg(pl="środowisko", en="runtime"),
    "window": Msg(pl="okno ustawień", en="settings window"),
    "window_ok": Msg(
        pl="otwarte, {tabs} zakładek, {width}×{height}", en="opened, {tabs} tabs, {width}×{height}"
    ),
    "binding": Msg(pl="Qt: liczniki referencji", en="Qt: reference counts"),
    "binding_ok": Msg(pl="stałe po {count} sygnałach", en="unchanged after {count} signals"),
    "binding_bad": Msg(
        pl="zmieniły się o {drift} po {count} sygnałach — ta wersja PySide6 przerwie długą sesję",
        en="moved by {drift} after {count} signals — this PySide6 release will abort a long session",
    ),
    "mail": Msg(pl="wiadomość testowa", en="test mail"),
    "mail_ok": Msg(
        pl="przyjęta przez wbudowany serwer {host}:{port} (STARTTLS) w {ms} ms",
        en="accepted by the embedded server {host}:{port} (STARTTLS) in {ms} ms",
    ),
    "mail_bad": Msg(pl="nieudana: {reason}", en="failed: {reason}"),
    "hashing": Msg(pl="hasła do programu", en="application passwords"),
    "hashing_ok": Msg(pl="Argon2id działa, {ms} ms na hasło", en="Argon2id works, {ms} ms a password"),
    "hashing_bad": Msg(
        pl="Argon2id nie działa ({reason}) — nikt nie zaloguje się do programu",
        en="Argon2id does not work ({reason}) — nobody can sign in to the program",
    ),
    "keychain": Msg(pl="pęk kluczy", en="keychain"),
    "keychain_usable": Msg(pl="{name} (działa)", en="{name} (usable)"),
    "keychain_none": Msg(
        pl="{name} — brak działającego pęku kluczy; hasła będą pamiętane do zamknięcia programu",
        en="{name} — no working keychain; passwords will be kept until the program closes",
    ),
    "translation": Msg(pl="tłumaczenie angielskie", en="English translation"),
    "translation_ok": Msg(pl="wczytane z {path}", en="loaded from {path}"),
    "translation_bad": Msg(pl="brak albo nieczytelne: {path}", en="missing or unreadable: {path}"),
    "log": Msg(pl="dziennik", en="log"),
    "passed": Msg(pl="WYNIK: wszystko działa", en="RESULT: everything works"),
    "failed": Msg(pl="WYNIK: błąd — {what}", en="RESULT: failure — {what}"),
}


def _line(label: str, text: str) -> None:
    print(f"  {label + ':':<26} {text}", flush=True)


def run_self_test(argv: list[str]) -> int:
    lang: Lang = prescan_language(argv)
    # Offscreen: the test needs no display and shows nothing, also inside the windowed bundle.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    folder = Path(tempfile.mkdtemp(prefix="smtpdesk-selftest-"))
    try:
        return _run(lang, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(lang: Lang, folder: Path) -> int:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QEventLoop, QTimer, qVersion
    from PySide6.QtWidgets import QApplication

    from smtpdesk.core import i18n
    from smtpdesk.core.model import COMPANY_ACCOUNT, Company, OfficeSettings
    from smtpdesk.core.secrets import SecretStore
    from smtpdesk.core.store import Store
    from smtpdesk.demo.accounts import COMPANY_MAILBOX
    from smtpdesk.demo.server import DemoServer
    from smtpdesk.logfile import start_logging
    from smtpdesk.ui.binding_check import EMISSIONS, TOLERANCE, reference_drift
    from smtpdesk.ui.gui_gc import collect_on_gui_thread
    from smtpdesk.ui.mailtest import install_mail_tests
    from smtpdesk.ui.qt_messages import route_qt_messages_to_log
    from smtpdesk.ui.settings_window import SettingsWindow

    i18n.set_language(lang)
    print(_T["title"].text(lang, version=__version__), flush=True)
    _line(
        _T["runtime"].text(lang),
        f"Python {platform.python_version()}, PySide6 {pyside_version}, Qt {qVersion()}, "
        f"{platform.system()} {platform.machine()}" + (" (bundle)" if getattr(sys, "frozen", False) else ""),
    )
    log_file = start_logging()
    failures: list[str] = []
    existing = QApplication.instance()
    if existing is None:
        route_qt_messages_to_log()  # only in a program of its own, never inside a test runner
    app = existing or QApplication(["smtpdesk", "-platform", "offscreen"])
    collect_on_gui_thread(app)

    _check_translation(lang, failures)
    drift = reference_drift()
    if drift < TOLERANCE:
        _line(_T["binding"].text(lang), _T["binding_ok"].text(lang, count=EMISSIONS))
    else:
        _line(_T["binding"].text(lang), _T["binding_bad"].text(lang, drift=drift, count=EMISSIONS))
        failures.append(_T["binding"].text(lang))

    problem = _hashing_problem()
    if problem is None:
        _line(_T["hashing"].text(lang), _T["hashing_ok"].text(lang, ms=f"{_hashing_ms():.0f}"))
    else:
        _line(_T["hashing"].text(lang), _T["hashing_bad"].text(lang, reason=problem))
        failures.append(_T["hashing"].text(lang))

    with DemoServer(folder) as server, Store.open(folder / "data") as store:
        store.save_settings(
            OfficeSettings(
                company=Company(name="smtpdesk", email=COMPANY_MAILBOX.login),
                company_smtp=server.account(COMPANY_MAILBOX.login),
            )
        )
        # The computer's keychain is only asked for its name below, never written to.
        secrets = SecretStore(session_only=True)
        secrets.set(COMPANY_ACCOUNT, COMPANY_MAILBOX.password)
        window = SettingsWindow(store, secrets, remember_geometry=False)
        tools = install_mail_tests(window)
        window.show()
        app.processEvents()
        shot = window.grab()
        if window.isVisible() and not shot.isNull():
            _line(
                _T["window"].text(lang),
                _T["window_ok"].text(
                    lang, tabs=window.tabs.count(), width=shot.width(), height=shot.height()
                ),
            )
        else:
            failures.append(_T["window"].text(lang))

        started = time.monotonic()
        dialog = tools.company_buttons.test(login_only=False)
        result = None
        if dialog is not None:
            loop = QEventLoop()
            dialog.run_finished.connect(lambda _result: loop.quit())
            QTimer.singleShot(int(TEST_TIMEOUT_S * 1000), loop.quit)
            if dialog.run_result is None:
                loop.exec()
            result = dialog.run_result
        elapsed = (time.monotonic() - started) * 1000
        if result is not None and result.ok and server.messages():
            _line(
                _T["mail"].text(lang),
                _T["mail_ok"].text(lang, host=server.host, port=server.port, ms=f"{elapsed:.0f}"),
            )
        else:
            reason = result.diagnosis.title if result is not None and result.diagnosis else "—"
            _line(_T["mail"].text(lang), _T["mail_bad"].text(lang, reason=reason))
            failures.append(_T["mail"].text(lang))
        window.discard_and_close()
        _settle(app.processEvents)

    keychain = SecretStore()
    name = keychain.backend_name
    usable = keychain.available
    key = "keychain_usable" if usable else "keychain_none"
    _line(_T["keychain"].text(lang), _T[key].text(lang, name=name))
    _line(_T["log"].text(lang), str(log_file) if log_file is not None else "—")

    if failures:
        print(_T["failed"].text(lang, what=", ".join(failures)), flush=True)
        return 1
    print(_T["passed"].text(lang), flush=True)
    return 0


def _hashing_problem() -> str | None:
    """Why the sign-in could not check a password (its hashing library is missing or broken)."""
    try:
        from smtpdesk.core.people.hashing import hash_password, verify_password

        stored = hash_password("smtpdesk-autotest")
        if verify_password(stored, "smtpdesk-autotest") and not verify_password(stored, "inne"):
            return None
        return "wrong answer"
    except Exception as error:  # an ImportError in a bundle without the binding, above all
        return f"{type(error).__name__}: {error}"


def _hashing_ms() -> float:
    """How long one sign-in's check takes on this computer."""
    from smtpdesk.core.people.hashing import hash_password, verify_password

    stored = hash_password("smtpdesk-autotest")
    started = time.monotonic()
    verify_password(stored, "smtpdesk-autotest")
    return (time.monotonic() - started) * 1000


def _check_translation(lang: Lang, failures: list[str]) -> None:
    """The English catalogue ships with this installation and translates the window's title."""
    from PySide6.QtCore import QTranslator

    from smtpdesk.ui.translations import translation_file

    path = translation_file("en")
    translator = QTranslator()
    if (
        translator.load(path)
        and translator.translate("SettingsWindow", "Ustawienia firmy") == "Company settings"
    ):
        _line(_T["translation"].text(lang), _T["translation_ok"].text(lang, path=path))
    else:
        _line(_T["translation"].text(lang), _T["translation_bad"].text(lang, path=path))
        failures.append(_T["translation"].text(lang))


def _settle(process_events: Callable[[], None]) -> None:
    """Lets the closed window's deferred deletions run before the server goes away."""
    from smtpdesk.ui import background

    background.cancel_all(5.0)
    process_events()
