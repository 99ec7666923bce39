"""Demo mode: a sample agency and an embedded mail server on this computer, with nothing sent out.

``DemoServer`` is the server, ``seed.seed_demo`` fills a store with the agency and
``session.DemoSession`` ties both to a throw-away data folder.
"""

from smtpdesk.demo.server import CapturedMessage, DemoServer

__all__ = ["CapturedMessage", "DemoServer"]
