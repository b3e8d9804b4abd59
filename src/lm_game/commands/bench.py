"""`lm-game bench`: frame times per scene type against the floor, start-up, level loading, memory over
a playthrough and the web archive's size, as a table or JSON (frame figures in ms). `--soak N` runs
the soak instead. A developer tool: it starts processes and is never imported by the game.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from typing import Any

PARTS = ("frames", "startup", "load", "memory", "archive")
TARGETS = {
    "p99_vs_floor": 10.0,
    "p99_ms": 3.0,
    "startup_s": 0.5,
    "load_ms": 100.0,
    "peak_rss_mb": 150.0,
    "archive_mb": 4.0,
}


def register(subparsers: Any) -> None:
    """Add the `bench` subcommand."""
    p = subparsers.add_parser(
        "bench",
        help="benchmark frames, start-up, loading, memory and archive size (or --soak)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.add_argument("--frames", type=int, default=1200, help="frames timed per scene (default 1200)")
    p.add_argument("--only", nargs="+", choices=PARTS, help="run only these parts")
    p.add_argument("--types", nargs="+", help="scene types to time (default: every type)")
    p.add_argument("--web", action="store_true", help="build the web archive first (tools/web/build.py)")
    p.add_argument("--playthrough-frames", type=int, default=120_000, help="frame limit of the memory run")
    p.add_argument("--soak", type=int, metavar="FRAMES", help="run the soak for FRAMES frames instead")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=run)


def _check(value: float | None, limit: float) -> str:
    if value is None:
        return "-"
    return "ok" if value <= limit else "MISS"


def collect(args: argparse.Namespace) -> dict[str, Any]:
    """Run the chosen parts; returns the JSON document."""
    from lm_game.bench import startup as su
    from lm_game.bench.frames import run_frames
    from lm_game.bench.stats import machine

    parts = args.only or PARTS
    doc: dict[str, Any] = {"machine": machine(), "targets": TARGETS}
    if "frames" in parts:
        doc["frames"] = run_frames(args.frames, args.seed, args.types)
    if "startup" in parts:
        doc["startup"] = su.startup()
    if "load" in parts:
        doc["load"] = su.load_and_check()
    if "memory" in parts:
        doc["memory"] = su.playthrough_memory(args.playthrough_frames)
    if "archive" in parts:
        doc["archive"] = su.archive(build=args.web)
    return doc


def render_text(doc: dict[str, Any]) -> str:
    """The report as a plain table."""
    m = doc["machine"]
    out = [f"machine: {m['nproc']} CPU(s), {m['cpu']}; Python {m['python']}, pygame-ce {m['pygame']} (SDL {m['sdl']})"]
    frames = doc.get("frames")
    if frames:
        fl = frames["floor"]
        out.append("")
        out.append(f"frame time, 960x540, update+draw+flip, {int(fl['frames'])} frames each (ms)")
        head = f"{'scene type':<10} {'level/scene':<34} {'p50':>7} {'p99':>7} {'max':>7} {'p99/floor':>9}  target"
        out += [head, "-" * len(head)]
        out.append(
            f"{'floor':<10} {'(blit background + flip)':<34} {fl['p50_ms']:>7.3f} {fl['p99_ms']:>7.3f} "
            f"{fl['max_ms']:>7.3f} {1.0:>9.2f}"
        )
        for s in frames["scenes"]:
            ok = s["p99_vs_floor"] <= TARGETS["p99_vs_floor"] and s["p99_ms"] <= TARGETS["p99_ms"]
            where = f"{s['level']}/{s['scene']}"
            out.append(
                f"{s['type']:<10} {where:<34} {s['p50_ms']:>7.3f} {s['p99_ms']:>7.3f} {s['max_ms']:>7.3f} "
                f"{s['p99_vs_floor']:>9.2f}  {'ok' if ok else 'MISS'}"
            )
        out.append("picked by: " + "; ".join(f"{s['type']} {s['why']}" for s in frames["scenes"]))
        out.append("floor = p50 of the floor frame; targets: p99 <= 10x floor and <= 3 ms")
    out.append("")
    rows: list[tuple[str, str, str, str]] = []
    if "startup" in doc:
        s = doc["startup"]
        if "error" in s:
            rows.append(("start-up to first frame", "error: " + " ".join(s["error"]), "<= 0.5 s", "MISS"))
        else:
            rows.append(
                (
                    "start-up to first frame",
                    f"{s['median_s']:.3f} s median (best {s['best_s']:.3f}, {s['runs']} runs)",
                    "<= 0.5 s",
                    _check(s["median_s"], TARGETS["startup_s"]),
                )
            )
    if "load" in doc:
        ld = doc["load"]
        rows.append(
            (
                "load + check all levels",
                f"{ld['p50_ms']:.1f} ms ({ld['levels']} levels; first {ld['first_ms']:.1f} ms)",
                "<= 100 ms",
                _check(ld["p50_ms"], TARGETS["load_ms"]),
            )
        )
    if "memory" in doc:
        mem = doc["memory"]
        if "error" in mem:
            rows.append(("peak RSS, playthrough", "error: " + " ".join(mem["error"]), "<= 150 MB", "MISS"))
        else:
            how = f"ending {mem['ending']}" if mem.get("ending") else f"stopped after {mem['frames']} frames"
            rows.append(
                (
                    "peak RSS, playthrough",
                    f"{mem['peak_rss_mb']:.1f} MB ({mem['frames']} frames, {len(mem['levels'])} levels, {how})",
                    "<= 150 MB",
                    _check(mem["peak_rss_mb"], TARGETS["peak_rss_mb"]),
                )
            )
    if "archive" in doc:
        a = doc["archive"]
        if a.get("built"):
            rows.append(
                (
                    "web archive",
                    f"{a['mb']:.2f} MB ({a['file']}, built {a['built_at']})",
                    "<= 4 MB",
                    _check(a["mb"], TARGETS["archive_mb"]),
                )
            )
        else:
            rows.append(("web archive", a.get("note") or "error: " + " ".join(a.get("error", [])), "<= 4 MB", "-"))
    if rows:
        w = max(len(r[1]) for r in rows)
        for name, value, target, verdict in rows:
            out.append(f"{name:<24} {value:<{w}}  {target:<10} {verdict}")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    """Entry point for `lm-game bench`."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    with tempfile.TemporaryDirectory() as data:
        os.environ.setdefault("LM_GAME_DATA_DIR", data)  # never touch the player's saves
        if args.soak is not None:
            from lm_game.bench.soak import soak

            report = soak(args.soak, args.seed)
            print(json.dumps(report.to_dict(), indent=2))
            return 0 if report.ok else 1
        doc = collect(args)
    if args.format == "json":
        print(json.dumps(doc, indent=2))
    else:
        print(render_text(doc))
    sys.stdout.flush()
    return 0
