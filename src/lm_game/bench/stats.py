"""Percentiles, resident memory and a description of the machine a benchmark ran on."""

from __future__ import annotations

import math
import os
import resource
import sys
from pathlib import Path


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0..100) by nearest rank; 0.0 for no samples."""
    if not samples:
        return 0.0
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), math.ceil(q / 100.0 * len(ordered))))
    return ordered[rank - 1]


def summary_ms(seconds: list[float]) -> dict[str, float]:
    """p50/p99/max of frame times given in seconds, as milliseconds."""
    return {
        "frames": float(len(seconds)),
        "p50_ms": round(percentile(seconds, 50) * 1000, 4),
        "p99_ms": round(percentile(seconds, 99) * 1000, 4),
        "max_ms": round(max(seconds, default=0.0) * 1000, 4),
    }


def rss_mb() -> float:
    """Current resident set size in MB (from /proc; the peak when /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return peak_rss_mb()


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024.0 * 1024.0) if sys.platform == "darwin" else peak / 1024.0


def machine() -> dict[str, str | int]:
    """CPU count and model, Python and pygame versions, OS."""
    uname = os.uname()
    model = uname.machine
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import pygame

        pg = pygame.version.ver
        sdl = ".".join(str(v) for v in pygame.get_sdl_version())
    except ImportError:  # pragma: no cover
        pg, sdl = "-", "-"
    return {
        "nproc": os.cpu_count() or 0,
        "cpu": model,
        "python": sys.version.split()[0],
        "pygame": pg,
        "sdl": sdl,
        "os": f"{uname.sysname} {uname.release}",
    }
