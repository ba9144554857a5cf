"""Benchmark of the spoken request parser on the Instacart catalog (issue 4).

    python bench/bench_parser.py [--repeats N] [--max-seconds S] [--lines N] [--out FILE]

On `dev_utterances.jsonl` against the 49,688-product Instacart catalog (one Matcher, built once):

- accuracy: intent, quantity-and-unit (per expected item), and whole-utterance exact
  (intent, item count, every item right including its product when `any_of` is given, and
  the expected slots `fulfillment`/`option` equal);
- in-process time per utterance (parse + resolve), p50/p95/p99 over repeated passes;
- `voicecart resolve --jsonl` as a subprocess: the catalog is imported into a temporary
  database first (import time reported), then the dev lines repeated to ~5,000 lines are
  piped through it; per-line time = (total - start-up) / lines, start-up being the same
  command fed an empty input; the child's peak RSS (wait4 ru_maxrss) and its RSS after 10%
  and after 100% of the lines (steady memory = little growth between the two).

Writes bench/results/parser.json (ids and texts of the dev file only; no catalog names).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.bench_matcher import dev_path, percentile  # noqa: E402
from bench.instacart import load_products  # noqa: E402
from bench.results import write_report  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "parser.json"
TARGETS = {"intent_accuracy": 0.97, "quantity_unit_accuracy": 0.97, "exact_accuracy": 0.90,
           "jsonl_ms_per_line": 2.0}
VOICECART = [sys.executable, "-c", "from skill.cli import main; main()"]
SLOT_KEYS = ("fulfillment", "option")
SUBPROCESS_TIMEOUT_S = 120


# --- accuracy ----------------------------------------------------------------------------

def load_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def quantity_unit_right(expected: dict, got: dict | None) -> bool:
    if got is None:
        return False
    want_q, want_u = expected.get("quantity"), expected.get("unit")
    q, u = got.get("quantity"), got.get("unit")
    if want_q is None:
        return q in (None, 1) and u == want_u
    if want_u == "dozen" and want_q == 1 and u is None and q == 12:
        return True  # "a dozen eggs" may also be 12 with no unit
    return q is not None and float(q) == float(want_q) and u == want_u


def item_right(expected: dict, got: dict | None) -> bool:
    if not quantity_unit_right(expected, got):
        return False
    any_of = expected.get("any_of")
    if any_of is None:
        return True
    product = got.get("product") if got else None
    return product is not None and product["id"] in set(any_of)


def score(row: dict, got: dict) -> dict:
    """Per-utterance verdicts from the expected row and the request_json of our answer."""
    expected_items, got_items = row.get("items", []), got.get("items", [])
    qu = [quantity_unit_right(e, got_items[i] if i < len(got_items) else None)
          for i, e in enumerate(expected_items)]
    items = [item_right(e, got_items[i] if i < len(got_items) else None)
             for i, e in enumerate(expected_items)]
    want_slots = row.get("slots") or {}
    slots_ok = all(got.get("slots", {}).get(k) == want_slots[k] for k in SLOT_KEYS if k in want_slots)
    intent_ok = got.get("intent") == row.get("intent")
    exact = intent_ok and len(got_items) == len(expected_items) and all(items) and slots_ok
    return {"intent": intent_ok, "quantity_unit": qu, "items": items, "slots": slots_ok,
            "exact": exact}


def accuracy(rows: list[dict], answers: list[dict]) -> dict:
    verdicts = [score(r, a) for r, a in zip(rows, answers)]
    qu = [v for vs in verdicts for v in vs["quantity_unit"]]
    items = [v for vs in verdicts for v in vs["items"]]
    failures = []
    for row, got, v in zip(rows, answers, verdicts):
        if not v["exact"]:
            failures.append({
                "text": row["text"], "want_intent": row["intent"], "got_intent": got.get("intent"),
                "want": [(i.get("quantity"), i.get("unit")) for i in row.get("items", [])],
                "got": [(i.get("phrase"), i.get("quantity"), i.get("unit"),
                         (i.get("product") or {}).get("id")) for i in got.get("items", [])],
                "want_slots": row.get("slots"), "got_slots": got.get("slots")})
    n = max(1, len(rows))
    return {"utterances": len(rows), "items": len(qu),
            "intent_accuracy": sum(v["intent"] for v in verdicts) / n,
            "quantity_unit_accuracy": sum(qu) / max(1, len(qu)),
            "item_accuracy": sum(items) / max(1, len(items)),
            "exact_accuracy": sum(v["exact"] for v in verdicts) / n,
            "failures": failures}


# --- in process --------------------------------------------------------------------------

def in_process(rows: list[dict], repeats: int, budget_s: float) -> dict:
    from catalog.matcher import Matcher
    from intents.parsing.parser import parse
    from intents.resolution import request_json, resolve_items

    products = load_products()
    started = time.perf_counter()
    matcher = Matcher.build(products, memo_size=0)  # measure the work, not the memo
    build_s = time.perf_counter() - started
    texts = [r["text"] for r in rows]
    answers = [request_json(resolve_items(parse(t, matcher), matcher, None)) for t in texts]
    latencies: list[float] = []
    deadline = time.perf_counter() + budget_s
    passes = 0
    for _ in range(repeats):
        for text in texts:
            t0 = time.perf_counter()
            resolve_items(parse(text, matcher), matcher, None)
            latencies.append((time.perf_counter() - t0) * 1000)
        passes += 1
        if time.perf_counter() > deadline:
            break
    result = {"products": len(matcher), "build_s": build_s, "passes": passes,
              "samples": len(latencies), "p50_ms": percentile(latencies, 50),
              "p95_ms": percentile(latencies, 95), "p99_ms": percentile(latencies, 99),
              "mean_ms": statistics.fmean(latencies), "max_ms": max(latencies)}
    return {"timing": result, "accuracy": accuracy(rows, answers)}


# --- through `voicecart resolve --jsonl` -------------------------------------------------

def write_catalog_jsonl(path: Path) -> int:
    """The Instacart products as a catalog file of the contract (id, name, price, ...)."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for p in load_products():
            row = {"id": p.id, "name": p.name, "price": str(p.price)}
            if p.department:
                row["department"] = p.department
            if p.aisle:
                row["aisle"] = p.aisle
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def import_catalog(catalog_file: Path, db: Path) -> float:
    started = time.perf_counter()
    subprocess.run([*VOICECART, "catalog", "import", str(catalog_file), "--db", str(db)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                   timeout=SUBPROCESS_TIMEOUT_S, start_new_session=True)
    return time.perf_counter() - started


def run_jsonl(db: Path, lines: list[str]) -> dict:
    """Pipe `lines` through `voicecart resolve --jsonl`; wall time, answers, RSS samples."""
    import psutil

    payload = "".join(line + "\n" for line in lines).encode("utf-8")
    started = time.perf_counter()
    proc = subprocess.Popen([*VOICECART, "resolve", "--jsonl", "--db", str(db)], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    answers: list[str] = []
    rss: dict[str, float] = {}
    first_s = None
    try:
        ps = psutil.Process(proc.pid)

        def feed() -> None:
            try:
                proc.stdin.write(payload)
            except BrokenPipeError:
                pass
            finally:
                proc.stdin.close()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        checkpoints = {max(1, len(lines) // 10): "rss_mb_after_10pct",
                       max(1, len(lines) - 1): "rss_mb_after_100pct"}
        deadline = started + SUBPROCESS_TIMEOUT_S
        for raw in proc.stdout:  # bounded: one output line per input line, then EOF
            answers.append(raw.decode("utf-8"))
            if first_s is None:
                first_s = time.perf_counter() - started
            if len(answers) in checkpoints:
                rss[checkpoints[len(answers)]] = ps.memory_info().rss / 2**20
            if time.perf_counter() > deadline:
                raise TimeoutError("voicecart resolve --jsonl took too long")
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - started
        writer.join(timeout=5)
    finally:
        if proc.returncode is None:
            _kill(proc)
    return {"seconds": elapsed, "exit": proc.returncode, "answers": answers,
            "first_answer_s": first_s, "peak_rss_mb": usage.ru_maxrss / 1024, **rss}


def _kill(proc: subprocess.Popen) -> None:
    import signal
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=10)


def through_cli(rows: list[dict], total_lines: int, tmp: Path) -> dict:
    catalog_file = tmp / "instacart.jsonl"
    db = tmp / "instacart.db"
    products = write_catalog_jsonl(catalog_file)
    import_s = import_catalog(catalog_file, db)
    texts = [r["text"] for r in rows]
    lines = (texts * (total_lines // len(texts) + 1))[:max(len(texts), total_lines)]
    empties = [run_jsonl(db, []) for _ in range(2)]  # start-up alone, twice (median of 2)
    startup_s = statistics.median(e["seconds"] for e in empties)
    full = run_jsonl(db, lines)
    answers = [json.loads(a) for a in full["answers"]]
    consistent = len(answers) == len(lines) and all(
        a["text"] == t for a, t in zip(answers, lines))
    per_line_ms = (full["seconds"] - startup_s) * 1000 / len(lines)
    return {"products": products, "import_s": import_s, "lines": len(lines),
            "startup_s": startup_s, "startup_runs_s": [e["seconds"] for e in empties],
            "total_s": full["seconds"], "ms_per_line": per_line_ms,
            "exit": full["exit"], "one_answer_per_line_in_order": consistent,
            "peak_rss_mb": full["peak_rss_mb"], "startup_peak_rss_mb": empties[0]["peak_rss_mb"],
            "rss_mb_after_10pct": full.get("rss_mb_after_10pct"),
            "rss_mb_after_100pct": full.get("rss_mb_after_100pct"),
            "accuracy_same_as_in_process": accuracy(rows, answers[:len(rows)])["exact_accuracy"]}


# --- report ------------------------------------------------------------------------------

def checks(report: dict) -> list[tuple[str, float, float, str]]:
    acc = report["in_process"]["accuracy"]
    out = [("intent accuracy", acc["intent_accuracy"], TARGETS["intent_accuracy"], ">="),
           ("quantity+unit accuracy", acc["quantity_unit_accuracy"],
            TARGETS["quantity_unit_accuracy"], ">="),
           ("exact accuracy", acc["exact_accuracy"], TARGETS["exact_accuracy"], ">=")]
    if report.get("jsonl"):
        out.append(("resolve --jsonl ms/line", report["jsonl"]["ms_per_line"],
                    TARGETS["jsonl_ms_per_line"], "<="))
    return out


def verdict(report: dict) -> list[str]:
    lines = []
    for name, got, want, op in checks(report):
        ok = got >= want if op == ">=" else got <= want
        lines.append(f"{'met ' if ok else 'MISS'} {name}: {got:.4g} (target {op} {want})")
    return lines


def table(report: dict) -> str:
    acc, t = report["in_process"]["accuracy"], report["in_process"]["timing"]
    out = [f"dev utterances: {acc['utterances']} ({acc['items']} items); catalog "
           f"{t['products']} products, matcher built once in {t['build_s']:.2f} s",
           f"  intent {acc['intent_accuracy']:.1%}   quantity+unit {acc['quantity_unit_accuracy']:.1%}"
           f"   item (incl. product) {acc['item_accuracy']:.1%}   exact {acc['exact_accuracy']:.1%}",
           f"  in-process parse+resolve per utterance: p50 {t['p50_ms']:.2f} ms  p95 "
           f"{t['p95_ms']:.2f} ms  p99 {t['p99_ms']:.2f} ms  mean {t['mean_ms']:.2f} ms "
           f"({t['samples']} samples)"]
    j = report.get("jsonl")
    if j:
        out += [f"  voicecart catalog import: {j['products']} products in {j['import_s']:.1f} s",
                f"  voicecart resolve --jsonl: {j['lines']} lines in {j['total_s']:.2f} s, start-up "
                f"{j['startup_s']:.2f} s -> {j['ms_per_line']:.3f} ms/line; peak RSS "
                f"{j['peak_rss_mb']:.0f} MB (start-up alone {j['startup_peak_rss_mb']:.0f} MB; "
                f"RSS after 10% {j['rss_mb_after_10pct']:.0f} MB, after 100% "
                f"{j['rss_mb_after_100pct']:.0f} MB)"]
    for f in acc["failures"]:
        out.append(f"  not exact: {f['text']!r}: intent {f['got_intent']} (want {f['want_intent']}), "
                   f"items {f['got']} (want {f['want']}), slots {f['got_slots']}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=30, help="timed in-process passes")
    parser.add_argument("--max-seconds", type=float, default=15.0,
                        help="time budget of the in-process timed loop")
    parser.add_argument("--lines", type=int, default=5000,
                        help="lines piped through voicecart resolve --jsonl (0: skip)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    from bench.bench_webhook import exit_on_sigterm
    exit_on_sigterm()
    path = dev_path()
    if not path.exists():
        print(f"dev utterances not found: {path} (set VOICECART_DEV_UTTERANCES)", file=sys.stderr)
        return 1
    rows = load_rows(path)
    load_before = os.getloadavg()
    try:
        report = {"targets": TARGETS, "dev_file": path.name,
                  "in_process": in_process(rows, max(1, args.repeats), max(1.0, args.max_seconds))}
        if args.lines > 0:
            with tempfile.TemporaryDirectory(prefix="voicecart-bench-parser-") as tmp:
                report["jsonl"] = through_cli(rows, args.lines, Path(tmp))
    except ImportError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    report.update(verdict=verdict(report), python=sys.version.split()[0], cpus=os.cpu_count(),
                  load_average_before=load_before, load_average_after=os.getloadavg())
    print(table(report))
    print("\n".join(report["verdict"]))
    write_report(args.out, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
