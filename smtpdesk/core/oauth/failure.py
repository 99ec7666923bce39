"""A failed sign-in, in the same form as a failed test: a ``RunResult`` with its diagnosis, so the
window shows it with the same plain-language dialog and one-click fixes."""

from __future__ import annotations

from smtpdesk.core.diagnosis import DiagnosisContext, diagnose
from smtpdesk.core.i18n import Lang
from smtpdesk.core.model import AuthMethod, SmtpAccount
from smtpdesk.core.oauth.errors import OAuthError
from smtpdesk.core.smtp.result import Facts, RunResult, Stage


def sign_in_result(error: OAuthError, account: SmtpAccount, method: AuthMethod, lang: Lang) -> RunResult:
    facts = Facts(
        stage=Stage.AUTH,
        exception="OAuthError",
        message=str(error),
        host=account.host,
        port=account.port,
        security=account.security,
    )
    ctx = DiagnosisContext(
        host=account.host,
        port=account.port,
        username=account.username,
        security=account.security,
        lang=lang,
        auth_method=method,
    )
    diagnosis = diagnose(facts, ctx)
    return RunResult(
        ok=False,
        code=diagnosis.code,
        stage=Stage.AUTH,
        login_only=True,
        account=account.with_changes(auth_method=method),
        sender="",
        recipient="",
        security_used=account.security,
        facts=facts,
        diagnosis=diagnosis,
    )
