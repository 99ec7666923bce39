"""Alembic's entry point: runs the migrations on the connection (and inside the transaction)
that ``smtpdesk.core.store.migrate`` hands over; there is no alembic.ini."""

from __future__ import annotations

from alembic import context

from smtpdesk.core.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot alter most of a table in place: batch mode copies it into the new layout.
    render_as_batch=True,
    transaction_per_migration=False,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
