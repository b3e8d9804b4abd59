"""A level's flow as a graph: scenes (as clusters/columns), nodes, choices with their conditions.

``flow_graph(level)`` builds a plain model; ``to_dot``, ``to_mermaid`` and ``to_png`` write it.
Stdlib only, except ``to_png`` which draws with pygame (imported when called).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lm_game.model.level import Choice, Ending, EndLevel, Goto, Level, SceneChange

LABEL_MAX = 38


@dataclass(frozen=True)
class Vertex:
    """A box in the graph: kind is scene, node, ending or end (the level end)."""

    id: str
    kind: str
    label: str
    group: str  # the scene (column) it is drawn in; "" for endings and the level end


@dataclass(frozen=True)
class Arc:
    """An arrow; label says why it is taken (option text, condition, hotspot, win, ...)."""

    src: str
    dst: str
    label: str = ""
    conditional: bool = False


@dataclass
class FlowGraph:
    """Vertices grouped by scene, and arcs."""

    level: str
    title: str
    scenes: list[str] = field(default_factory=list)
    vertices: dict[str, Vertex] = field(default_factory=dict)
    arcs: list[Arc] = field(default_factory=list)

    def add(self, v: Vertex) -> None:
        """Add a vertex (the first group it is placed in wins)."""
        self.vertices.setdefault(v.id, v)


def _short(text: str, n: int = LABEL_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def flow_graph(level: Level) -> FlowGraph:
    """The flow of one level: which node each scene runs, where nodes lead, where the level ends."""
    g = FlowGraph(level.id, level.title)
    entries: dict[str, list[tuple[str, str]]] = {}
    for scene in level.scenes:
        sid = f"scene:{scene.id}"
        g.scenes.append(scene.id)
        g.add(Vertex(sid, "scene", f"{scene.id} ({scene.type})", scene.id))
        refs: list[tuple[str, str]] = []
        if scene.start:
            refs.append((scene.start, "start"))
        if scene.explore:
            for h in scene.explore.hotspots:
                cond = f" [if {h.cond.text}]" if h.cond else ""
                if h.node:
                    refs.append((h.node, f"hotspot {h.id}{cond}"))
                if h.use:
                    refs.append((h.use.node, f"use {h.use.item} on {h.id}"))
                if h.exit and not h.node:
                    g.arcs.append(Arc(sid, f"scene:{h.exit}", f"exit {h.id}{cond}", bool(h.cond)))
                elif h.exit:
                    g.arcs.append(Arc(sid, f"scene:{h.exit}", f"after {h.id}", bool(h.cond)))
        for spec in (scene.dodge, scene.rhythm, scene.finale):
            if spec is not None:
                if spec.on_win:
                    refs.append((spec.on_win, "win"))
                lose = getattr(spec, "on_lose", None)
                if lose:
                    refs.append((lose, "lose"))
        if scene.cutscene and scene.cutscene.then:
            refs.append((scene.cutscene.then, "then"))
        entries[scene.id] = refs
        for node, label in refs:
            g.arcs.append(Arc(sid, f"node:{node}", label, "[if" in label))
    # place each node in the first scene whose entry points reach it through gotos
    for scene in level.scenes:
        todo = deque(n for n, _ in entries[scene.id])
        while todo:
            nid = todo.popleft()
            if f"node:{nid}" in g.vertices or nid not in level.nodes:
                continue
            g.add(Vertex(f"node:{nid}", "node", nid, scene.id))
            todo.extend(_targets(level, nid))
    for nid in level.nodes:
        g.add(Vertex(f"node:{nid}", "node", nid, ""))
    for nid, body in level.nodes.items():
        src = f"node:{nid}"
        for step in body.steps:
            cond = step.cond.text if step.cond is not None else ""
            if isinstance(step, Goto):
                g.arcs.append(Arc(src, f"node:{step.target}", f"if {cond}" if cond else "", bool(cond)))
            elif isinstance(step, SceneChange):
                g.arcs.append(Arc(src, f"scene:{step.scene}", f"if {cond}" if cond else "scene", bool(cond)))
            elif isinstance(step, EndLevel):
                g.add(Vertex("end", "end", f"level end -> {level.next or 'game over'}", ""))
                g.arcs.append(Arc(src, "end", f"if {cond}" if cond else "", bool(cond)))
            elif isinstance(step, Ending):
                eid = f"ending:{step.ending}"
                title = level.endings[step.ending].title if step.ending in level.endings else step.ending
                g.add(Vertex(eid, "ending", f"ENDING {title}", ""))
                g.arcs.append(Arc(src, eid, f"if {cond}" if cond else "", bool(cond)))
            elif isinstance(step, Choice):
                for opt in step.options:
                    if opt.goto is None:
                        continue
                    label = "“" + _short(opt.text, 28) + "”"
                    if opt.cond is not None:
                        label += f" [if {opt.cond.text}]"
                    g.arcs.append(Arc(src, f"node:{opt.goto}", label, opt.cond is not None))
    for eid, ending in level.endings.items():
        g.add(Vertex(f"ending:{eid}", "ending", f"ENDING {ending.title}", ""))
    g.arcs = [a for a in g.arcs if a.dst in g.vertices]
    return g


def _targets(level: Level, nid: str) -> list[str]:
    out: list[str] = []
    for step in level.nodes[nid].steps:
        if isinstance(step, Goto):
            out.append(step.target)
        elif isinstance(step, Choice):
            out.extend(o.goto for o in step.options if o.goto)
    return out


# ---------------------------------------------------------------------------- text formats


def _dot_id(vid: str) -> str:
    return '"' + vid.replace('"', "'") + '"'


def _dot_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(g: FlowGraph) -> str:
    """Graphviz DOT: one cluster per scene, boxes for nodes, conditional arrows dashed."""
    lines = [f"digraph {_dot_str(g.level)} {{", "  rankdir=LR;", f"  label={_dot_str(g.title)};",
             '  node [shape=box, fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];']
    groups: dict[str, list[Vertex]] = {}
    for v in g.vertices.values():
        groups.setdefault(v.group, []).append(v)
    shapes = {"scene": "folder", "node": "box", "ending": "doubleoctagon", "end": "doublecircle"}
    for i, scene in enumerate(g.scenes):
        lines.append(f"  subgraph cluster_{i} {{")
        lines.append(f"    label={_dot_str(scene)};")
        for v in groups.get(scene, []):
            lines.append(f"    {_dot_id(v.id)} [label={_dot_str(v.label)}, shape={shapes[v.kind]}];")
        lines.append("  }")
    for v in groups.get("", []):
        lines.append(f"  {_dot_id(v.id)} [label={_dot_str(v.label)}, shape={shapes[v.kind]}];")
    for a in g.arcs:
        attrs = []
        if a.label:
            attrs.append(f"label={_dot_str(a.label)}")
        if a.conditional:
            attrs.append("style=dashed")
        extra = f" [{', '.join(attrs)}]" if attrs else ""
        lines.append(f"  {_dot_id(a.src)} -> {_dot_id(a.dst)}{extra};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mm_id(vid: str) -> str:
    return vid.replace(":", "__")


def _mm_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("[", "#91;").replace("]", "#93;").replace("|", "#124;")


def to_mermaid(g: FlowGraph) -> str:
    """Mermaid flowchart: one subgraph per scene; conditional arrows dotted."""
    lines = ["flowchart LR"]
    groups: dict[str, list[Vertex]] = {}
    for v in g.vertices.values():
        groups.setdefault(v.group, []).append(v)

    def box(v: Vertex) -> str:
        text = _mm_text(v.label)
        if v.kind == "scene":
            return f'{_mm_id(v.id)}[/"{text}"/]'
        if v.kind in ("ending", "end"):
            return f'{_mm_id(v.id)}(("{text}"))'
        return f'{_mm_id(v.id)}["{text}"]'

    for i, scene in enumerate(g.scenes):
        lines.append(f'  subgraph sc{i}["{_mm_text(scene)}"]')
        lines.extend("    " + box(v) for v in groups.get(scene, []))
        lines.append("  end")
    lines.extend("  " + box(v) for v in groups.get("", []))
    for a in g.arcs:
        arrow = "-.->" if a.conditional else "-->"
        label = f'|"{_mm_text(a.label)}"|' if a.label else ""
        lines.append(f"  {_mm_id(a.src)} {arrow}{label} {_mm_id(a.dst)}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- picture

BOX_W, BOX_H, COL_GAP, ROW_GAP, MARGIN, HEADER = 200, 34, 90, 16, 30, 60


def layout(g: FlowGraph) -> tuple[dict[str, tuple[int, int]], list[str], tuple[int, int]]:
    """Top-left corner of each box: one column per scene, then unplaced nodes, then endings."""
    columns = list(g.scenes)
    groups: dict[str, list[Vertex]] = {c: [] for c in columns}
    extra: list[Vertex] = []
    finals: list[Vertex] = []
    for v in g.vertices.values():
        if v.kind in ("ending", "end"):
            finals.append(v)
        elif v.group in groups:
            groups[v.group].append(v)
        else:
            extra.append(v)
    if extra:
        columns.append("(not run by any scene)")
        groups[columns[-1]] = extra
    if finals:
        columns.append("endings")
        groups["endings"] = finals
    pos: dict[str, tuple[int, int]] = {}
    tallest = 0
    for ci, col in enumerate(columns):
        items = sorted(groups[col], key=lambda v: v.kind != "scene")
        for ri, v in enumerate(items):
            pos[v.id] = (MARGIN + ci * (BOX_W + COL_GAP), HEADER + ri * (BOX_H + ROW_GAP))
        tallest = max(tallest, len(items))
    width = MARGIN * 2 + len(columns) * (BOX_W + COL_GAP) - COL_GAP
    height = HEADER + tallest * (BOX_H + ROW_GAP) + MARGIN
    return pos, columns, (max(width, 400), max(height, 200))


def to_png(g: FlowGraph, path: str | Path) -> Path:
    """Draw the graph with pygame (no Graphviz needed) and save it as PNG."""
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    if not pygame.font.get_init():
        pygame.font.init()
    pos, columns, size = layout(g)
    surf = pygame.Surface(size)
    surf.fill((246, 241, 228))
    font = pygame.font.Font(None, 20)
    small = pygame.font.Font(None, 16)
    big = pygame.font.Font(None, 30)
    ink = (40, 34, 30)
    surf.blit(big.render(f"{g.title} ({g.level})", True, ink), (MARGIN, 8))
    for ci, col in enumerate(columns):
        x = MARGIN + ci * (BOX_W + COL_GAP)
        surf.blit(font.render(_short(col, 30), True, (120, 60, 40)), (x, 36))
    fills = {"scene": (214, 196, 150), "node": (255, 255, 250), "ending": (190, 70, 60), "end": (90, 120, 160)}
    for a in g.arcs:
        if a.src not in pos or a.dst not in pos:
            continue
        (x1, y1), (x2, y2) = pos[a.src], pos[a.dst]
        colour = (150, 140, 130) if a.conditional else (70, 60, 55)
        if a.src == a.dst:
            continue
        if x2 > x1:
            start, end = (x1 + BOX_W, y1 + BOX_H // 2), (x2, y2 + BOX_H // 2)
        elif x2 < x1:
            start, end = (x1, y1 + BOX_H // 2), (x2 + BOX_W, y2 + BOX_H // 2)
        else:  # same column: bow out to the right
            start, end = (x1 + BOX_W, y1 + BOX_H // 2), (x2 + BOX_W, y2 + BOX_H // 2)
            bend = x1 + BOX_W + 20 + min(60, abs(y2 - y1) // 8)
            pygame.draw.lines(surf, colour, False, [start, (bend, start[1]), (bend, end[1]), end], 1)
            _arrow_head(surf, (bend, end[1]), end, colour)
            continue
        pygame.draw.line(surf, colour, start, end, 1)
        _arrow_head(surf, start, end, colour)
    for vid, (x, y) in pos.items():
        v = g.vertices[vid]
        rect = pygame.Rect(x, y, BOX_W, BOX_H)
        pygame.draw.rect(surf, fills[v.kind], rect, border_radius=6)
        pygame.draw.rect(surf, ink, rect, 1, border_radius=6)
        colour = (255, 255, 255) if v.kind in ("ending", "end") else ink
        text = font.render(_short(v.label, 26), True, colour)
        surf.blit(text, (x + 8, y + (BOX_H - text.get_height()) // 2))
    legend = "dashed/grey arrows: conditional; columns: scenes (start, hotspots, win/lose, then) then endings"
    surf.blit(small.render(legend, True, (110, 100, 90)), (MARGIN, size[1] - 18))
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surf, str(out))
    return out


def _arrow_head(surf: Any, start: tuple[int, int], end: tuple[int, int], colour: tuple[int, int, int]) -> None:
    import math

    import pygame

    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    pts = [end]
    for side in (-1, 1):
        a = angle + math.pi - side * 0.4
        pts.append((round(end[0] + 9 * math.cos(a)), round(end[1] + 9 * math.sin(a))))
    pygame.draw.polygon(surf, colour, pts)


def write_graph(level: Level, path: str | Path) -> Path:
    """Write the level's graph; the format follows the extension (.dot, .gv, .mmd, .png)."""
    out = Path(path)
    g = flow_graph(level)
    ext = out.suffix.lower()
    if ext in (".dot", ".gv"):
        out.write_text(to_dot(g), encoding="utf-8")
    elif ext in (".mmd", ".mermaid"):
        out.write_text(to_mermaid(g), encoding="utf-8")
    elif ext == ".png":
        to_png(g, out)
    else:
        raise ValueError(f"unknown graph format {ext!r}: use .dot, .mmd or .png")
    return out
