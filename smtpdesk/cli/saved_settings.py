"""The saved settings for the command line: the same choice the window makes (``--database``,
``SMTPDESK_DATABASE``, this desktop's saved choice, the local file), without ever creating a folder,
a file or a database."""

from __future__ import annotations

from smtpdesk import paths
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store.choice import choose
from smtpdesk.core.store.office import Opened, open_location


def open_saved(data_dir: str | None, database: str | None) -> Opened | None:
    """The opened settings; None when nothing was ever saved in the default place. A folder or
    database given explicitly that holds nothing is an error (``StoreError``) naming it."""
    directory = paths.data_dir(data_dir, create=False)
    choice = choose(database, directory)
    if choice.source == "local" and data_dir is None and not paths.database_path(directory).is_file():
        return None
    return open_location(choice.location, SecretStore(), create=False)
