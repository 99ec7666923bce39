"""Secrets are removed from every recorded text, in every form they can take."""

from __future__ import annotations

import base64

from smtpdesk.core.smtp.transcript import REDACTED, Secrets, Transcript

LOGIN = "anna@biuro.test"
PASSWORD = "Hasło-łódź-1"


def test_every_form_of_the_password_is_scrubbed():
    secrets = Secrets(LOGIN, PASSWORD)
    raw = PASSWORD.encode("utf-8")
    forms = [
        PASSWORD,
        base64.b64encode(raw).decode(),
        base64.b64encode(f"\0{LOGIN}\0{PASSWORD}".encode()).decode(),
        base64.b64encode(f"{LOGIN}\0{LOGIN}\0{PASSWORD}".encode()).decode(),  # with an authorisation id
        raw.decode("latin-1"),
        repr(raw),
    ]
    for form in forms:
        scrubbed = secrets.scrub(f"before {form} after")
        assert REDACTED in scrubbed
        assert PASSWORD not in scrubbed
        assert base64.b64encode(raw).decode()[:8] not in scrubbed


def test_ordinary_text_is_left_alone():
    secrets = Secrets(LOGIN, PASSWORD)

    assert secrets.scrub("250 2.0.0 Ok: queued as 4A11CE") == "250 2.0.0 Ok: queued as 4A11CE"
    assert Secrets(LOGIN, None).scrub("anything") == "anything"


def test_a_very_short_password_does_not_blank_out_the_transcript():
    secrets = Secrets(LOGIN, "a1")

    assert secrets.scrub("250 a1 ok") == "250 a1 ok"


def test_transcript_lines_are_scrubbed_and_timed():
    seen = []
    transcript = Transcript(Secrets(LOGIN, PASSWORD), on_line=seen.append)

    transcript.server(f"535 wrong {PASSWORD}")
    transcript.info("note")

    assert [line.text for line in transcript.lines] == [f"535 wrong {REDACTED}", "note"]
    assert [line.dir for line in transcript.lines] == ["server", "info"]
    assert seen == transcript.lines
    assert 0 <= transcript.lines[0].t_ms <= transcript.lines[1].t_ms
