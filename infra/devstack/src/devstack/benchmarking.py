"""What every benchmark under bench/ needs to report figures a reader can judge: percentiles, and
how busy and how fast the machine was while they were taken."""

from __future__ import annotations

import os
import statistics
import threading
import time


class LoadSampler:
    """The machine's 1-minute load average, read every `every` seconds while a measurement runs."""

    def __init__(self, every: float = 2.0) -> None:
        self.every = every
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append(os.getloadavg()[0])
            self._stop.wait(self.every)

    def __enter__(self) -> LoadSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.samples.append(os.getloadavg()[0])

    def summary(self) -> dict[str, float]:
        return {"mean": round(statistics.fmean(self.samples), 2), "max": round(max(self.samples), 2)}


def cpu_check_ms() -> float:
    """Milliseconds for a fixed pure-Python loop (best of 3): how fast this machine's cores are for
    us right now. The load average does not show a virtual machine's cores being shared with
    other machines on the same host; this figure does (it is higher when they are)."""

    def once() -> float:
        began = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i * i
        return (time.perf_counter() - began) * 1000

    return round(min(once() for _ in range(3)), 1)


def percentile(values: list[float], q: float) -> float:
    """The value at fraction `q` (0..1) of the sorted values, nearest rank; 0.0 when there are none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]
