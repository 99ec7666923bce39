"""The HTTP side of OAuth2: authlib's ``OAuth2Session`` (requests) with this program's TLS trust
(the system store plus an optional CA file, as for the mail servers) and bounded timeouts."""

from __future__ import annotations

import base64
import json
import ssl
from typing import Any

import requests
import requests.adapters
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.requests_client import OAuth2Session

from smtpdesk.core.model import SmtpAccount
from smtpdesk.core.oauth.endpoints import Endpoints
from smtpdesk.core.oauth.errors import OAuthError
from smtpdesk.core.smtp.preflight import verify_context

DEFAULT_TIMEOUT = 15.0


class _TrustAdapter(requests.adapters.HTTPAdapter):
    """Verifies with our SSL context instead of requests' own bundle."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)


def session(
    endpoints: Endpoints, *, redirect_uri: str = "", timeout: float = DEFAULT_TIMEOUT
) -> OAuth2Session:
    client = OAuth2Session(
        client_id=endpoints.client_id,
        client_secret=endpoints.client_secret or None,
        # Public clients (Microsoft desktop apps) send no secret; Google's desktop clients send theirs.
        token_endpoint_auth_method="client_secret_post" if endpoints.client_secret else "none",
        scope=" ".join(endpoints.scopes),
        redirect_uri=redirect_uri or None,
        code_challenge_method="S256",
        default_timeout=timeout,
    )
    client.trust_env = False  # no proxy or CA settings from the environment change where tokens go
    try:
        context = verify_context(SmtpAccount(host="oauth", ca_file=endpoints.ca_file))
    except (OSError, ValueError) as error:
        client.close()
        raise OAuthError("network", f"the CA file {endpoints.ca_file} cannot be used: {error}") from None
    adapter = _TrustAdapter(context)
    client.mount("https://", adapter)
    client.mount("http://", adapter)
    return client


def token_request(call: Any, stage: str) -> dict[str, Any]:
    """Runs an authlib token call, turning every failure into an ``OAuthError``."""
    try:
        token = call()
    except AuthlibBaseError as error:
        raise OAuthError(
            str(error.error or "invalid_grant"), str(error.description or ""), stage=stage
        ) from None
    except requests.Timeout:
        raise OAuthError("timeout", "the sign-in server did not answer in time", stage=stage) from None
    except requests.exceptions.SSLError as error:
        raise OAuthError("network", f"TLS: {_first_line(error)}", stage=stage) from None
    except (requests.RequestException, OSError) as error:
        raise OAuthError("network", _first_line(error), stage=stage) from None
    except ValueError as error:  # not JSON
        raise OAuthError("invalid_response", _first_line(error), stage=stage) from None
    if not isinstance(token, dict) or not token.get("access_token"):
        raise OAuthError("invalid_response", "the answer has no access token", stage=stage)
    return dict(token)


def _first_line(error: BaseException) -> str:
    return (str(error) or type(error).__name__).splitlines()[0][:300]


def id_token_claims(id_token: str) -> dict[str, Any]:
    """The claims of an ID token received straight from the token endpoint over verified TLS
    (OpenID Connect Core 3.1.3.7 lets such a client skip the signature check). Only the account's
    name is read from it."""
    try:
        payload = id_token.split(".")[1]
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
