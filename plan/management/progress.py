"""Progress of a long-running management command: a bar on a terminal, silence otherwise."""

BAR_WIDTH = 30


class ProgressBar:
    """A callable ``progress(done, total)`` that draws a bar when ``stream`` is a terminal.

    When the output is not a terminal (a pipe, a log file, CI) nothing is written, so logs stay
    readable; call :meth:`finish` when done to end the bar's line.
    """

    def __init__(self, stream, label):
        self.stream = stream
        self.label = label
        self.drawn = False
        isatty = getattr(stream, "isatty", None)
        self.enabled = bool(isatty and isatty())

    def __call__(self, done, total):
        if not self.enabled or not total:
            return
        filled = BAR_WIDTH * min(done, total) // total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total}", ending="")
        self.stream.flush()
        self.drawn = True

    def finish(self):
        """End the bar's line, if one was drawn."""
        if self.drawn:
            self.stream.write("")
            self.drawn = False
