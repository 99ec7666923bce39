"""Opening „Szczegóły techniczne” grows a test or diagnosis window so the whole box shows, within a
1366×768 screen, and leaves no empty band above the buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from smtpdesk.ui.mailtest.buttons import attach_mail_test_buttons
from smtpdesk.ui.mailtest.diagnosis_dialog import DiagnosisDialog
from tests.fixtures.samples import failed_auth_result
from tests.fixtures.screenshots import beyond_the_screen
from tests.ui.mailtest.conftest import PASSWORD, WAIT_MS, fill, run_to_end


def wholly_shown(widget: QWidget) -> bool:
    return widget.visibleRegion().boundingRect() == widget.rect()


def test_a_diagnosis_window_shows_all_of_the_technical_details_once_opened(qtbot, show_window):
    dialog = DiagnosisDialog.for_result(failed_auth_result(), account_label="Anna Łęcka")
    show_window(dialog)
    view = dialog.view
    qtbot.waitUntil(lambda: wholly_shown(view.steps), timeout=WAIT_MS)

    qtbot.mouseClick(view.details_toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.details.isVisible() and wholly_shown(view.details), timeout=WAIT_MS)
    assert wholly_shown(view.steps)
    assert beyond_the_screen(dialog) is None


def test_a_test_window_gives_its_spare_height_to_the_diagnosis(
    qtbot, form, store, secrets, smtp_server, fast_timeouts
):
    server = smtp_server()
    fill(form, server.account(), PASSWORD)
    dialog = run_to_end(qtbot, attach_mail_test_buttons(form, store, secrets, timeouts=fast_timeouts))
    view = dialog.diagnosis

    qtbot.mouseClick(view.details_toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.details.isVisible() and wholly_shown(view.details), timeout=WAIT_MS)
    assert beyond_the_screen(dialog) is None
    layout = dialog.layout()
    assert layout is not None
    # The buttons follow the diagnosis at the layout's spacing, not below an empty band.
    band = dialog.close_button.geometry().top() - dialog.diagnosis_area.geometry().bottom()
    assert band <= 2 * layout.spacing()
