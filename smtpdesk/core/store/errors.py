"""What can go wrong with the settings database, in sentences for the user (Polish and English)."""

from __future__ import annotations

from smtpdesk.core.i18n import Msg


class StoreError(Exception):
    """The settings cannot be read or changed; ``message`` is the sentence for the user."""

    def __init__(self, message: Msg, **values: object) -> None:
        self.values = values  # e.g. the driver's own words as "detail", for a closer diagnosis
        if values:
            message = Msg(pl=message.pl.format(**values), en=message.en.format(**values))
        self.message = message
        super().__init__(self.message.en)

    def __str__(self) -> str:
        return self.message.text()


class NewerDatabaseError(StoreError):
    """The database comes from a newer program; nothing was changed."""


class EmptyDatabaseError(StoreError):
    """The database holds no smtpdesk settings yet and was not to be set up."""


MSG_NO_ADMIN_LEFT = Msg(
    pl="Nic nie zapisano: po tej zmianie w biurze nie zostałby żaden administrator, który może się "
    "zalogować.",
    en="Nothing was saved: after this change the office would have no administrator who can sign in.",
)
MSG_CLOSED = Msg(
    pl="Baza ustawień została już zamknięta",
    en="The settings database has already been closed",
)
MSG_WRITE_FAILED = Msg(
    pl="Nie udało się zapisać zmian w {path}: {detail}. Nic nie zostało zmienione.",
    en="The changes could not be saved to {path}: {detail}. Nothing was changed.",
)
MSG_READ_FAILED = Msg(
    pl="Nie udało się odczytać ustawień z {path}: {detail}",
    en="The settings could not be read from {path}: {detail}",
)
MSG_NEWER = Msg(
    pl="Ustawienia w {path} zapisała nowsza wersja smtpdesk (wersja danych {found}, ten program zna "
    "najwyżej {supported}). Zainstaluj nowszą wersję programu — nic nie zostało zmienione.",
    en="The settings in {path} were written by a newer smtpdesk (data version {found}, this program "
    "knows up to {supported}). Install the newer version — nothing was changed.",
)
MSG_FOREIGN = Msg(
    pl="{path} nie zawiera ustawień smtpdesk, tylko dane innego programu. Wskaż inny plik lub bazę "
    "— nic nie zostało zmienione.",
    en="{path} does not hold smtpdesk settings but another program's data. Choose another file or "
    "database — nothing was changed.",
)
MSG_UNREADABLE = Msg(
    pl="Nie można otworzyć ustawień {path}: {detail}",
    en="The settings {path} cannot be opened: {detail}",
)
MSG_MIGRATION_FAILED = Msg(
    pl="Nie udało się zaktualizować ustawień {path} do nowej wersji: {detail}. "
    "Zostały w poprzedniej postaci; kopia zapasowa: {backup}",
    en="The settings {path} could not be upgraded: {detail}. They were left as they were; "
    "backup copy: {backup}",
)
MSG_NO_DATABASE_YET = Msg(
    pl="W {path} nie ma jeszcze ustawień smtpdesk.",
    en="There are no smtpdesk settings in {path} yet.",
)
MSG_NO_SETTINGS_FOLDER = Msg(
    pl="Folder danych {path} nie istnieje — sprawdź, czy ścieżka jest dobrze wpisana "
    "(nic nie zostało utworzone).",
    en="The data folder {path} does not exist — check that the path is typed correctly "
    "(nothing was created).",
)
MSG_NO_SETTINGS_FILE = Msg(
    pl="W folderze {path} nie ma pliku ustawień smtpdesk — nic nie zostało jeszcze zapisane albo "
    "ścieżka jest błędna (nic nie zostało utworzone).",
    en="The folder {path} has no smtpdesk settings file — nothing has been saved yet or the path "
    "is wrong (nothing was created).",
)
MSG_OFFICE_NOT_EMPTY = Msg(
    pl="{path} zawiera już dane smtpdesk — dołącz do tej bazy zamiast przenosić do niej ustawienia.",
    en="{path} already holds smtpdesk data — join that database instead of moving settings into it.",
)
MSG_NOT_AN_OFFICE_YET = Msg(
    pl="W {path} nie ma jeszcze ustawień biura — wybierz „Przenieś ustawienia do tej bazy”.",
    en='{path} holds no office settings yet — choose "Move the settings to this database".',
)
