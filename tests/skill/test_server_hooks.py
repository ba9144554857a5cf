"""gunicorn's hooks in skill.server, called as gunicorn calls them in the master."""
from __future__ import annotations

import gc
from types import SimpleNamespace

from flask import Flask

from skill.server import _before_fork


def test_the_master_freezes_what_it_made_before_forking_a_worker():
    """The workers' collector then leaves the master's objects (the app, the catalog's
    Python side) alone: their full collections stay short and the pages holding those
    objects stay shared (bench/README, issue 22's fourth pass)."""
    app = Flask("hello")
    gc.unfreeze()
    assert gc.is_tracked(app.config) and len(gc.get_objects()) > 1000
    try:
        _before_fork(SimpleNamespace(app=SimpleNamespace(application=app)), worker=None)
        assert gc.get_freeze_count() > 1000
        assert not any(obj is app.config for obj in gc.get_objects())  # out of the walk
    finally:
        gc.unfreeze()
