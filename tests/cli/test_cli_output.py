"""What ``smtpdesk check`` prints on terminals, pipes and consoles that cannot show every letter."""

from __future__ import annotations

import io
import json
import sys

from smtpdesk.app import main
from smtpdesk.cli.output import ProgressPrinter, write
from smtpdesk.core.smtp.result import ProgressEvent, Stage, StageState


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def shown_lines(text: str) -> list[str]:
    """The lines a terminal ends up showing: a carriage return rewrites its line."""
    return [line.split("\r")[-1].rstrip() for line in text.split("\n")]


def events(*items: tuple[Stage, StageState, float | None, str]) -> list[ProgressEvent]:
    return [ProgressEvent(stage=s, state=st, t_ms=0.0, duration_ms=d, detail=x) for s, st, d, x in items]


RUN = events(
    (Stage.CONNECT, StageState.STARTED, None, ""),
    (Stage.CONNECT, StageState.OK, 12.4, ""),
    (Stage.TLS, StageState.STARTED, None, ""),
    (Stage.TLS, StageState.OK, 30.0, "STARTTLS"),
    (Stage.AUTH, StageState.STARTED, None, ""),
    (Stage.AUTH, StageState.FAILED, 41.0, ""),
    (Stage.MAIL, StageState.SKIPPED, None, ""),
)


def test_terminal_shows_the_running_stage_then_replaces_it_with_the_outcome():
    terminal = Terminal()
    printer = ProgressPrinter(terminal, "pl")
    printer(RUN[0])
    assert terminal.getvalue().endswith("… Łączenie")  # visible while the stage runs
    for event in RUN[1:]:
        printer(event)
    lines = shown_lines(terminal.getvalue())
    assert lines[0].split() == ["✓", "Łączenie", "12", "ms"]
    assert lines[1].split() == ["✓", "Szyfrowanie", "30", "ms", "STARTTLS"]
    assert lines[2].split() == ["✗", "Logowanie", "41", "ms"]
    assert lines[3].split() == ["–", "Nadawca", "pominięto"]
    # The times line up whatever the length of the stage's name.
    assert len({line.index(" ms") for line in lines[:3]}) == 1


def test_english_stage_names_in_english():
    pipe = io.StringIO()
    printer = ProgressPrinter(pipe, "en")
    for event in RUN:
        printer(event)
    lines = pipe.getvalue().splitlines()
    assert lines[0].split() == ["✓", "Connecting", "12", "ms"]
    assert lines[2].split() == ["✗", "Login", "41", "ms"]
    assert lines[3].split() == ["–", "Sender", "skipped"]


def test_a_run_ending_inside_a_stage_leaves_no_running_marker():
    terminal = Terminal()
    printer = ProgressPrinter(terminal, "en")
    printer(RUN[0])
    printer.finish()
    assert shown_lines(terminal.getvalue()) == [""]


def test_a_pipe_gets_only_finished_stages():
    pipe = io.StringIO()
    printer = ProgressPrinter(pipe, "pl")
    for event in RUN:
        printer(event)
    text = pipe.getvalue()
    assert "…" not in text
    assert "\r" not in text
    assert len(text.splitlines()) == 4


def test_a_console_without_the_tick_does_not_crash_and_keeps_polish_letters():
    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding="cp1250")
    write(console, "✓ Wysłano: zażółć gęślą jaźń\n")
    assert raw.getvalue().decode("cp1250") == "? Wysłano: zażółć gęślą jaźń\n"


def test_json_on_an_ascii_only_stream_is_escaped_not_broken(monkeypatch):
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    status = main(["check", "--company", "--json"])  # nothing configured: a Polish diagnosis
    sys.stdout.flush()
    assert status == 1
    data = json.loads(raw.getvalue().decode("ascii"))
    assert data["code"] == "no_server_configured"
    assert any(ch in data["title"] + data["explanation"] for ch in "ąćęłńóśźż")
