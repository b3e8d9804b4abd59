"""Located level errors and the table of stable error/warning codes (documented in level-format.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

#: Every code the loader and lint can emit. Codes are stable: never renumber, only add.
CODES: dict[str, str] = {
    # reading and JSON syntax
    "E001": "cannot read the file",
    "E002": "file too large",
    "E003": "file is not UTF-8 text",
    "E004": "JSON syntax error",
    "E005": "empty file",
    "E006": "file ends early (truncated)",
    "E007": "trailing comma",
    "E008": "duplicate key",
    "E009": "top level is not an object",
    "E010": "nesting too deep",
    # format and structure
    "E011": "missing format version",
    "E012": "unsupported format version",
    "E013": "level id does not match the file name",
    "E020": "missing required field",
    "E021": "unknown field",
    "E022": "wrong JSON type",
    "E023": "value not allowed",
    "E024": "number out of range",
    "E025": "bad id",
    "E026": "bad asset path",
    "E027": "expression syntax error",
    "E028": "step has no kind or several kinds",
    "E029": "wrong number of elements",
    "E030": "tuning block does not match the scene type",
    "E031": "bad colour",
    # references and meaning (lint)
    "E040": "unknown scene",
    "E041": "unknown node",
    "E042": "unknown character",
    "E043": "unknown item",
    "E044": "unknown ending",
    "E045": "unknown level",
    "E046": "duplicate id",
    "E047": "unknown emotion",
    "E048": "character without a neutral emotion",
    "E049": "dialogue node has no way out",
    "E050": "type error in expression",
    "E051": "undeclared variable",
    "E052": "timed choice without exactly one default option",
    "E053": "variable declared with different types in different levels",
    "E054": "inconsistent values",
    "E055": "bad levels/index.json",
    # warnings
    "W001": "unreachable scene",
    "W002": "unreachable node",
    "W003": "variable read but never set in this level",
    "W004": "variable set but never read",
    "W005": "variable declared but never used",
    "W006": "asset file missing",
    "W007": "asset file name differs in case",
    "W008": "level not listed in levels/index.json",
}


@dataclass(frozen=True)
class LevelError:
    """One problem in a level file, with where it is and how to fix it."""

    file: str
    line: int
    col: int
    json_path: str
    code: str
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{self.file}:{self.line}:{self.col}: {self.severity} {self.code}: {self.message}{hint}"

    def to_dict(self) -> dict[str, object]:
        """JSON-friendly form (for ``lm-game check --format json``)."""
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "path": self.json_path,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


def error_sort_key(e: LevelError) -> tuple[str, int, int, str]:
    """Sort by file, line, column, code."""
    return (e.file, e.line, e.col, e.code)


class LevelLoadError(Exception):
    """Raised once per file with every error found (warnings may be included, never alone)."""

    def __init__(self, errors: list[LevelError]) -> None:
        self.errors = sorted(errors, key=error_sort_key)
        first = next((e for e in self.errors if e.severity == "error"), None)
        n = sum(1 for e in self.errors if e.severity == "error")
        head = str(first) if first else "level failed to load"
        more = f" (+{n - 1} more error(s))" if n > 1 else ""
        super().__init__(head + more)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
