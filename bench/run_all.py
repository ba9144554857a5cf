"""Run every benchmark in sequence within a time budget; print one table; write summary.json.

    python bench/run_all.py [--budget SECONDS] [--only matcher,honest,parser,outbox,webhook,startup,storage,notify,nodes]

Each benchmark's `main([])` runs in its own child process (a fresh interpreter: one benchmark's
50k-product index or garbage does not disturb the next one's timings), in its own process
group, killed if it outlives its share of the budget. Then the figures are read back from
bench/results/<name>.json, printed with their targets and PASS/MISS, and written to
bench/results/summary.json with the machine's details. Exit status 0 when every benchmark
ran (targets missed or not), 1 when one failed or ran out of time.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.results import write_report  # noqa: E402

RESULTS = ROOT / "bench" / "results"
# name, module, argv for main(), seconds it needs at least (for the budget), at most
BENCHMARKS = (
    ("matcher", "bench.bench_matcher", [], 30, 150),
    ("honest", "bench.bench_honest", [], 10, 60),
    ("parser", "bench.bench_parser", [], 20, 120),
    ("outbox", "bench.bench_outbox", [], 20, 90),
    ("webhook", "bench.bench_webhook", [], 60, 240),
    ("startup", "bench.bench_startup", [], 15, 120),
    ("storage", "bench.bench_storage", [], 10, 90),
    ("notify", "bench.bench_catalog_notify", [], 15, 90),
    ("nodes", "bench.bench_nodes", [], 40, 150),
)
DEFAULT_BUDGET_S = 540  # `make bench` must stay under 10 minutes, pip install included


# --- running -----------------------------------------------------------------------------

def run_one(module: str, argv: list[str], timeout_s: float) -> tuple[str, float]:
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from {module} import main; "
            f"raise SystemExit(main({argv!r}))")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, start_new_session=True)
    try:
        rc = proc.wait(timeout=max(1.0, timeout_s))
        status = "ok" if rc == 0 else f"failed (exit {rc})"
    except subprocess.TimeoutExpired:
        status = f"timeout ({timeout_s:.0f} s)"
    finally:
        _stop_group(proc)
    return status, time.perf_counter() - started


def _stop_group(proc: subprocess.Popen) -> None:
    """The benchmark's whole process group: TERM, a grace period, then KILL for leftovers."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)  # the benchmark then stops its servers
            proc.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # servers a crashed benchmark may have left
    except ProcessLookupError:
        pass
    if proc.poll() is None:
        proc.wait(timeout=5)


# --- figures -----------------------------------------------------------------------------

def _load(name: str) -> dict | None:
    path = RESULTS / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _row(bench: str, figure: str, value, unit: str = "", target: float | None = None,
         op: str | None = None) -> dict:
    verdict = None
    if target is not None and isinstance(value, (int, float)):
        verdict = "PASS" if (value >= target if op == ">=" else value <= target) else "MISS"
    return {"bench": bench, "figure": figure, "value": value, "unit": unit, "target": target,
            "op": op, "verdict": verdict}


def matcher_rows(data: dict) -> list[dict]:
    t = data["targets"]
    by = {r["label"]: r for r in data["results"]}
    rows = []
    for label in ("50k", "200k"):
        r = by.get(label)
        if r is None:
            continue
        m, b, lc = r["matcher"], r["baseline"], r["baseline_lowercased"]
        size = f"{label} ({r['products']} products)"
        rows += [
            _row("matcher", f"{size} top-1 accuracy", m["accuracy"] * 100, "%",
                 t["accuracy"] * 100 if label == "50k" else None, ">="),
            _row("matcher", f"{size} silent adds right ({m['silent_adds'] - m['silent_wrong']}"
                 f"/{m['silent_adds']})", m["silent_precision"] * 100, "%",
                 t["silent_precision"] * 100 if label == "50k" and "silent_precision" in t else None,
                 ">="),
            _row("matcher", f"{size} resolve p50", m["p50_ms"], "ms",
                 t["p50_ms_50k"] if label == "50k" else None, "<="),
            _row("matcher", f"{size} resolve p95", m["p95_ms"], "ms"),
            _row("matcher", f"{size} resolve p99", m["p99_ms"], "ms",
                 t["p99_ms_50k"] if label == "50k" else t["p99_ms_200k"], "<="),
            _row("matcher", f"{size} index build", r["build_s"], "s"),
            _row("matcher", f"{size} index RSS", r["rss_mb"], "MB"),
            _row("matcher", f"{size} WRatio full scan: accuracy", b["accuracy"] * 100, "%"),
            _row("matcher", f"{size} WRatio full scan: p50 / p99",
                 f"{b['p50_ms']:.1f} / {b['p99_ms']:.1f}", "ms"),
            _row("matcher", f"{size} speed-up over WRatio (mean/mean)",
                 b["mean_ms"] / m["mean_ms"], "x"),
            _row("matcher", f"{size} WRatio+lowercase: accuracy, p50",
                 f"{lc['accuracy'] * 100:.1f}%, {lc['p50_ms']:.1f} ms", ""),
        ]
    return rows


def honest_rows(data: dict) -> list[dict]:
    rows = [_row("honest", f"'not sold here' and near misses answered honestly ({data['cases']})",
                 data["share"] * 100, "%", data["target"] * 100, ">=")]
    for name, r in data["catalogs"].items():
        labels = ", ".join(f"{k} {v['honest']}/{v['cases']}" for k, v in r["by_label"].items())
        rows.append(_row("honest", f"  {name} catalog: {labels}", r["share"] * 100, "%"))
    return rows


def parser_rows(data: dict) -> list[dict]:
    t, acc = data["targets"], data["in_process"]["accuracy"]
    timing = data["in_process"]["timing"]
    rows = [
        _row("parser", f"intent accuracy ({acc['utterances']} utterances)",
             acc["intent_accuracy"] * 100, "%", t["intent_accuracy"] * 100, ">="),
        _row("parser", f"quantity+unit accuracy ({acc['items']} items)",
             acc["quantity_unit_accuracy"] * 100, "%", t["quantity_unit_accuracy"] * 100, ">="),
        _row("parser", "exact (whole utterance) accuracy", acc["exact_accuracy"] * 100, "%",
             t["exact_accuracy"] * 100, ">="),
        _row("parser", "item accuracy incl. product", acc["item_accuracy"] * 100, "%"),
        _row("parser", "in-process parse+resolve p50", timing["p50_ms"], "ms"),
        _row("parser", "in-process parse+resolve p99", timing["p99_ms"], "ms"),
    ]
    j = data.get("jsonl")
    if j:
        rows += [
            _row("parser", f"resolve --jsonl per line ({j['lines']} lines, start-up excluded)",
                 j["ms_per_line"], "ms", t["jsonl_ms_per_line"], "<="),
            _row("parser", "resolve --jsonl start-up (50k catalog)", j["startup_s"], "s"),
            _row("parser", "resolve --jsonl peak RSS", j["peak_rss_mb"], "MB"),
            _row("parser", "resolve --jsonl RSS after 10% / 100% of lines",
                 f"{j['rss_mb_after_10pct']:.0f} / {j['rss_mb_after_100pct']:.0f}", "MB"),
            _row("parser", "catalog import (50k, voicecart catalog import)", j["import_s"], "s"),
        ]
    return rows


def webhook_rows(data: dict) -> list[dict]:
    t = data["targets"]
    rows = []
    tops = {}  # per turn, the level with the most clients: where the targets apply
    for lv in data["levels"]:
        turn = lv.get("turn", "AddItem")
        if turn not in tops or lv["clients"] >= tops[turn]["clients"]:
            tops[turn] = lv
    cpu_target = t.get("server_cpu_ms_per_turn")
    for lv in data["levels"]:
        c, h, v = lv["clients"], lv["hello"], lv["voicecart"]
        turn = lv.get("turn", "AddItem")
        last = tops.get(turn) is lv
        name = f"{turn} {c:>2} clients"
        rows += [
            _row("webhook", f"{name}: hello req/s (p50/p99 {h['p50_ms']:.1f}/{h['p99_ms']:.1f} ms)",
                 h["rps"], "req/s"),
            _row("webhook", f"{name}: voicecart req/s", v["rps"], "req/s"),
            _row("webhook", f"{name}: voicecart/hello throughput", lv["ratio"] * 100, "%",
                 t["throughput_ratio_16"] * 100 if last else None, ">="),
            _row("webhook", f"{name}: voicecart p50", v["p50_ms"], "ms"),
            _row("webhook", f"{name}: voicecart p99", v["p99_ms"], "ms",
                 t["p99_ms_16"] if last else None, "<="),
            _row("webhook", f"{name}: server CPU per request hello", h["server_cpu_ms_per_request"],
                 "ms"),
            _row("webhook", f"{name}: server CPU per request voicecart",
                 v["server_cpu_ms_per_request"], "ms", cpu_target if last else None, "<="),
        ]
    errors = sum(lv[s]["error_count"] for lv in data["levels"] for s in ("hello", "voicecart"))
    rows.append(_row("webhook", "errors (non-200, no outputSpeech, apology, connection)", errors,
                     "", 0, "<="))
    prof = data.get("profile")
    if prof:
        rows.append(_row("webhook", "in-process ms/request voicecart / hello (profile)",
                         f"{prof['voicecart_wsgi_ms']:.2f} / {prof['hello_wsgi_ms']:.2f}", "ms"))
    return rows


def startup_rows(data: dict) -> list[dict]:
    return [
        _row("startup", f"catalog import ({data['products']} products)", data["import_s"], "s"),
        _row("startup", f"serve -> first answered request (median of {len(data['runs'])})",
             data["median_first_answer_s"], "s"),
        _row("startup", "serve -> /healthz (median)", data["median_healthz_s"], "s"),
        _row("startup", "server memory, master + workers (PSS)", data["runs"][-1]["pss_mb_tree"], "MB"),
    ]


def outbox_rows(data: dict) -> list[dict]:
    rows = []
    for key, where in (("same_process", "dispatcher in the committing process"),
                       ("other_process", "dispatcher in another process (polls)")):
        r = data[key]
        rows += [_row("outbox", f"commit -> delivery p50, idle receiver, {where}", r["p50_ms"], "ms"),
                 _row("outbox", f"commit -> delivery p99, idle receiver, {where}", r["p99_ms"], "ms")]
    t = data["throughput"]
    rows.append(_row("outbox", f"events delivered per second, fast receiver ({t['events']} events)",
                     t["events_per_s"], "ev/s"))
    rows.append(_row("outbox", "receiver signature failures", data["receiver_signature_errors"],
                     "", 0, "<="))
    return rows


def storage_rows(data: dict) -> list[dict]:
    rows = []
    for name in ("sqlite", "postgresql"):
        r = data[name]
        if "skipped" in r:
            rows.append(_row("storage", f"{name}: skipped ({r['skipped'][:60]})", "-"))
            continue
        rows += [_row("storage", f"{name}: text turn p50 / p99, {data['threads']} threads",
                      f"{r['p50_ms']:.1f} / {r['p99_ms']:.1f}", "ms"),
                 _row("storage", f"{name}: turns per second (CPU {r['cpu_s']:.1f} s of "
                                 f"{r['wall_s']:.1f} s)", r["turns_per_s"], "/s"),
                 _row("storage", f"{name}: errors and apologies", r["errors"], "", 0, "<=")]
    return rows


def notify_rows(data: dict) -> list[dict]:
    if "skipped" in data:
        return [_row("notify", f"skipped ({data['skipped'][:60]})", "-")]
    return [_row("notify", f"catalog change on one node answered by the other, p50 "
                           f"({data['changes']} changes)", data["p50_s"], "s"),
            _row("notify", "the same, slowest", data["max_s"], "s", data["target_s"], "<=")]


def nodes_rows(data: dict) -> list[dict]:
    if "skipped" in data:
        return [_row("nodes", f"skipped ({data['skipped'][:70]})", "-")]
    rows = []
    for turn, fronts in data["turns"].items():
        for front, r in fronts.items():
            parts = [*r["nodes"], *(["postgresql"] if front.startswith("postgresql") else [])]
            rows += [_row("nodes", f"{turn} via nginx, {front}: req/s (p50/p99 {r['p50_ms']:.1f}/"
                                   f"{r['p99_ms']:.1f} ms)", r["rps"], "req/s"),
                     _row("nodes", f"{turn} via nginx, {front}: CPU, % of a core: "
                                   + " / ".join(p.removeprefix("node ") for p in parts),
                          " / ".join(f"{r['cpu_core_share'][p] * 100:.0f}" for p in parts), "%")]
    for turn, factor in data.get("scale_factor", {}).items():
        rows.append(_row("nodes", f"{turn}: two PostgreSQL nodes / one (bounded: "
                                  f"{data['cpus']} cores shared by all parts)", factor, "x"))
    if data.get("postgresql_skipped"):
        rows.append(_row("nodes", f"postgresql skipped ({data['postgresql_skipped'][:60]})", "-"))
    errors = sum(r["error_count"] for fronts in data["turns"].values() for r in fronts.values())
    rows.append(_row("nodes", "errors (non-200, no outputSpeech, apology, connection)", errors,
                     "", 0, "<="))
    return rows


ROWS = {"matcher": matcher_rows, "honest": honest_rows, "parser": parser_rows, "outbox": outbox_rows,
        "webhook": webhook_rows, "startup": startup_rows, "storage": storage_rows,
        "notify": notify_rows, "nodes": nodes_rows}


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


def table(rows: list[dict], statuses: dict[str, dict]) -> str:
    width = max([len(r["figure"]) for r in rows] + [20])
    head = f"{'bench':<8} {'figure':<{width}} {'value':>14} {'unit':<6} {'target':>10}  verdict"
    out = [head, "-" * len(head)]
    for r in rows:
        target = f"{r['op']} {_fmt(r['target'])}" if r["target"] is not None else ""
        out.append(f"{r['bench']:<8} {r['figure']:<{width}} {_fmt(r['value']):>14} {r['unit']:<6} "
                   f"{target:>10}  {r['verdict'] or ''}")
    for name, st in statuses.items():
        if st["status"] != "ok":
            out.append(f"{name:<8} {'benchmark did not complete: ' + st['status']}")
    return "\n".join(out)


def machine() -> dict:
    def git(*args: str) -> str | None:
        try:  # read-only queries
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                                  timeout=10, check=True).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return None
    status = git("status", "--porcelain")
    try:
        import psutil
        memory_gb = psutil.virtual_memory().total / 2**30
    except ImportError:
        memory_gb = None
    return {"cpus": os.cpu_count(), "load_average": os.getloadavg(),
            "memory_gb": memory_gb, "python": sys.version.split()[0],
            "platform": platform.platform(), "processor": platform.processor() or platform.machine(),
            "git_commit": git("rev-parse", "HEAD"),
            "git_uncommitted_changes": bool(status) if status is not None else None}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--budget", type=float, default=DEFAULT_BUDGET_S,
                        help="seconds for all benchmarks together")
    parser.add_argument("--only", default="", help="comma-separated subset, e.g. parser,startup")
    args = parser.parse_args(argv)
    chosen = [b for b in BENCHMARKS if not args.only or b[0] in args.only.split(",")]
    RESULTS.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    info_before = machine()
    statuses: dict[str, dict] = {}
    for i, (name, module, bench_argv, _least, most) in enumerate(chosen):
        for stale in (name, "profile") if name == "webhook" else (name,):
            (RESULTS / f"{stale}.json").unlink(missing_ok=True)  # never report old figures
        later = sum(b[3] for b in chosen[i + 1:])
        left = args.budget - (time.perf_counter() - started)
        timeout = min(most, left - later)
        print(f"\n=== {name} ({module}.main({bench_argv}); at most {timeout:.0f} s) ===", flush=True)
        if timeout < _least:
            statuses[name] = {"status": "skipped (time budget spent)", "seconds": 0.0}
            continue
        status, seconds = run_one(module, bench_argv, timeout)
        statuses[name] = {"status": status, "seconds": seconds}
        print(f"=== {name}: {status} in {seconds:.0f} s ===", flush=True)
    rows: list[dict] = []
    for name, *_rest in chosen:
        data = _load(name)
        if data is not None and statuses[name]["status"] == "ok":
            try:
                rows += ROWS[name](data)
            except (KeyError, TypeError, IndexError, ZeroDivisionError) as exc:
                statuses[name]["status"] = f"unreadable results ({exc!r})"
    total = time.perf_counter() - started
    info = machine()
    print("\n" + "=" * 30 + " voicecart benchmarks " + "=" * 30)
    print(f"{info['cpus']} CPUs, Python {info['python']}, commit {(info['git_commit'] or '?')[:12]}"
          f"{' (+ uncommitted changes)' if info['git_uncommitted_changes'] else ''}; load average "
          f"before {info_before['load_average'][0]:.2f}, after {info['load_average'][0]:.2f}; "
          "the webhook load generator shares the machine with the servers")
    print(table(rows, statuses))
    missed = [r for r in rows if r["verdict"] == "MISS"]
    print(f"targets: {sum(r['verdict'] == 'PASS' for r in rows)} PASS, {len(missed)} MISS; "
          f"benchmarks ran in {total:.0f} s (budget {args.budget:.0f} s)")
    summary = {"figures": rows, "benchmarks": statuses, "total_s": total, "budget_s": args.budget,
               "machine": info, "load_average_before": info_before["load_average"],
               "results": {name: _load(name) for name, *_r in chosen}}
    for name in ("profile",):
        if (RESULTS / f"{name}.json").exists() and "webhook" in statuses:
            summary["results"][name] = _load(name)
    write_report(RESULTS / "summary.json", summary)
    return 0 if all(s["status"] == "ok" for s in statuses.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
