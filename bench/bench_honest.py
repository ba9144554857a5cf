"""How honestly the matcher answers requests for things the store does not sell (issue 16).

    python bench/bench_honest.py [--out FILE]

`bench/data/honest_requests.jsonl` is a labelled set written by us: item phrases for the
bundled demo catalog and for the 49,688-product Instacart catalog, each labelled
- `not_sold`: the catalog has no such product; honest = nothing found, or a single guess asked
  about ("Did you mean ...?", "I don't have ...") rather than added or offered as a choice;
- `brand`: a national brand the catalog does not carry; honest = the brand is named
  (`Match.not_carried`) and the plain product is only offered, or nothing is found;
- `near_miss`: a near spelling, a word the catalog lacks, or a plural it names other things
  by ("mints": the herb Mint, where the catalog's Mints are candies); honest = no wrong product
  added without a question (a right one, `any_of`, may be).
Prints the share answered honestly per catalog and label, and writes bench/results/honest.json.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.results import write_report  # noqa: E402
from catalog.importer import product_from_row, read_rows  # noqa: E402
from catalog.matcher import Matcher  # noqa: E402

DATA = ROOT / "bench" / "data" / "honest_requests.jsonl"
DEMO = ROOT / "catalog" / "data" / "demo_catalog.csv"
RESULTS = ROOT / "bench" / "results" / "honest.json"
TARGET = 0.95


def load_cases(path: Path = DATA) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def demo_matcher() -> Matcher:
    return Matcher.build(product_from_row(row) for _, row in read_rows(DEMO))


def instacart_matcher() -> Matcher | None:
    try:
        from bench.instacart import load_products
        return Matcher.build(load_products())
    except ImportError as exc:  # the bench extra is not installed: the demo half still runs
        print(f"instacart catalog skipped: {exc}", file=sys.stderr)
        return None


def honest(case: dict, match) -> bool:
    """Whether `match` answers `case` honestly (see the module docstring)."""
    silent = match.best is not None and match.sure and not match.ambiguous
    label = case["label"]
    if label == "near_miss":
        return not silent or match.best.product.id in case.get("any_of", ())
    if match.best is None:
        return True
    if label == "brand":
        return match.not_carried.casefold() == case["brand"].casefold() and not match.sure
    return not match.sure and not match.ambiguous  # not_sold: one guess, asked about


def evaluate(matcher: Matcher, cases: list[dict]) -> dict:
    by_label: dict[str, list[int]] = {}
    misses = []
    for case in cases:
        match = matcher.resolve(case["phrase"])
        ok = honest(case, match)
        tally = by_label.setdefault(case["label"], [0, 0])
        tally[0] += ok
        tally[1] += 1
        if not ok:
            misses.append({"phrase": case["phrase"], "label": case["label"],
                           "got": match.product.name if match.product else None,
                           "sure": match.sure, "ambiguous": match.ambiguous,
                           "not_carried": match.not_carried})
    right = sum(t[0] for t in by_label.values())
    total = sum(t[1] for t in by_label.values())
    return {"cases": total, "honest": right, "share": right / max(1, total),
            "by_label": {k: {"honest": v[0], "cases": v[1]} for k, v in by_label.items()},
            "misses": misses}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    cases = load_cases()
    results = {}
    for name, build in (("demo", demo_matcher), ("instacart", instacart_matcher)):
        mine = [c for c in cases if c["catalog"] == name]
        matcher = build()
        if matcher is None or not mine:
            continue
        results[name] = evaluate(matcher, mine)
    every = [r for r in results.values()]
    total = sum(r["cases"] for r in every)
    right = sum(r["honest"] for r in every)
    report = {"target": TARGET, "cases": total, "honest": right,
              "share": right / max(1, total), "catalogs": results}
    for name, r in results.items():
        labels = ", ".join(f"{k} {v['honest']}/{v['cases']}" for k, v in r["by_label"].items())
        print(f"{name:>10}: {r['honest']}/{r['cases']} answered honestly ({r['share']:.1%}; {labels})")
        for miss in r["misses"]:
            print(f"{'':>12}miss: {miss}")
    print(f"{'all':>10}: {right}/{total} = {report['share']:.1%} (target >= {TARGET:.0%})")
    write_report(args.out, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
