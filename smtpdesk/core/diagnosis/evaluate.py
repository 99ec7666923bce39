"""``diagnose``: pick the first matching rule, then fill in its texts and one-click fixes."""

from __future__ import annotations

from smtpdesk.core.diagnosis.codes import REPLY_CODES, TEMPORARY_CODES
from smtpdesk.core.diagnosis.fixes import fixes_for
from smtpdesk.core.diagnosis.model import Diagnosis, DiagnosisContext
from smtpdesk.core.diagnosis.rules import match_rule
from smtpdesk.core.diagnosis.texts import REPLY_SUFFIX, TEXTS, VARIANTS, Step
from smtpdesk.core.diagnosis.values import text_values
from smtpdesk.core.diagnosis.where import for_command_line
from smtpdesk.core.smtp.result import Facts, Stage


def diagnose(facts: Facts | None, ctx: DiagnosisContext, *, ok: bool = False) -> Diagnosis:
    """What happened, why, and what to change — in ``ctx.lang``, with the user's own values.

    ``ok=True``: the server accepted the message (or the login, for a login-only run).
    """
    if ok:
        code, variant = (
            "ok",
            ("sender_checked" if ctx.sender_check else "login_only" if ctx.login_only else ""),
        )
    elif facts is None:
        code, variant = "unknown_failure", ""
    else:
        rule = match_rule(facts, ctx)
        code, variant = rule.code, rule.variant
    title, explanation, steps = render(code, variant, facts, ctx)
    temporary = not ok and _temporary(code, facts)
    return Diagnosis(
        code=code,
        severity="ok" if ok else ("warning" if temporary or code == "cancelled" else "error"),
        title=title,
        explanation=explanation,
        steps=steps,
        fixes=fixes_for(code, facts, ctx),
        temporary=temporary,
    )


def render(
    code: str, variant: str, facts: Facts | None, ctx: DiagnosisContext
) -> tuple[str, str, tuple[str, ...]]:
    base = TEXTS[code]
    override = VARIANTS.get((code, variant))
    title, explanation, steps = base.title, base.explanation, base.steps
    if override is not None:
        title = override.title or title
        explanation = override.explanation or explanation
        steps = (override.steps if override.steps is not None else steps) + override.extra_steps
    values = text_values(facts, ctx)
    lang = ctx.lang
    text = explanation.text(lang, **values)
    if code in REPLY_CODES and values["reply"]:
        text += REPLY_SUFFIX.text(lang, reply=values["reply"])
    shown = _applicable(steps, facts, ctx)
    rendered = (title.text(lang, **values), text, tuple(s.msg.text(lang, **values) for s in shown))
    if ctx.shown_in == "cli":
        return (
            for_command_line(rendered[0], lang),
            for_command_line(rendered[1], lang),
            tuple(for_command_line(step, lang) for step in rendered[2]),
        )
    return rendered


def _applicable(steps: tuple[Step, ...], facts: Facts | None, ctx: DiagnosisContext) -> list[Step]:
    # Step conditions read facts; a run without any (ok without details) is judged on empty facts.
    known = facts or Facts(stage=Stage.QUIT)
    return [s for s in steps if s.when is None or s.when(known, ctx)]


def _temporary(code: str, facts: Facts | None) -> bool:
    if code in TEMPORARY_CODES:
        return True
    if facts is None:
        return False
    if facts.reply_code is not None and 400 <= facts.reply_code <= 499:
        return True
    return bool(facts.enhanced_code and facts.enhanced_code.startswith("4."))
