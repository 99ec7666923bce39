"""The SMTP test engine: one step-by-step conversation with a sending server."""
