"""Rules for OAuth2 sign-in and for password sign-in that Microsoft no longer accepts.

Two groups, placed into ``rules.RULES`` where they must stand: ``SIGN_IN_RULES`` right after
"cancelled" (a failed sign-in or token refresh is an ``OAuthError``, whatever the stage), and
``LOGIN_RULES`` before the providers' generic login rules (the same 5.7.139/5.7.30 replies mean
different things for a password and for a token). The providers' error codes are matched in the
lower-cased text of ``Facts.message`` ("invalid_grant: AADSTS70000: …"). Each entry is
``(name, code, when, variant)``, the fields of ``rules.Rule``.
"""

from __future__ import annotations

from smtpdesk.core.diagnosis.matchers import MICROSOFT_HOSTS, When
from smtpdesk.core.diagnosis.model import DiagnosisContext
from smtpdesk.core.model import AuthMethod
from smtpdesk.core.smtp.result import Facts, Stage

OAUTH = ("OAuthError",)


def uses_oauth(facts: Facts, ctx: DiagnosisContext) -> bool:
    return ctx.auth_method is not AuthMethod.PASSWORD


def uses_password(facts: Facts, ctx: DiagnosisContext) -> bool:
    return ctx.auth_method is AuthMethod.PASSWORD and bool(ctx.username)


SIGN_IN_RULES: tuple[tuple[str, str, When, str], ...] = (
    ("oauth_not_configured", "oauth_not_configured", When(exceptions=OAUTH, text=("not_configured",)), ""),
    (
        "oauth_sign_in_expired/not_signed_in",
        "oauth_sign_in_expired",
        When(exceptions=OAUTH, text=("not_signed_in",)),
        "not_signed_in",
    ),
    (
        "oauth_app_not_registered/public_client",
        "oauth_app_not_registered",
        When(exceptions=OAUTH, text=("aadsts7000218", "aadsts7000215", "client_assertion", "client_secret")),
        "public_client",
    ),
    (
        "oauth_app_not_registered",
        "oauth_app_not_registered",
        When(
            exceptions=OAUTH,
            text=("aadsts700016", "invalid_client", "unauthorized_client", "aadsts700054", "deleted_client"),
        ),
        "",
    ),
    (
        "oauth_redirect_mismatch",
        "oauth_redirect_mismatch",
        When(exceptions=OAUTH, text=("aadsts50011", "redirect_uri_mismatch", "redirect uri")),
        "",
    ),
    (
        "oauth_wrong_tenant",
        "oauth_wrong_tenant",
        When(
            exceptions=OAUTH,
            text=("aadsts50020", "aadsts90002", "aadsts50128", "aadsts50059", "aadsts900023", "aadsts90072"),
        ),
        "",
    ),
    (
        "oauth_consent_required",
        "oauth_consent_required",
        When(
            exceptions=OAUTH,
            text=(
                "access_denied",
                "consent_required",
                "aadsts65001",
                "aadsts65004",
                "aadsts90094",
                "interaction_required",
            ),
        ),
        "",
    ),
    (
        "oauth_sign_in_expired",
        "oauth_sign_in_expired",
        When(
            exceptions=OAUTH,
            text=(
                "invalid_grant",
                "expired",
                "revoked",
                "aadsts70000",
                "aadsts70008",
                "aadsts700082",
                "aadsts50173",
            ),
        ),
        "",
    ),
    (
        "oauth_server_unreachable",
        "oauth_server_unreachable",
        When(exceptions=OAUTH, text=("network", "timeout", "invalid_response")),
        "",
    ),
    ("oauth_sign_in_expired/other", "oauth_sign_in_expired", When(exceptions=OAUTH), "other"),
)

LOGIN_RULES: tuple[tuple[str, str, When, str], ...] = (
    (
        "oauth_not_offered",
        "oauth_not_offered",
        When(stages=(Stage.AUTH,), checks=(uses_oauth,), text=("no oauth2 login",)),
        "",
    ),
    (
        "oauth_smtp_disabled",
        "oauth_smtp_disabled",
        When(
            stages=(Stage.AUTH,),
            checks=(uses_oauth,),
            text=("smtpclientauthentication is disabled", "5.7.139", "security defaults"),
        ),
        "",
    ),
    (
        "oauth_token_rejected",
        "oauth_token_rejected",
        When(stages=(Stage.AUTH,), checks=(uses_oauth,), code_range=(500, 599)),
        "",
    ),
    (
        "basic_auth_retired/text",
        "basic_auth_retired",
        When(
            checks=(uses_password,),
            hosts=MICROSOFT_HOSTS,
            text=(
                "basic authentication is not supported",
                "basic authentication is disabled",
                "basic auth is disabled",
            ),
        ),
        "",
    ),
    (
        "basic_auth_retired/code",
        "basic_auth_retired",
        When(checks=(uses_password,), hosts=MICROSOFT_HOSTS, enhanced=("5.7.30",)),
        "",
    ),
)
