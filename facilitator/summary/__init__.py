"""What the group keeps: the summary in four formats, its files, and the clipboard.

Import from the modules (`report`, `render`, `files`, `clipboard`, `formats`), so a
command that only needs the names of the formats does not load the rest.
"""
