"""Benchmark of the spoken-item matcher against the Instacart catalog (issue 3).

    python bench/bench_matcher.py [--repeats N] [--max-seconds S] [--out FILE]

Measures, on the 49,688-product catalog and on it padded to 200,000 with size variants:
index build time, resident memory added by the index (psutil RSS delta, each size in a
forked child so one build's freed memory does not hide the next), per-item resolve latency
(p50/p95/p99) and top-1 accuracy on the items of `dev_utterances.jsonl` (an item is right
when the resolved id is in its `any_of`; items with `any_of` null are skipped), and the same
for the naive baseline: rapidfuzz `process.extractOne(phrase, names, scorer=fuzz.WRatio)`
over every name. Prints a table and writes the figures to bench/results/matcher.json
(product ids only: the Instacart names stay in the installed package).

Item phrases come from `intents.parsing.parser.parse` when it exists, otherwise from the small,
clearly temporary extractor below.
"""
from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.instacart import load_products, padded  # noqa: E402
from bench.results import write_report  # noqa: E402
from catalog.matcher import Matcher  # noqa: E402

DEV_ENV = "VOICECART_DEV_UTTERANCES"
RESULTS = ROOT / "bench" / "results" / "matcher.json"
SIZES = (("50k", None), ("200k", 200_000))
# issue 16 raised top-1 to 98% and p99 at 50k to 2 ms, and added the precision of silent adds
TARGETS = {"accuracy": 0.98, "p50_ms_50k": 1.0, "p99_ms_50k": 2.0, "p99_ms_200k": 6.0,
           "silent_precision": 0.995}


def dev_path() -> Path:
    env = os.environ.get(DEV_ENV)
    default = Path(__file__).resolve().parents[2] / "shared/data/dev_utterances.jsonl"
    return Path(env) if env else default


# --- item phrases ----------------------------------------------------------------------

# TEMPORARY phrase extractor, used only while intents.parsing.parser is not importable. It knows
# just enough of the dev utterances' shapes (add / remove / how much / do you carry / is
# there ... in my basket / change the X to N) to hand the matcher its item phrases.
_LEADS = ("i need", "i want", "add", "how much are", "how much is", "do you carry",
          "do you have", "is there", "are there", "remove the", "remove", "take the",
          "take", "change the", "change", "get me", "put")
_TRAILS = (r"\s+out$", r"\s+in my (basket|cart)$", r"\s+to \w+$", r"\s+please$")
_NUMBER = (r"(a couple of|a dozen|half a|a half|\d+(\.\d+)?|an|a|one|two|three|four|five|six"
           r"|seven|eight|nine|ten|some)")
_UNIT = (r"(pounds?|lbs?|ounces?|oz|gallons?|quarts?|pints?|liters?|litres?|bags?|box(es)?"
         r"|cans?|jars?|bottles?|heads?|bunch(es)?|loaf|loaves|cartons?|packs?|dozen)( of)?")
_QTY = re.compile(rf"^{_NUMBER}(?! percent)( and a half)?( {_UNIT})?\s+|^{_UNIT}\s+|^of\s+")


_MID_QTY = re.compile(r"(?<!\bof)\s+(?=(a|an|some|one|two|three|four|five|six|seven|eight|nine|ten"
                      r"|\d+) )")


def _temporary_phrases(text: str, matcher: Matcher) -> list[str]:
    t = text.lower().strip()
    for lead in _LEADS:
        if t.startswith(lead + " "):
            t = t[len(lead) + 1:]
            break
    for trail in _TRAILS:
        t = re.sub(trail, "", t)
    t = t.replace(" and a half ", " andahalf ")  # a quantity, not a list
    pieces = [p.strip() for p in re.split(r",|\band\b", t) if p.strip()]
    pieces = _glue_and_names(pieces, matcher)
    phrases = []
    for piece in pieces:
        for part in _MID_QTY.split(piece)[::2]:  # "two avocados a lime": a new item
            part = part.replace("andahalf", "and a half").strip()
            for _ in range(3):
                part = _QTY.sub("", part)
            if part:
                phrases.append(part)
    return _split_runs(phrases, matcher) if len(phrases) > 1 else phrases


def _glue_and_names(pieces: list[str], matcher: Matcher) -> list[str]:
    """Re-join "X and Y" when it is a product name and X, Y are not both names by themselves."""
    out: list[str] = []
    for piece in pieces:
        if out:
            joined = f"{out[-1]} and {piece}"
            both = matcher.is_known_name(out[-1]) and matcher.is_known_name(piece)
            if matcher.is_known_name(joined) and not both:
                out[-1] = joined
                continue
        out.append(piece)
    return out


def _split_runs(phrases: list[str], matcher: Matcher) -> list[str]:
    """In a list, "bread butter" is two items when each word alone is a name and the pair
    is not what the best matching product is called ("peanut butter" stays one)."""
    from catalog.normalize import normalize
    out = []
    for phrase in phrases:
        words = phrase.split()
        if len(words) == 2 and all(matcher.is_known_name(w) for w in words):
            best = matcher.resolve(phrase).product
            if best is None or f" {normalize(phrase)} " not in f" {normalize(best.name)} ":
                out.extend(words)
                continue
        out.append(phrase)
    return out


def phrase_source() -> tuple[str, Callable[[str, Matcher], list[str]]]:
    try:
        from intents.parsing.parser import parse  # type: ignore[import-not-found]
    except ImportError:
        return "temporary extractor (intents.parsing.parser not importable)", _temporary_phrases

    def parsed(text: str, matcher: Matcher) -> list[str]:
        return [item.phrase for item in parse(text, vocabulary=matcher).items]
    return "intents.parsing.parser.parse", parsed


def load_items(path: Path) -> list[dict]:
    """Utterances with at least one item whose any_of is given."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if any(item.get("any_of") for item in row.get("items", [])):
                    out.append(row)
    return out


def item_cases(rows: list[dict], matcher: Matcher,
               extract: Callable[[str, Matcher], list[str]]) -> list[tuple[str, frozenset[str]]]:
    """(phrase, acceptable ids) per expected item; a missing phrase counts as wrong ("")."""
    cases = []
    for row in rows:
        phrases = extract(row["text"], matcher)
        for i, item in enumerate(row["items"]):
            if item.get("any_of"):
                cases.append((phrases[i] if i < len(phrases) else "", frozenset(item["any_of"])))
    return cases


# --- measuring -------------------------------------------------------------------------

def _rss() -> int:
    import psutil
    gc.collect()
    return psutil.Process().memory_info().rss


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def time_matcher(matcher: Matcher, cases: list[tuple[str, frozenset[str]]], repeats: int,
                 budget_s: float) -> dict:
    latencies: list[float] = []
    right = 0
    unresolved = 0
    misses: list[dict] = []
    silent = silent_wrong = 0
    for phrase, ok in cases:  # accuracy pass, also the warm-up
        match = matcher.resolve(phrase)
        hit = match.product is not None and match.product.id in ok
        right += hit
        # what the dialog adds without a question: a sure, unambiguous best match
        if match.product is not None and getattr(match, "sure", True) and not match.ambiguous:
            silent += 1
            silent_wrong += not hit
        unresolved += match.product is None
        if not hit:
            misses.append({"phrase": phrase, "got": match.product.id if match.product else None})
    deadline = time.perf_counter() + budget_s
    for _ in range(repeats):
        for phrase, _ok in cases:
            start = time.perf_counter()
            matcher.resolve(phrase)
            latencies.append((time.perf_counter() - start) * 1000)
        if time.perf_counter() > deadline:
            break
    return {"items": len(cases), "correct": right, "accuracy": right / max(1, len(cases)),
            "unresolved": unresolved, "misses": misses, "silent_adds": silent,
            "silent_wrong": silent_wrong,
            "silent_precision": 1 - silent_wrong / max(1, silent), **_summary(latencies)}


def time_baseline(names: list[str], ids: list[str], cases: list[tuple[str, frozenset[str]]],
                  budget_s: float, lowercase: bool) -> dict:
    """The naive full scan. As specified: `extractOne(phrase, names, scorer=fuzz.WRatio)`;
    with `lowercase`, also rapidfuzz's default_process (lowercase, no punctuation), which
    helps it a lot since spoken phrases are lowercase and names are Title Case."""
    from rapidfuzz import fuzz, process, utils
    processor = utils.default_process if lowercase else None
    latencies: list[float] = []
    right = 0
    deadline = time.perf_counter() + budget_s
    done = 0
    for phrase, ok in cases:
        start = time.perf_counter()
        best = process.extractOne(phrase, names, scorer=fuzz.WRatio, processor=processor)
        latencies.append((time.perf_counter() - start) * 1000)
        right += best is not None and ids[best[2]] in ok
        done += 1
        if time.perf_counter() > deadline:
            break
    return {"items": done, "correct": right, "accuracy": right / max(1, done),
            "processor": "default_process" if lowercase else None, **_summary(latencies)}


def _summary(latencies: list[float]) -> dict:
    return {"samples": len(latencies),
            "p50_ms": percentile(latencies, 50), "p95_ms": percentile(latencies, 95),
            "p99_ms": percentile(latencies, 99),
            "mean_ms": statistics.fmean(latencies) if latencies else float("nan")}


def measure_size(label: str, target: int | None, rows: list[dict], repeats: int,
                 budget_s: float) -> dict:
    products = load_products()
    if target:
        products = padded(products, target)
    source, extract = phrase_source()
    before = _rss()
    start = time.perf_counter()
    matcher = Matcher.build(products, memo_size=0)  # measure the work, not the memo
    build_s = time.perf_counter() - start
    rss_mb = (_rss() - before) / 2**20
    cases = item_cases(rows, matcher, extract)
    result = {"label": label, "products": len(matcher), "build_s": build_s, "rss_mb": rss_mb,
              "phrase_source": source, "phrases": [c[0] for c in cases],
              "matcher": time_matcher(matcher, cases, repeats, budget_s)}
    names = [p.name for p in products]
    ids = [p.id for p in products]
    result["baseline"] = time_baseline(names, ids, cases, budget_s, lowercase=False)
    result["baseline_lowercased"] = time_baseline(names, ids, cases, budget_s, lowercase=True)
    return result


def _in_child(args: tuple) -> dict:
    return measure_size(*args)


def run_sizes(rows: list[dict], repeats: int, budget_s: float) -> list[dict]:
    jobs = [(label, target, rows, repeats, budget_s) for label, target in SIZES]
    try:
        ctx = multiprocessing.get_context("fork")
    except ValueError:  # no fork (not Linux): same process, RSS deltas less exact
        return [measure_size(*job) for job in jobs]
    out = []
    for job in jobs:  # one child per size, one after the other (2-core machine)
        with ctx.Pool(1) as pool:
            out.append(pool.apply(_in_child, (job,)))
    return out


# --- report ----------------------------------------------------------------------------

def table(results: list[dict]) -> str:
    head = (f"{'catalog':>8} {'what':>13} {'build s':>8} {'RSS MB':>7} {'items':>6} {'top-1':>7} "
            f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'mean ms':>8}")
    lines = [head, "-" * len(head)]
    for r in results:
        rows = (("matcher", r["matcher"]), ("baseline", r["baseline"]),
                ("baseline+lc", r["baseline_lowercased"]))
        for what, m in rows:
            build = f"{r['build_s']:8.2f}" if what == "matcher" else f"{'':>8}"
            rss = f"{r['rss_mb']:7.0f}" if what == "matcher" else f"{'':>7}"
            lines.append(f"{r['label']:>8} {what:>13} {build} {rss} {m['items']:>6} "
                         f"{m['accuracy']:7.1%} {m['p50_ms']:7.2f} {m['p95_ms']:7.2f} "
                         f"{m['p99_ms']:7.2f} {m['mean_ms']:8.2f}")
        for what, m in rows[1:]:
            lines.append(f"{r['label']:>8} speed-up over {what} (mean / mean): "
                         f"{m['mean_ms'] / r['matcher']['mean_ms']:.0f}x, "
                         f"(p50 / p50): {m['p50_ms'] / r['matcher']['p50_ms']:.0f}x")
    for r in results:
        m = r["matcher"]
        lines.append(f"{r['label']:>8} silent adds (added without a question): {m['silent_adds']}, "
                     f"wrong: {m['silent_wrong']}, precision {m['silent_precision']:.1%}")
    lines.append("baseline = process.extractOne(phrase, names, scorer=fuzz.WRatio); "
                 "+lc adds processor=utils.default_process")
    return "\n".join(lines)


def verdict(results: list[dict]) -> list[str]:
    by = {r["label"]: r["matcher"] for r in results}
    checks = [("top-1 accuracy (50k)", by["50k"]["accuracy"], TARGETS["accuracy"], ">="),
              ("p50 ms (50k)", by["50k"]["p50_ms"], TARGETS["p50_ms_50k"], "<="),
              ("p99 ms (50k)", by["50k"]["p99_ms"], TARGETS["p99_ms_50k"], "<="),
              ("p99 ms (200k)", by["200k"]["p99_ms"], TARGETS["p99_ms_200k"], "<="),
              ("silent-add precision (50k)", by["50k"]["silent_precision"],
               TARGETS["silent_precision"], ">=")]
    out = []
    for name, got, want, op in checks:
        ok = got >= want if op == ">=" else got <= want
        out.append(f"{'met ' if ok else 'MISS'} {name}: {got:.3g} (target {op} {want})")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=30, help="timed passes over the items")
    parser.add_argument("--max-seconds", type=float, default=20.0,
                        help="time budget per timed loop")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    path = dev_path()
    if not path.exists():
        print(f"dev utterances not found: {path} (set {DEV_ENV})", file=sys.stderr)
        return 1
    load_before = os.getloadavg()
    try:
        rows = load_items(path)
        results = run_sizes(rows, max(1, args.repeats), max(1.0, args.max_seconds))
    except ImportError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"phrases from: {results[0]['phrase_source']}; dev file: {path}")
    print(table(results))
    print("\n".join(verdict(results)))
    print(f"load average before/after: {load_before[0]:.2f} / {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} CPUs (tail latencies suffer when the machine is busy)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # tail latencies depend on what else the machine runs: keep the load with the figures
    report = {"targets": TARGETS, "dev_file": path.name, "results": results,
              "verdict": verdict(results), "python": sys.version.split()[0],
              "cpus": os.cpu_count(), "load_average_before": load_before,
              "load_average_after": os.getloadavg()}
    write_report(args.out, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
