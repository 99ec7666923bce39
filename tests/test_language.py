"""Which language smtpdesk speaks: ``--lang`` for a run, else the choice kept on this computer,
else the system's (Polish for a Polish system, English for any other)."""

from __future__ import annotations

import json

import pytest

from smtpdesk import paths
from smtpdesk.language import (
    FILE_NAME,
    chosen_language,
    language_of_locale,
    language_of_ui_languages,
    save_language,
    saved_language,
    system_language,
)


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("pl_PL.UTF-8", "pl"),
        ("pl", "pl"),
        ("pl-PL", "pl"),
        ("Polish_Poland.1250", "pl"),
        ("en_GB.UTF-8", "en"),
        ("de_DE", "en"),
        ("C.UTF-8", "en"),
        ("POSIX", "en"),
        ("plt_XX", "en"),
        ("", "en"),
    ],
)
def test_a_polish_locale_means_polish_and_any_other_english(name, lang):
    assert language_of_locale(name) == lang


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANGUAGE": "pl_PL:en", "LANG": "en_US.UTF-8"}, "pl"),  # what the desktop says first
        ({"LANGUAGE": "en_GB:pl", "LANG": "pl_PL.UTF-8"}, "en"),
        ({"LC_ALL": "pl_PL.UTF-8", "LANG": "en_US.UTF-8"}, "pl"),
        ({"LC_MESSAGES": "pl_PL.UTF-8", "LANG": "C.UTF-8"}, "pl"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "pl_PL.UTF-8"}, "pl"),
    ],
)
def test_the_system_language_is_read_as_posix_programs_read_it(environ, lang):
    assert system_language(environ) == lang


def test_the_first_ui_language_of_the_system_decides():
    assert language_of_ui_languages(["pl-Latn-PL", "pl-PL", "en"]) == "pl"
    assert language_of_ui_languages(["en-US", "pl-PL"]) == "en"
    assert language_of_ui_languages([]) == "en"


def test_a_choice_is_kept_per_computer_and_beaten_only_by_the_option(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "pl_PL")
    assert saved_language() is None
    assert chosen_language() == "pl"
    assert save_language("en")
    assert json.loads((paths.config_dir() / FILE_NAME).read_text()) == {"language": "en"}
    assert saved_language() == "en"
    assert chosen_language() == "en"
    assert chosen_language("pl") == "pl"  # --lang pl for one run
    assert saved_language() == "en"  # ...which changes nothing kept
    assert save_language(None)  # "Jak w systemie / System language"
    assert not (paths.config_dir() / FILE_NAME).exists()
    assert chosen_language(system="en") == "en"


@pytest.mark.parametrize("content", ["{not json", '{"language": "de"}', '["en"]', ""])
def test_an_unreadable_or_unknown_choice_follows_the_system(content, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en_US")
    (paths.config_dir()).mkdir(parents=True, exist_ok=True)
    (paths.config_dir() / FILE_NAME).write_text(content)
    assert saved_language() is None
    assert chosen_language() == "en"


def test_a_config_folder_that_cannot_be_written_keeps_the_choice_unchanged(tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
    assert not save_language("en")
    assert saved_language() is None
