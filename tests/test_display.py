"""Without a display the window says so in one sentence instead of Qt's plugin page and an abort."""

from __future__ import annotations

import os
import subprocess
import sys

from smtpdesk.display import DISPLAY_UNREACHABLE, NO_DISPLAY, display_problem

RUN_TIMEOUT_S = 60
NOWHERE = ":987"  # no X server listens there on a test machine


def test_no_display_variable_is_named():
    assert display_problem("pl", {}, "linux") == NO_DISPLAY.text("pl")


def test_a_display_nobody_answers_is_named():
    assert display_problem("en", {"DISPLAY": NOWHERE}, "linux") == DISPLAY_UNREACHABLE.text(
        "en", display=NOWHERE
    )


def test_offscreen_and_wayland_and_other_systems_need_nothing():
    assert display_problem("pl", {"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem("pl", {"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem("pl", {}, "win32") is None
    assert display_problem("pl", {}, "darwin") is None


def test_the_window_entry_prints_one_clear_sentence_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "smtpdesk", "--data-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.strip() == NO_DISPLAY.text("pl")
    assert "plugin" not in done.stderr


def test_the_sentence_is_in_english_with_lang_en(tmp_path):
    env = dict(os.environ, DISPLAY=NOWHERE)
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-m", "smtpdesk", "--lang", "en", "--data-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == DISPLAY_UNREACHABLE.text("en", display=NOWHERE)
