import os

# Qt must never look for a display in tests; set before any Qt module is imported.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

pytest_plugins = [
    "tests.fixtures.environment",
    "tests.fixtures.keyring_backends",
    "tests.fixtures.postgres",
    "tests.fixtures.stores",
    "tests.fixtures.smtp_servers",
    "tests.fixtures.people",
]
