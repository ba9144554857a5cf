"""Real parts on loopback, shared by the tests and the benchmarks: `voicecart serve` nodes,
nginx in front of them (`voicecart deploy nginx-config`), a scratch PostgreSQL database, and
what a process tree costs (CPU seconds and PSS, read from /proc).

Nothing here knows pytest: a missing program or server is the caller's to report (the tests
skip or fail through tests/support.py; the benchmarks print why). Every process is started in
its own process group on a free 127.0.0.1 port and stopped on the way out, however it goes.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VOICECART = [sys.executable, "-c", "from skill.cli import main; main()"]
NODE_START_TIMEOUT_S = 60
NGINX_START_TIMEOUT_S = 20


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find_program(name: str) -> str | None:
    """The program's path, also in the sbin folders a non-login PATH may leave out."""
    return shutil.which(name) or next(
        (p for p in (f"/usr/sbin/{name}", f"/usr/bin/{name}") if os.access(p, os.X_OK)), None)


def stop_process_group(proc: subprocess.Popen, first: signal.Signals, grace: float) -> None:
    """`first` to the process group (started with start_new_session), SIGKILL after `grace`."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, first)
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        proc.wait(timeout=grace)


@contextmanager
def running_server(db: Path | str, *extra: str, env: dict | None = None, workers: int = 2,
                   log_path: Path | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """`voicecart serve` as deployed (gunicorn), on a free loopback port; always stopped.
    `db` is a SQLite file or a postgresql:// URL (then give `log_path`). Yields (base URL,
    the gunicorn master's process)."""
    port = free_port()
    log_path = log_path or Path(db).with_suffix(".server.log")
    log = open(log_path, "wb")
    proc = subprocess.Popen(
        [*VOICECART, "serve", "--port", str(port), "--db", str(db), "--workers", str(workers), *extra],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + NODE_START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                raise RuntimeError("server exited: " + log_path.read_text()[-2000:])
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"server did not start within {NODE_START_TIMEOUT_S} s")
                time.sleep(0.1)
        yield base, proc
    finally:
        stop_process_group(proc, signal.SIGTERM, grace=15)
        log.close()


@contextmanager
def running_nginx(upstreams: list[str], state_dir: Path, nginx: str = "nginx",
                  on_start=None) -> Iterator[str]:
    """nginx as the README's production front (`voicecart deploy nginx-config`), on a free
    loopback port, in front of `upstreams` (HOST:PORT); yields its base URL. `on_start`, if
    given, is called with nginx's master process once it listens."""
    state_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    conf = state_dir / "nginx.conf"
    done = subprocess.run([*VOICECART, "deploy", "nginx-config", "--listen", f"127.0.0.1:{port}",
                           "--state-dir", str(state_dir), "--workers", "1", "--out", str(conf),
                           *[arg for u in upstreams for arg in ("--upstream", u)]],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError("voicecart deploy nginx-config failed: " + done.stderr[-2000:])
    with open(state_dir / "stderr.log", "wb") as stderr:
        proc = subprocess.Popen([nginx, "-c", str(conf), "-g", "daemon off;"],
                                stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + NGINX_START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                raise RuntimeError("nginx exited: " + (state_dir / "stderr.log").read_text()[-2000:])
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not start within {NGINX_START_TIMEOUT_S} s")
                time.sleep(0.05)
        if on_start is not None:
            on_start(proc)
        yield base
    finally:
        stop_process_group(proc, signal.SIGQUIT, grace=10)  # nginx's graceful stop


def postgres_unreachable(url: str) -> str | None:
    """None when the PostgreSQL server at `url` answers, else why not, in one line (a benchmark
    reports it as skipped)."""
    try:
        import psycopg
        psycopg.connect(url, connect_timeout=3).close()
        return None
    except Exception as exc:  # noqa: BLE001 - any reason is reported, in one line
        return f"PostgreSQL not reachable at {url}: {(str(exc).strip() or type(exc).__name__)[:120]}"


@contextmanager
def scratch_postgres_database(admin_url: str, prefix: str = "voicecart_test") -> Iterator[str]:
    """A new, empty database of its own (unique name) on the server `admin_url` reaches (as a
    user allowed to create databases); dropped afterwards, whoever is still connected. Yields
    its URL."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- what a process tree costs, from /proc (Linux) ------------------------------------------

_TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            raw = fh.read().decode("ascii", "replace")
    except OSError:
        return None
    # the command name is in parentheses and may hold spaces: split after its closing one
    return raw[raw.rindex(")") + 2:].split()


def process_tree(pid: int) -> list[int]:
    """`pid` and every live descendant (gunicorn's master and its workers)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := _stat_fields(int(entry))) is not None:
            children.setdefault(int(fields[1]), []).append(int(entry))  # fields[1]: ppid
    tree, queue = [], [pid]
    while queue:
        current = queue.pop()
        tree.append(current)
        queue += children.get(current, [])
    return tree


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """utime + stime of each live process, in seconds (a process gone is left out)."""
    out = {}
    for pid in pids:
        fields = _stat_fields(pid)
        if fields is not None:
            out[pid] = (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime
    return out


@dataclass(frozen=True)
class TreeCpu:
    """What a process and its children (the gunicorn master and workers) have used so far:
    CPU seconds in user space and in the kernel, and the context switches of all their threads
    (voluntary: a wait for a lock, the GIL or I/O; involuntary: preempted)."""

    user_s: float = 0.0
    system_s: float = 0.0
    voluntary: int = 0
    involuntary: int = 0

    @property
    def cpu_s(self) -> float:
        return self.user_s + self.system_s

    def __add__(self, other: "TreeCpu") -> "TreeCpu":
        return TreeCpu(self.user_s + other.user_s, self.system_s + other.system_s,
                       self.voluntary + other.voluntary, self.involuntary + other.involuntary)

    def __sub__(self, other: "TreeCpu") -> "TreeCpu":
        return TreeCpu(self.user_s - other.user_s, self.system_s - other.system_s,
                       self.voluntary - other.voluntary, self.involuntary - other.involuntary)


def tree_cpu(pid: int) -> TreeCpu:
    """TreeCpu of `pid` and its live descendants now (a process or thread gone meanwhile
    counts nothing)."""
    user = system = 0.0
    voluntary = involuntary = 0
    for member in process_tree(pid):
        fields = _stat_fields(member)
        if fields is None:
            continue
        user, system = user + int(fields[11]) / _TICKS, system + int(fields[12]) / _TICKS
        # per thread: /proc/<pid>/status counts the main thread's switches alone
        try:
            threads = os.listdir(f"/proc/{member}/task")
        except OSError:
            continue
        for tid in threads:
            try:
                with open(f"/proc/{member}/task/{tid}/status") as fh:
                    for line in fh:
                        if line.startswith("voluntary_ctxt_switches:"):
                            voluntary += int(line.split()[1])
                        elif line.startswith("nonvoluntary_ctxt_switches:"):
                            involuntary += int(line.split()[1])
            except OSError:
                continue
    return TreeCpu(user, system, voluntary, involuntary)


def pss_mb(pid: int) -> float:
    """Proportional set size: pages shared by forked workers count once in total across them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def tree_pss_mb(pid: int) -> dict:
    """{"master_mb", "workers_mb": [...], "total_mb"} of a gunicorn master and its workers."""
    master, *workers = process_tree(pid)
    each = [pss_mb(w) for w in workers]
    mine = pss_mb(master)
    return {"master_mb": mine, "workers_mb": each, "total_mb": mine + sum(each)}
