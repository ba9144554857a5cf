"""Helpers for the tester's tests: run `voicecart` as a subprocess, as a shell would."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from support import REPO, VOICECART

DIALOGS = REPO / "tests" / "dialogs"


def run_voicecart(*args: str, stdin: str = "", timeout: float = 120,
                  env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """stdin is a pipe (never a terminal), so `chat` runs in piped mode."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith("VOICECART_")}  # a developer's settings must not leak in
    return subprocess.run([*VOICECART, *args], input=stdin, capture_output=True, text=True,
                          cwd=REPO, timeout=timeout, env={**clean, **(env or {})})


@pytest.fixture
def voicecart():
    """The `run_voicecart` helper (test modules here can't import conftest by name)."""
    return run_voicecart


@pytest.fixture
def dialogs_dir() -> Path:
    return DIALOGS


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "tester.db")


@pytest.fixture
def chat(db):
    """chat(*lines, extra args...) -> CompletedProcess of `voicecart chat --db DB` fed the lines."""
    def run(*lines: str, args: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
        return run_voicecart("chat", "--db", db, *args, stdin="".join(f"{l}\n" for l in lines))
    return run
