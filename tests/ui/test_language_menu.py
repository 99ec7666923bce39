"""The window's language: the system's until someone chooses another in „Język / Language”, which
this computer then keeps for every start; ``--lang`` decides for one run only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from smtpdesk.core import i18n
from smtpdesk.core.model import Company, OfficeSettings
from smtpdesk.core.store import Store
from smtpdesk.language import saved_language
from smtpdesk.ui.application import GuiSession, start_gui, system_ui_language
from smtpdesk.ui.language_menu import LanguageMenu
from tests.fixtures.people import enter_as_admin_now

POLISH_TITLE = "Ustawienia firmy[*]"
ENGLISH_TITLE = "Company settings[*]"


@pytest.fixture
def office(data_dir: Path) -> Path:
    with Store.open(data_dir) as store:
        store.save_settings(OfficeSettings(company=Company(name="Northwind Homes")))
    return data_dir


@pytest.fixture
def sessions(qapp, english_catalogue) -> Iterator[list[GuiSession]]:
    started: list[GuiSession] = []
    yield started
    for session in started:
        session.close()


def start(sessions: list[GuiSession], *argv: str) -> GuiSession:
    session = start_gui(list(argv))
    sessions.append(session)
    enter_as_admin_now(session)
    return session


def title_of(session: GuiSession) -> str:
    assert session.window is not None
    return session.window.windowTitle()


@pytest.mark.parametrize(
    ("system", "title", "lang"),
    [("pl_PL", POLISH_TITLE, "pl"), ("en_US", ENGLISH_TITLE, "en"), ("de_DE", ENGLISH_TITLE, "en")],
)
def test_with_nothing_chosen_the_window_follows_the_system(
    sessions, office, monkeypatch, system, title, lang
):
    monkeypatch.setenv("LANGUAGE", system)
    assert system_ui_language() == lang
    session = start(sessions)
    assert title_of(session) == title
    assert i18n.language() == lang


def test_a_language_chosen_in_the_window_is_kept_for_the_next_starts(qtbot, sessions, office, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "pl_PL")
    first = start(sessions)
    assert title_of(first) == POLISH_TITLE
    assert first.window is not None
    menu = first.window.language_menu
    assert isinstance(menu, LanguageMenu)
    assert menu.actions_by_choice[None].isChecked()  # nothing chosen yet: the system's

    menu.actions_by_choice["en"].trigger()
    assert saved_language() == "en"
    box = menu.message
    assert box is not None and box.isVisible()
    assert box.text() == (
        "Program będzie po angielsku od następnego uruchomienia.\n\n"
        "smtpdesk will be in English from its next start."
    )
    assert title_of(first) == POLISH_TITLE  # this run stays as it started
    box.accept()
    first.close()

    second = start(sessions)
    assert title_of(second) == ENGLISH_TITLE
    assert second.window is not None
    assert second.window.language_menu.actions_by_choice["en"].isChecked()
    second.close()

    one_run = start(sessions, "--lang", "pl")
    assert title_of(one_run) == POLISH_TITLE
    assert saved_language() == "en"  # the option changed nothing kept
    assert one_run.window is not None
    one_run.window.language_menu.actions_by_choice[None].trigger()
    assert saved_language() is None
    one_run.close()

    assert title_of(start(sessions)) == POLISH_TITLE  # the system's again


def test_choosing_the_language_already_kept_says_nothing(sessions, office, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "pl_PL")
    session = start(sessions)
    assert session.window is not None
    menu = session.window.language_menu
    menu.actions_by_choice[None].trigger()
    assert menu.message is None
    assert saved_language() is None


def test_a_choice_that_cannot_be_kept_says_so_and_stays_as_it_was(sessions, office, monkeypatch, tmp_path):
    monkeypatch.setenv("LANGUAGE", "pl_PL")
    session = start(sessions)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the config folder should be")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
    assert session.window is not None
    menu = session.window.language_menu
    menu.actions_by_choice["en"].trigger()
    assert menu.message is not None and menu.message.isVisible()
    assert "could not be saved" in menu.message.text()
    assert menu.actions_by_choice[None].isChecked()
    assert saved_language() is None
