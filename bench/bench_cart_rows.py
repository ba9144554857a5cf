"""What a cart row's undo history costs a write (issue 22): encode + read back, per write.

    python bench/bench_cart_rows.py [--writes N] [--sizes 5,20,40] [--out FILE]

For carts of each size with ten undo steps, N changes (a line's quantity set), each
written through one `cart.row_cache.CartRowCache` and read back as the next request would
(the memo warm, as in a server process). The baseline, in the same run: the same changes
written without any history. Prints p50/p99 and mean µs per write, the history's stored
bytes, and how much the history adds per write; writes bench/results/cart_rows.json.
"""
from __future__ import annotations

import argparse
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.results import write_report  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "cart_rows.json"


def _cart(size: int):
    from cart.model import HISTORY_LIMIT, Cart

    cart = Cart("bench")
    for i in range(size + HISTORY_LIMIT):
        cart.add(f"p{i % size}", f"Product number {i % size} organic", 1, None, Decimal("2.49"))
    return cart


def _writes(size: int, writes: int, with_history: bool) -> tuple[list[float], int]:
    """µs per write (change + encode + read back) and the last history text's length."""
    from cart.row_cache import CartRowCache

    cart, rows = _cart(size), CartRowCache()
    rows.decode("bench", *rows.encode("bench", cart.lines, cart.history))
    times, history_text = [], ""
    for k in range(writes):
        started = time.perf_counter()
        cart.set_quantity(f"p{k % size}", 1 + (k // size) % 9)
        lines_text, history_text = rows.encode("bench", cart.lines,
                                               cart.history if with_history else [])
        rows.decode("bench", lines_text, history_text)
        times.append((time.perf_counter() - started) * 1e6)
    return times, len(history_text)


def main(argv: list[str] | None = None) -> dict:
    from bench.bench_matcher import percentile

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writes", type=int, default=5000, help="changes per cart size")
    parser.add_argument("--sizes", default="5,20,40", help="cart sizes in lines")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    report = {"writes": args.writes, "sizes": {}}
    print(f"{'lines':>5} {'history':>9} {'p50 us':>7} {'p99 us':>7} {'mean us':>8}"
          f" {'no history: p50/p99/mean us':>28} {'history adds':>13}")
    for size in (int(s) for s in args.sizes.split(",")):
        with_history, stored = _writes(size, args.writes, True)
        without, _ = _writes(size, args.writes, False)
        row = {"history_bytes": stored,
               "p50_us": percentile(with_history, 50), "p99_us": percentile(with_history, 99),
               "mean_us": sum(with_history) / len(with_history),
               "baseline_p50_us": percentile(without, 50), "baseline_p99_us": percentile(without, 99),
               "baseline_mean_us": sum(without) / len(without)}
        row["history_adds_us"] = row["mean_us"] - row["baseline_mean_us"]
        report["sizes"][size] = row
        print(f"{size:>5} {stored:>8}B {row['p50_us']:>7.1f} {row['p99_us']:>7.1f}"
              f" {row['mean_us']:>8.1f} {row['baseline_p50_us']:>12.1f} /"
              f" {row['baseline_p99_us']:>5.1f} / {row['baseline_mean_us']:>5.1f}"
              f" {row['history_adds_us']:>12.1f}")
    write_report(args.out, report)
    return report


if __name__ == "__main__":
    main()
