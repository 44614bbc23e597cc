"""Widgets of the live screen; each renders part of a SessionView it is given."""
