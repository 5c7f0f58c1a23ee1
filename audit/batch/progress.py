"""A progress bar on standard error, shown only for batches on a terminal."""

from __future__ import annotations

import time


class Progress:
    MIN_ITEMS = 20  # small batches finish before a bar would help

    def __init__(self, total: int, stream) -> None:
        self.total = total
        self.count = 0
        self.stream = stream
        self.active = total >= self.MIN_ITEMS and hasattr(stream, "isatty") and stream.isatty()
        self.shown_at = 0.0

    def step(self) -> None:
        self.count += 1
        if not self.active:
            return
        now = time.monotonic()
        if now - self.shown_at < 0.1 and self.count < self.total:
            return
        self.shown_at = now
        width = 30
        filled = int(width * self.count / self.total)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.count}/{self.total} articles")
        self.stream.flush()

    def done(self) -> None:
        if self.active and self.count:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()
