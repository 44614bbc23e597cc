"""The Textual app: screens and widgets that render agendas and sessions."""
