"""``smtpdesk check``: one test run from a terminal or a script.

Exit status: 0 the server accepted (the message, or the login with ``--login-only``), 1 a diagnosed
failure (a settings problem, a server refusal, or Ctrl+C: code ``cancelled``), 2 bad usage.
A second Ctrl+C while the run is winding down ends at once with 130.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from smtpdesk.cli import output
from smtpdesk.cli.check_options import (
    PROG,
    CheckOptions,
    DirectTarget,
    PreparedCheck,
    parse_check_options,
    usage_block,
)
from smtpdesk.cli.interruptible import run_interruptible
from smtpdesk.cli.parsing import HelpShown, UsageError, prescan_language, usage_error_text
from smtpdesk.core import i18n
from smtpdesk.core.scrub import Scrubber
from smtpdesk.core.smtp.engine import CancelToken, MailTestRequest, run_test
from smtpdesk.core.smtp.outcome import make_result
from smtpdesk.core.smtp.result import Facts, ProgressEvent, RunResult, Stage

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

# The engine ends a cancelled run within a second; this leaves room for a slow machine.
CANCEL_GRACE_S = 5.0


def run_check_cli(argv: list[str]) -> int:
    try:
        return _run(argv)
    except KeyboardInterrupt:  # outside a run (e.g. at the password prompt) or a second Ctrl+C
        return EXIT_INTERRUPTED


def _run(argv: list[str]) -> int:
    lang = prescan_language(argv)
    try:
        options = parse_check_options(argv, lang)
    except HelpShown:
        return EXIT_OK
    except UsageError as error:
        _usage_error(str(error), lang)
        return EXIT_USAGE
    i18n.set_language(options.lang)
    try:
        prepared = _prepare(options)
    except UsageError as error:
        _usage_error(str(error), options.lang)
        return EXIT_USAGE
    if isinstance(prepared, RunResult):
        _report(prepared, options, Scrubber())
        return EXIT_FAILED
    request = prepared.request
    printer = None
    if not options.json:
        header = output.format_header(
            request.account,
            request.sender,
            request.recipient,
            login_only=request.login_only,
            lang=options.lang,
            account_label=prepared.label,
        )
        output.write(sys.stdout, header)
        printer = output.ProgressPrinter(sys.stdout, options.lang)
    result = execute(request, on_progress=printer)
    if printer is not None:
        printer.finish()
    result.notes.extend(note for note in prepared.warnings if note not in result.notes)
    if prepared.record is not None:
        prepared.record(result)
    _report(result, options, Scrubber((request.password,), request.account.username))
    return EXIT_OK if result.ok else EXIT_FAILED


def _prepare(options: CheckOptions) -> PreparedCheck | RunResult:
    target = options.target
    if isinstance(target, DirectTarget):
        request = MailTestRequest(
            account=target.account,
            password=target.password,
            sender=target.sender,
            recipient=options.recipient or target.sender,
            login_only=options.login_only or options.check_sender,
            check_sender=options.check_sender,
            timeouts=options.timeouts,
            lang=options.lang,
            # The account came from options: the advice names options, not the window's fields.
            shown_in="cli",
        )
        return PreparedCheck(request=request)
    # The saved settings need the store, the keychain and the routing rules: loaded only here.
    from smtpdesk.cli.check_stored import prepare_stored

    return prepare_stored(options, target)


def execute(
    request: MailTestRequest, *, on_progress: Callable[[ProgressEvent], None] | None = None
) -> RunResult:
    """Run the test on a worker thread so Ctrl+C reaches this thread and cancels the run cleanly."""
    cancel = CancelToken()
    last_stage = [Stage.CONNECT]

    def progress(event: ProgressEvent) -> None:
        last_stage[0] = event.stage
        if on_progress is not None and not cancel.cancelled:
            on_progress(event)

    finished = run_interruptible(
        lambda: run_test(request, on_progress=progress, cancel=cancel),
        cancel,
        CANCEL_GRACE_S,
        "smtpdesk-check",
    )
    if not finished.ended or finished.value is None:
        return _cancelled_result(request, last_stage[0])
    return finished.value


def _cancelled_result(request: MailTestRequest, stage: Stage) -> RunResult:
    """What to report when the engine did not wind down within the grace period."""
    account = request.account
    facts = Facts(stage=stage, cancelled=True, host=account.host, port=account.port)
    return make_result(request, facts)


def _report(result: RunResult, options: CheckOptions, scrubber: Scrubber) -> None:
    """The result on stdout; every text passes the one scrubber (a second line of defence)."""
    if options.json:
        ascii_only = output.needs_ascii(sys.stdout)
        output.write(sys.stdout, output.format_json(result, ascii_only=ascii_only, scrubber=scrubber))
    else:
        # Options that apply a fix only help when the account was given on the command line.
        hints = isinstance(options.target, DirectTarget)
        output.write(
            sys.stdout, scrubber.scrub(output.format_result(result, options.lang, option_hints=hints))
        )


def _usage_error(message: str, lang: i18n.Lang) -> None:
    output.write(sys.stderr, usage_error_text(usage_block(lang), PROG, message, lang))
