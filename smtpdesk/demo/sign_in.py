"""The demo's "Microsoft" sign-in: the loopback authorization server (``oauth_server``) with its own
CA, registered in the demo office as if an administrator had entered an app ID, so "Zaloguj przez
Microsoft" works without any registration. The browser sees its consent page over plain HTTP on
127.0.0.1 (a browser does not know the demo CA); smtpdesk fetches tokens over verified HTTPS."""

from __future__ import annotations

import contextlib
import ssl
from dataclasses import dataclass
from pathlib import Path

import trustme

from smtpdesk.core.model import OAuthApps
from smtpdesk.demo.accounts import TOMASZ_MAILBOX
from smtpdesk.demo.oauth_server import HOST, Behaviour, OAuthServer, Registration, running

CLIENT_ID = "smtpdesk-demo"
CA_FILE_NAME = "demo-sign-in-ca.pem"


@dataclass
class DemoSignIn:
    server: OAuthServer
    ca_file: Path
    _stack: contextlib.ExitStack

    @classmethod
    def start(cls, directory: Path) -> DemoSignIn:
        ca = trustme.CA(organization_name="smtpdesk demo sign-in")
        ca_file = Path(directory) / CA_FILE_NAME
        ca.cert_pem.write_to_path(str(ca_file))
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert(HOST, "localhost").configure_cert(context)
        server = OAuthServer(Registration(CLIENT_ID), Behaviour(user=TOMASZ_MAILBOX.login, interactive=True))
        stack = contextlib.ExitStack()
        stack.enter_context(running(server, context, browser_http=True))
        return cls(server, ca_file, stack)

    @property
    def apps(self) -> OAuthApps:
        return OAuthApps(
            microsoft_client_id=CLIENT_ID, microsoft_authority=self.server.base, ca_file=str(self.ca_file)
        )

    def valid(self, user: str, token: str) -> bool:
        return self.server.access_token_valid(token, user)

    def browser_url(self, url: str) -> str:
        """The address of the sign-in page as a browser can open it."""
        return url.replace(self.server.base, self.server.browser_base, 1)

    def stop(self) -> None:
        self._stack.close()
