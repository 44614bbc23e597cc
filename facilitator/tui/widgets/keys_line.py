"""The live screen's footer: the keys that work now, on one line of text.

Textual's Footer is a widget per key, all mounted anew whenever which keys work changes (at
the first turn's end, each time Back reaches the first speaker): 30 ms, more than the key
that changed them. This says the same, in the same theme colours, as one line that is
drawn again only when the keys change."""

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.strip import Strip
from textual.widget import Widget


class KeysLine(Widget):
    """`space Start/pause n Next …`: each working key that is shown, once per command;
    a click on one presses its key."""

    DEFAULT_CSS = """
    KeysLine {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeysLine > .keys-line--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeysLine > .keys-line--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """
    COMPONENT_CLASSES = {"keys-line--key", "keys-line--description"}

    keys: tuple[tuple[str, str, str], ...] = ()
    """Each key as pressed, as shown, and what it does."""
    _drawn: dict[tuple[tuple[tuple[str, str, str], ...], int], Strip]
    """Each set of keys as drawn at a width, in the styles of now."""

    def __init__(self) -> None:
        super().__init__()
        self._drawn = {}

    def refresh_keys(self) -> None:
        """Show the screen's working keys as they are now (drawn again if they changed)."""
        shown: dict[str, tuple[str, str, str]] = {}
        for key, (_, binding, enabled, _) in self.screen.active_bindings.items():
            if binding.show and enabled and binding.action not in shown:
                shown[binding.action] = (
                    key,
                    self.app.get_key_display(binding),
                    binding.description,
                )
        keys = tuple(shown.values())
        if keys != self.keys:
            self.keys = keys
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()

    def render_line(self, y: int) -> Strip:
        """The keys as segments in their component styles (Textual's own drawing of the
        same words, wrapped and styled span by span, takes 1.5 ms each time Back comes or
        goes); each set of keys drawn once per width and theme, as Back comes and goes at
        every round's first turn. On a screen too narrow for all, cut after the last word
        of a description that fits: never after a bare key, unless not even the first word
        fits."""
        width = self.content_size.width
        if y or not self.keys:
            return Strip([])
        line = self._drawn.get((self.keys, width))
        if line is None:
            if len(self._drawn) > 16:  # a few sets of keys come back; others are not kept
                self._drawn.clear()
            line = self._drawn[self.keys, width] = self._draw(width)
        return line

    def _draw(self, width: int) -> Strip:
        key_style = self.get_visual_style("keys-line--key").rich_style
        words_style = self.get_visual_style("keys-line--description").rich_style
        gap = self.visual_style.rich_style
        segments, ends, at = [], [], 0
        for _, display, description in self.keys:
            segments += [Segment(display, key_style), Segment(f" {description}", words_style)]
            segments.append(Segment(" ", gap))
            at += cell_len(display)
            for word in description.split(" "):
                at += 1 + cell_len(word)
                if word:
                    ends.append(at)
            at += 1
        line = Strip(segments)
        if line.cell_length <= width:
            return line
        fits = [end for end in ends if end <= width]  # else the first key alone, as it fits
        return line.crop(0, fits[-1] if fits else min(cell_len(self.keys[0][1]), width))

    def on_click(self, event: events.Click) -> None:
        """The key under the pointer, pressed (through the keyboard's one policy)."""
        start = 0
        for key, display, description in self.keys:
            end = start + cell_len(f"{display} {description}")
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
            start = end + 1
