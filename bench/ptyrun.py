"""Run a terminal program in a real pseudo-terminal and talk to it like a person would.

Used by the TUI benchmarks: what a key costs is only honest through a pty, where Textual
really renders and writes escape sequences (headless mode renders nothing).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Sequence


class PtyApp:
    def __init__(self, argv: Sequence[str], cols: int = 80, rows: int = 24,
                 env: dict[str, str] | None = None) -> None:  # fmt: skip
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # child
            os.environ.update(env or {})
            os.environ["TERM"] = "xterm-256color"
            os.environ["COLUMNS"], os.environ["LINES"] = str(cols), str(rows)
            os.execvp(argv[0], list(argv))
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.output = bytearray()

    def read_for(self, seconds: float) -> bytes:
        """Everything the program writes within ``seconds``."""
        end = time.perf_counter() + seconds
        got = bytearray()
        while (left := end - time.perf_counter()) > 0:
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    break
                got += chunk
        self.output += got
        return bytes(got)

    def wait_for(self, marker: bytes, timeout: float = 30.0) -> float:
        """Seconds since start when ``marker`` first appears in the output."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            if marker in self.output:
                return time.perf_counter() - self.started
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if r:
                try:
                    self.output += os.read(self.fd, 65536)
                except OSError:
                    break
        raise TimeoutError(marker)

    def quiet(self, gap: float = 0.3, limit: float = 10.0) -> None:
        """Read until nothing has come for ``gap`` seconds."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            if not self.read_for(gap):
                return

    def key(self, data: bytes, settle: float = 0.25) -> tuple[float, int]:
        """Send ``data``; return (ms until the first byte of the next frame, bytes written)."""
        self.quiet(0.05)
        t0 = time.perf_counter()
        os.write(self.fd, data)
        first: float | None = None
        total = 0
        end = t0 + 5.0
        while time.perf_counter() < end:
            r, _, _ = select.select([self.fd], [], [], settle if first else 5.0)
            if not r:
                break
            chunk = os.read(self.fd, 65536)
            if first is None:
                first = time.perf_counter()
            total += len(chunk)
            self.output += chunk
        return ((first or time.perf_counter()) - t0) * 1000, total

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


KEYS = {
    "down": b"\x1b[B",
    "up": b"\x1b[A",
    "tab": b"\t",
    "enter": b"\r",
    "escape": b"\x1b",
    "f4": b"\x1bOS",
    "ctrl+q": b"\x11",
    "backspace": b"\x7f",
}
