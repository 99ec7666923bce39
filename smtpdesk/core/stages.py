"""The names of the test's stages, in Polish and English: one set for the progress rows, the
diagnosis sentences, the report and the history, so a person reads the same word everywhere."""

from __future__ import annotations

from smtpdesk.core.i18n import Lang, Msg
from smtpdesk.core.smtp.result import Stage

STAGE_NAMES: dict[Stage, Msg] = {
    Stage.CONFIG: Msg("Ustawienia", "Settings"),
    Stage.DNS: Msg("Wyszukanie nazwy serwera", "Server name lookup"),
    Stage.CONNECT: Msg("Łączenie", "Connecting"),
    Stage.GREETING: Msg("Powitanie serwera", "Server greeting"),
    Stage.EHLO: Msg("Przedstawienie się serwerowi", "Introducing this computer"),
    Stage.TLS: Msg("Szyfrowanie", "Encryption"),
    Stage.AUTH: Msg("Logowanie", "Login"),
    Stage.MAIL: Msg("Nadawca", "Sender"),
    Stage.RCPT: Msg("Odbiorca", "Recipient"),
    Stage.DATA: Msg("Wiadomość", "Message"),
    Stage.QUIT: Msg("Zakończenie", "Closing"),
}


def stage_name(stage: Stage | str, lang: Lang | None = None) -> str:
    """The stage's name as a row or a heading shows it ("Logowanie")."""
    try:
        return STAGE_NAMES[Stage(stage)].text(lang)
    except ValueError:
        return str(stage)


def stage_in_sentence(stage: Stage | str, lang: Lang | None = None) -> str:
    """The same name inside a sentence ("etap: logowanie")."""
    name = stage_name(stage, lang)
    return name[:1].lower() + name[1:]
