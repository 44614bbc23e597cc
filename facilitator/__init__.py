"""facilitator: a terminal app that runs group and peer mentoring sessions."""

__version__ = "0.1.0"
