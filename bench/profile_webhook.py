"""Where an Alexa AddItem request spends its time, in-process (no HTTP, no profiler overhead).

    python bench/profile_webhook.py [--requests N] [--turn AddItem|ReadCart|Checkout] [--signed]
                                    [--out FILE]

Calls the Flask WSGI app of voicecart (demo catalog, temporary database, dev mode with the skill
id check on) directly with the same AddItemIntent bodies as bench_webhook.py, one thread, and
times the main steps by wrapping them (ask-sdk deserialize/serialize, verification, the
conversation turn, session store calls, matcher, cart service and repository, logging). The
same is done for the hello skill's WSGI app. Steps are nested (the cart service contains the
repository calls): the rows do not add up. A wrapped function that no longer exists is
skipped. It also prints how long each holder kept the database's write lock (mean, p50,
p99), the section every other shopper's writes queue behind. Run by bench_webhook.py when
its target is missed; writes bench/results/profile.json.

`--signed`: the production check too. Bodies are signed (before the clock starts) by a throwaway
CA (tests/alexa_ca.py: root -> intermediate -> echo-api leaf, RSA 2048) and the voicecart app
verifies each signature against that root, its chain fetched once and cached as in
production; `serve --dev`, which bench_webhook.py runs, skips this check.
"""
from __future__ import annotations

import argparse
import collections
import functools
import importlib
import io
import logging
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.results import write_report  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "profile.json"
# (module, "Class.method" or "function", label). Labels sort into the printed order.
STEPS = (
    ("ask_sdk_core.serialize", "DefaultSerializer.deserialize", "1 ask-sdk deserialize (request)"),
    ("skill.alexa.envelope", "EnvelopeSerializer.request_envelope",
     "1 request envelope from the parsed body (skill.alexa.envelope)"),
    ("skill.alexa.verify", "AlexaRequestVerifier.verify", "2 verification (timestamp, skill id; signature with --signed)"),
    ("intents.dialog.conversation", "Conversation.understand", "3 conversation turn (all of 4-7)"),
    ("intents.dialog.session", "SqliteSessionStore.prefetch",
     "4 session: prefetch (replay record and dialog state, one read)"),
    ("intents.dialog.session", "SqliteSessionStore.recall_reply",
     "4a session: recall_reply (replay check, from the prefetch)"),
    ("intents.dialog.session", "SqliteSessionStore.load", "4b session: load (from the prefetch)"),
    ("intents.dialog.session", "SqliteSessionStore.save", "4c session: save (write transaction)"),
    ("catalog.matcher", "Matcher.resolve", "5 matcher: resolve"),
    ("cart.services", "add_purchase",
     "6 cart: services.add_purchase (write transaction, all of 6a-6b)"),
    ("cart.sqlite_store", "SqliteCartRepository.get_cart",
     "6a cart: get_cart (decode lines + undo history)"),
    ("cart.sqlite_store", "SqliteCartRepository.save_cart",
     "6b cart: save_cart (encode + upsert, held back until the commit)"),
    ("intents.dialog.turn", "Turn.history", "7 purchase history (orders query)"),
    ("logging", "Logger.handle", "8 logging (records emitted)"),
    ("ask_sdk_core.serialize", "DefaultSerializer.serialize", "9 ask-sdk serialize (response)"),
    ("skill.alexa.envelope", "EnvelopeSerializer.response_bytes",
     "9 response JSON (skill.alexa.envelope)"),
)


def _wrap(acc: collections.Counter, module: str, attr: str, label: str) -> bool:
    try:
        owner = importlib.import_module(module)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        func = getattr(owner, name)
    except (ImportError, AttributeError):
        return False

    @functools.wraps(func)
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            acc[label] += time.perf_counter() - started

    setattr(owner, name, timed)
    return True


def _time_write_lock(holds: list[float]) -> None:
    """Record how long each holder keeps the database's write lock (catalog.database):
    what every other shopper's writes queue behind."""
    import contextlib

    from catalog import database

    real = database.writer_lock

    @contextlib.contextmanager
    def timed(db):
        with real(db):
            started = time.perf_counter()
            try:
                yield
            finally:
                holds.append(time.perf_counter() - started)

    database.writer_lock = timed


def _lock_summary(holds: list[float]) -> dict:
    from bench.bench_matcher import percentile

    ms = [h * 1000 for h in holds]
    if not ms:
        return {"turns": 0}
    return {"turns": len(ms), "mean_ms": sum(ms) / len(ms), "p50_ms": percentile(ms, 50),
            "p99_ms": percentile(ms, 99)}


def _environ(body: bytes, headers: dict[str, str] | None = None) -> dict:
    extra = {"HTTP_" + name.upper().replace("-", "_"): value
             for name, value in (headers or {}).items()}
    return {**extra, "REQUEST_METHOD": "POST", "PATH_INFO": "/alexa", "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
            "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body), "wsgi.errors": sys.stderr, "wsgi.version": (1, 0),
            "wsgi.multithread": True, "wsgi.multiprocess": True, "wsgi.run_once": False}


def _drive(app, bodies, n: int, warmup: int, sign=None) -> float:
    """ms per request over `n` requests after `warmup`; every answer must be a 200.
    `sign` (body -> headers): requests signed before the clock starts."""
    def call(body: bytes, headers: dict | None = None) -> None:
        status = []
        answer = b"".join(app(_environ(body, headers), lambda s, h, e=None: status.append(s)))
        if not status or not status[0].startswith("200") or b"went wrong" in answer:
            raise RuntimeError(f"unexpected answer {status} {answer[:200]!r}")
    for i in range(warmup):
        body = bodies(i, "warm")
        call(body, sign(body) if sign else None)
    run = [bodies(i, "run") for i in range(n)]
    signed = [sign(body) if sign else None for body in run]
    started = time.perf_counter()
    for body, headers in zip(run, signed):
        call(body, headers)
    return (time.perf_counter() - started) * 1000 / n


def _signing():
    """(a verifier trusting a throwaway CA, body -> signed headers)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from datetime import datetime, timezone

    from alexa_ca import ThrowawayCA
    from skill.alexa.verify import AlexaRequestVerifier
    from skill.tester.envelopes import ALEXA_TESTER_APP_ID

    ca = ThrowawayCA(now=datetime.now(timezone.utc), label="Bench")
    verifier = AlexaRequestVerifier(fetcher=ca.fake_fetch(), trust_roots=[ca.root],
                                    skill_id=ALEXA_TESTER_APP_ID, check_signature=True)
    return verifier, ca.headers


def profile(requests: int, turn: str = "AddItem", signed: bool = False) -> dict:
    from bench.bench_webhook import CHECKOUT_ASKS, Client, templates, turn_templates
    from skill.tester.envelopes import ALEXA_TESTER_APP_ID

    # as `voicecart serve` logs: INFO records formatted and written (here to /dev/null)
    logging.basicConfig(level=logging.INFO, stream=open(os.devnull, "w"),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    acc: collections.Counter = collections.Counter()
    wrapped = [label for module, attr, label in STEPS if _wrap(acc, module, attr, label)]
    holds: list[float] = []
    _time_write_lock(holds)
    from skill.app import create_app
    from skill.config import Config

    if turn == "AddItem":
        texts, setup = templates(ALEXA_TESTER_APP_ID), []
    else:
        setup, texts = turn_templates(ALEXA_TESTER_APP_ID, turn)
    shoppers: dict[str, Client] = {}

    def bodies(n: int, tag: str) -> bytes:
        # the load generator's own bodies: setup first, a slot of its own for Checkout
        if tag not in shoppers:
            shoppers[tag] = Client(0, f"profile-{tag}-{uuid.uuid4().hex[:6]}", texts, 0, 0, 0,
                                   1, setup, CHECKOUT_ASKS if turn == "Checkout" else None)
        return shoppers[tag]._body(n)

    with tempfile.TemporaryDirectory(prefix="voicecart-bench-profile-") as tmp:
        verifier, sign = _signing() if signed else (None, None)
        app = create_app(Config(db_path=Path(tmp) / "demo.db", dev=True,
                                alexa_skill_id=ALEXA_TESTER_APP_ID), alexa_verifier=verifier)
        _drive(app.wsgi_app, bodies, 1, 300, sign)
        acc.clear()
        holds.clear()
        total = _drive(app.wsgi_app, bodies, requests, 0, sign)
        steps = {label: acc[label] * 1000 / requests for label in sorted(wrapped)}
        write_lock = _lock_summary(holds)
    acc.clear()
    from bench.hello_skill import create_app as create_hello
    hello_total = _drive(create_hello().wsgi_app, bodies, requests, 300)
    return {"turn": turn, "signed": signed, "requests": requests, "voicecart_wsgi_ms": total,
            "hello_wsgi_ms": hello_total, "write_lock_held": write_lock,
            "steps_ms": steps, "skipped": [label for _m, _a, label in STEPS if label not in wrapped]}


def table(result: dict) -> str:
    lines = [f"in-process, one thread, {result['requests']} {result.get('turn', 'AddItem')} "
             f"requests (no HTTP{', signed: RSA check on' if result.get('signed') else ''}): "
             "voicecart "
             f"{result['voicecart_wsgi_ms']:.3f} ms/request, hello {result['hello_wsgi_ms']:.3f} "
             "ms/request; voicecart steps (nested, they do not add up):"]
    for label, ms in result["steps_ms"].items():
        lines.append(f"  {ms:7.3f} ms  {label}")
    held = result.get("write_lock_held") or {}
    if held.get("turns"):
        lines.append(f"  write lock held per holder ({held['turns']} holds): mean "
                     f"{held['mean_ms']:.3f} ms, p50 {held['p50_ms']:.3f}, p99 {held['p99_ms']:.3f}"
                     " (every other shopper's writes wait behind it)")
    for label in result["skipped"]:
        lines.append(f"  (not found, skipped: {label})")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--turn", choices=("AddItem", "ReadCart", "Checkout"), default="AddItem")
    parser.add_argument("--signed", action="store_true",
                        help="sign every body with a throwaway CA and verify it (the production "
                             "check, which `serve --dev` skips)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    result = profile(min(max(100, args.requests), 20000), args.turn, args.signed)
    print(table(result))
    write_report(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
