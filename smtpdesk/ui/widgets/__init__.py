"""Reusable widgets of the settings window and the employee dialog."""
