"""One run of demo mode: a throw-away data folder, the running demo server and the seeded agency.

Nothing outlives the session: ``stop()`` closes the database, frees the server's port and deletes
the folder (also at interpreter exit, should the application end without calling it).
"""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.demo.seed import seed_demo
from smtpdesk.demo.server import DemoServer
from smtpdesk.demo.sign_in import DemoSignIn

log = logging.getLogger(__name__)

DATA_DIR_PREFIX = "smtpdesk-demo-"


class DemoSession:
    def __init__(
        self,
        data_dir: Path,
        server: DemoServer,
        store: Store,
        secrets: SecretStore,
        oauth: DemoSignIn | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.server = server
        self.store = store
        self.secrets = secrets
        self.oauth = oauth
        self._stopped = False

    @classmethod
    def start(cls) -> DemoSession:
        """Create the folder (mode 0700), start the server and seed the sample agency."""
        data_dir = Path(tempfile.mkdtemp(prefix=DATA_DIR_PREFIX))
        data_dir.chmod(0o700)
        server = DemoServer(data_dir)
        store: Store | None = None
        oauth: DemoSignIn | None = None
        try:
            server.start()
            oauth = DemoSignIn.start(data_dir)
            server.oauth_validate = oauth.valid
            store = Store.open(data_dir)
            # The demo never touches the computer's keychain: its passwords live only in memory.
            secrets = SecretStore(session_only=True)
            seed_demo(store, secrets, server, oauth.apps)
        except BaseException:
            if store is not None:
                store.close()
            if oauth is not None:
                oauth.stop()
            server.stop()
            shutil.rmtree(data_dir, ignore_errors=True)
            raise
        session = cls(data_dir, server, store, secrets, oauth)
        atexit.register(session.stop)
        return session

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        """Close the store, stop the server and remove the folder; safe to call more than once."""
        if self._stopped:
            return
        self._stopped = True
        atexit.unregister(self.stop)
        try:
            self.store.close()
        finally:
            if self.oauth is not None:
                self.oauth.stop()
            self.server.stop()
            shutil.rmtree(self.data_dir, ignore_errors=True)
            if self.data_dir.exists():
                log.warning("could not remove the demo folder %s", self.data_dir)

    def __enter__(self) -> DemoSession:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
