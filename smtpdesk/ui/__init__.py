"""The desktop window (PySide6): thin views over ``smtpdesk.core``."""
