"""Detection, the sign-in wait and the app registration with the keyboard only, against the
loopback DNS and authorization servers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from smtpdesk.core.model import AuthMethod, OAuthApps
from smtpdesk.core.oauth.endpoints import endpoints_for
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.ui import background
from smtpdesk.ui.oauth.apps_dialog import OAuthAppsDialog
from smtpdesk.ui.oauth.detect_dialog import DetectDialog
from smtpdesk.ui.oauth.signin_dialog import SignInDialog
from tests.fixtures.detect_servers import loopback_network
from tests.fixtures.keyboard import walk_window
from tests.fixtures.typing import type_text

WAIT_MS = 10000
CLIENT_ID = "0b1c2d3e-aaaa-bbbb-cccc-000000000001"


@pytest.fixture(autouse=True)
def no_call_left_running() -> Iterator[None]:
    yield
    assert background.cancel_all(), "a detection or sign-in thread did not end"


def detect_dialog(show_window, dns_server) -> DetectDialog:
    dns_server.zone.add("firma.test", "MX", "10 firma-test.mail.protection.outlook.com.")
    dialog = DetectDialog("jan@firma.test", "", network=loopback_network(dns_server.port), budget=3.0)
    show_window(dialog)
    return dialog


def test_enter_takes_the_settings_found_and_nothing_before(qtbot, show_window, dns_server) -> None:
    dialog = detect_dialog(show_window, dns_server)
    walk = walk_window(qtbot, dialog, main=None)  # nothing found yet: Enter has nothing to take
    assert walk.problems() == []

    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    walk = walk_window(qtbot, dialog, main=dialog.use_button)
    assert walk.problems() == []
    with qtbot.waitSignal(dialog.accepted_settings, timeout=WAIT_MS) as taken:
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert taken.args[1].host == "smtp.office365.com"


def test_escape_leaves_the_detected_settings_unused(qtbot, show_window, dns_server) -> None:
    dialog = detect_dialog(show_window, dns_server)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    with qtbot.assertNotEmitted(dialog.accepted_settings), qtbot.waitSignal(dialog.rejected, timeout=WAIT_MS):
        qtbot.keyClick(dialog.use_button, Qt.Key.Key_Escape)


def test_waiting_for_the_browser_takes_no_enter_and_escape_stops_it(
    qtbot, show_window, oauth_apps: OAuthApps
) -> None:
    opened: list[str] = []  # a browser where the user has not signed in yet
    dialog = SignInDialog(
        endpoints_for(AuthMethod.OAUTH_MICROSOFT, oauth_apps), "jan@firma.test", open_browser=opened.append
    )
    show_window(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    walk = walk_window(qtbot, dialog, main=None)
    assert walk.problems() == []

    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Return)
    assert dialog.running and dialog.isVisible()
    call = dialog.call
    assert call is not None
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: call.ended, timeout=WAIT_MS)  # the wait for the browser stopped


def test_the_app_registration_is_typed_and_saved_with_enter(
    qtbot, show_window, store: Store, secrets: SecretStore
) -> None:
    dialog = OAuthAppsDialog(store, secrets)
    show_window(dialog)
    walk = walk_window(qtbot, dialog, main=dialog.save_button)
    assert walk.problems() == []

    dialog.ms_client.setFocus()
    type_text(qtbot, dialog.ms_client, CLIENT_ID)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.keyClick(dialog.ms_client, Qt.Key.Key_Return)
    assert store.load_settings().oauth.microsoft_client_id == CLIENT_ID

    again = OAuthAppsDialog(store, secrets)
    show_window(again)
    again.ms_client.setFocus()
    again.ms_client.selectAll()
    type_text(qtbot, again.ms_client, "inny-identyfikator")
    with qtbot.assertNotEmitted(again.saved):
        qtbot.keyClick(again.ms_client, Qt.Key.Key_Escape)
    assert store.load_settings().oauth.microsoft_client_id == CLIENT_ID
