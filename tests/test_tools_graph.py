"""lm-game graph: DOT, Mermaid and a PNG drawn with pygame."""

from __future__ import annotations

from pathlib import Path

import pygame

from lm_game.cli import main
from lm_game.content.loader import load_level
from lm_game.tools.graph import flow_graph, to_dot, to_mermaid

FIXTURE = Path(__file__).resolve().parent / "levels_tools" / "planted.json"


def test_flow_graph_has_scenes_nodes_choices_and_endings() -> None:
    g = flow_graph(load_level(FIXTURE))
    assert g.scenes == ["intro", "yard", "ride"]
    assert g.vertices["node:bench"].group == "yard"
    labels = {(a.src, a.dst): a.label for a in g.arcs}
    assert "spotlight > 20" in labels[("node:intro", "node:home")] or any(
        "spotlight > 20" in a.label for a in g.arcs
    )
    assert ("scene:ride", "node:ride_won") in labels and labels[("scene:ride", "node:ride_won")] == "win"
    assert ("node:secret", "ending:secret") in labels
    dot = to_dot(g)
    assert dot.startswith('digraph "planted"') and "subgraph cluster_0" in dot and "style=dashed" in dot
    mmd = to_mermaid(g)
    assert mmd.startswith("flowchart LR") and "-.->" in mmd


def test_graph_command_writes_each_format(tmp_path: Path) -> None:
    for name in ("flow.dot", "flow.mmd", "flow.png"):
        assert main(["graph", str(FIXTURE), "-o", str(tmp_path / name)]) == 0
    assert "->" in (tmp_path / "flow.dot").read_text(encoding="utf-8")
    picture = pygame.image.load(str(tmp_path / "flow.png"))
    assert picture.get_width() > 400 and picture.get_height() > 200
    assert main(["graph", str(FIXTURE), "-o", str(tmp_path / "flow.svg")]) == 2
