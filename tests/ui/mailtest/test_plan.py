"""A test plan carries the password to the engine and nowhere else."""

from __future__ import annotations

from smtpdesk.core.model import SmtpAccount
from smtpdesk.ui.mailtest.plan import MailTestPlan
from tests.ui.mailtest.conftest import PASSWORD


def _plan() -> MailTestPlan:
    return MailTestPlan(
        account=SmtpAccount(host="smtp.biuro.test", port=587, username="anna@biuro.test"),
        password=PASSWORD,
        sender="anna@biuro.test",
        account_key="smtp:employee:1",
        account_label="Anna Nowak",
    )


def test_the_password_is_not_in_the_plans_repr_or_str():
    plan = _plan()
    for text in (repr(plan), str(plan), repr(plan.with_changes(login_only=True)), repr([plan])):
        assert PASSWORD not in text
        assert "anna@biuro.test" in text  # the rest is still there to read


def test_the_password_still_reaches_the_request():
    request = _plan().request("jan@biuro.test")
    assert request.password == PASSWORD
    assert PASSWORD not in repr(request)
