"""What a returning shopper's purchase history costs a turn (issue 22).

    python bench/bench_purchase_history.py [--orders 20] [--lines 15] [--turns 300] [--out FILE]

Every turn that resolves an item reads how often the shopper bought each product over their
20 newest orders ("add milk" means *their* milk). The webhook benchmark's shoppers are new and
have none, so this one makes a shopper with `--orders` placed orders of `--lines` lines each on
a temporary SQLite database (demo catalog) and measures, p50/p99 and mean:

- the counts as a turn reads them now (`purchase_counts`: one aggregate query), against the
  baseline in the same run, the orders read whole and their lines counted (`list_orders`,
  what a turn did before);
- whole text turns ("add N bananas", through `Conversation.respond`, in process) of that
  shopper and of a new one.

Writes bench/results/purchase_history.json.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.results import write_report  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "purchase_history.json"


def _returning_shopper(runtime, customer_id: str, orders: int, lines: int) -> None:
    from cart import checkout, services
    from cart.fulfillment import PICKUP

    repo = runtime.storage.carts()
    products = [p for p in runtime.catalog().all_products() if p.in_stock and p.sold_by != "weight"]
    now = datetime.now(timezone.utc) - timedelta(days=orders + 1)
    for n in range(orders):
        for product in products[n * 3:n * 3 + lines]:
            services.add_item(repo, customer_id, product, 2, now=now)
        services.choose_fulfillment(repo, customer_id, PICKUP, now=now)
        checkout.place_order(repo, customer_id, f"{customer_id}-{n}", now=now)
        now += timedelta(days=1)
        print(f"  order {n + 1} of {orders} placed", end="\r", file=sys.stderr)
    print(file=sys.stderr)


def _timed(fn, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _summary(ms: list[float]) -> dict:
    from bench.bench_matcher import percentile

    return {"p50_ms": percentile(ms, 50), "p99_ms": percentile(ms, 99),
            "mean_ms": sum(ms) / len(ms)}


def main(argv: list[str] | None = None) -> dict:
    from cart import checkout
    from intents.dialog.turn import HISTORY_ORDERS
    from skill.app import create_app
    from skill.config import Config

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=HISTORY_ORDERS, help="orders placed")
    parser.add_argument("--lines", type=int, default=15, help="lines per order")
    parser.add_argument("--turns", type=int, default=300, help="measured calls and turns each")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    report: dict = {"orders": args.orders, "lines": args.lines, "turns": args.turns}
    with tempfile.TemporaryDirectory(prefix="voicecart-bench-history-") as tmp:
        app = create_app(Config(db_path=Path(tmp) / "demo.db", dev=True))
        runtime = app.extensions["voicecart"]
        returning = f"returning-{uuid.uuid4().hex[:6]}"
        _returning_shopper(runtime, returning, args.orders, args.lines)
        repo = runtime.storage.carts()

        def orders_read_whole() -> dict:
            counts: dict[str, int] = {}
            for order in checkout.list_orders(repo, returning, HISTORY_ORDERS):
                for line in order.lines:
                    counts[line.product_id] = counts.get(line.product_id, 0) + 1
            return counts

        def counted_by_the_database() -> dict:
            return checkout.purchase_counts(repo, returning, HISTORY_ORDERS)

        if orders_read_whole() != counted_by_the_database():
            raise SystemExit("the two ways count differently")
        report["history"] = {"purchase_counts": _summary(_timed(counted_by_the_database, args.turns)),
                             "baseline_orders_read_whole": _summary(_timed(orders_read_whole, args.turns))}

        def turns(customer_id: str) -> list[float]:
            def one() -> None:
                runtime.conversation.respond(channel="alexa", session_id=customer_id,
                                             customer_id=customer_id, text="add two bananas",
                                             request_key=uuid.uuid4().hex)
            one()  # the shopper's rows exist before the clock starts
            return _timed(one, args.turns)

        report["turn"] = {"returning_shopper": _summary(turns(returning)),
                          "new_shopper": _summary(turns(f"new-{uuid.uuid4().hex[:6]}"))}
        runtime.stop_background()
    h, t = report["history"], report["turn"]
    print(f"purchase history of a shopper with {args.orders} orders of {args.lines} lines, "
          f"{args.turns} calls each (ms): p50 / p99 / mean")
    for name, row in (("counted by the database (now)", h["purchase_counts"]),
                      ("orders read whole (before)", h["baseline_orders_read_whole"]),
                      ("turn 'add two bananas', that shopper", t["returning_shopper"]),
                      ("turn 'add two bananas', a new shopper", t["new_shopper"])):
        print(f"  {name:<40} {row['p50_ms']:7.3f} / {row['p99_ms']:7.3f} / {row['mean_ms']:7.3f}")
    write_report(args.out, report)
    return report


if __name__ == "__main__":
    main()
