"""Fixtures of the reliability tests: a seeded database to copy, and live servers on it."""
from __future__ import annotations

from pathlib import Path

import pytest

from reliability.kit import copy_db
from skill.app import create_app
from skill.config import Config


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory) -> Path:
    """The demo catalog, stores and customers, seeded once; tests work on copies."""
    path = tmp_path_factory.mktemp("reliability-seed") / "seed.db"
    create_app(Config(db_path=path, dev=True))
    return path


@pytest.fixture
def fresh_db(tmp_path, seeded_db) -> Path:
    return copy_db(seeded_db, tmp_path / "voicecart.db")
