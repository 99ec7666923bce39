"""Headless commands: ``smtpdesk check`` (one test run) and ``smtpdesk doctor``.

Nothing here imports Qt, so the commands work over SSH, in scripts and on machines without a display.
"""
