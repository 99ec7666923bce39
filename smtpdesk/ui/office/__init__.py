"""The office database in the window: conflicts, changes made elsewhere, the database choice."""
