"""OAuth2 sign-in for sending accounts ("Zaloguj przez Microsoft / Google").

``signin.sign_in`` runs the authorization-code flow with PKCE through the system browser and a
loopback redirect (RFC 8252, RFC 7636); ``tokens.TokenSource`` turns an account's refresh token
(kept in the keychain, never in the database) into a fresh access token before each test; the SMTP
side (XOAUTH2 / OAUTHBEARER) is ``core.smtp.sasl_oauth``. HTTP and the OAuth2 protocol details are
authlib's (``OAuth2Session`` on requests).
"""

from smtpdesk.core.oauth.endpoints import Endpoints, OAuthNotConfigured, endpoints_for
from smtpdesk.core.oauth.errors import OAuthError
from smtpdesk.core.oauth.signin import SignInResult, sign_in
from smtpdesk.core.oauth.tokens import TokenSource

__all__ = [
    "Endpoints",
    "OAuthError",
    "OAuthNotConfigured",
    "SignInResult",
    "TokenSource",
    "endpoints_for",
    "sign_in",
]
