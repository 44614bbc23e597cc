"""A Static that redraws only when what it shows changes."""

from textual.visual import VisualType
from textual.widgets import Static


class Line(Static):
    """The live screen is refreshed ten times a second; a Static's update lays the whole
    screen out again, so a line whose words did not change is left alone."""

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        if content == self.content:
            return
        super().update(content, layout=layout)
