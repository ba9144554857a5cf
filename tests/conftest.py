"""Fixtures shared by every test layer."""
from __future__ import annotations

import pytest

from support import running_server


@pytest.fixture
def live_server(tmp_path):
    """A real `voicecart serve --dev` process on a free 127.0.0.1 port, seeded with the demo catalog."""
    with running_server(tmp_path / "live.db", "--dev") as (base, _):
        yield base
