"""How every benchmark leaves its figures: an indented JSON file (under bench/results/, which
git ignores, unless --out says otherwise) and one line saying where."""
from __future__ import annotations

import json
from pathlib import Path


def write_report(path: Path, report: dict) -> None:
    """`report` as JSON at `path`, its folder made if missing; prints "written: <path>"."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written: {path}")
