"""Fixtures for the skill tests (`alexa_ca` lives in tests/, which pytest puts on sys.path)."""
from __future__ import annotations

import pytest

import alexa_ca


@pytest.fixture(scope="session")
def throwaway_ca() -> alexa_ca.ThrowawayCA:
    """One CA for the whole run: RSA key generation is the slow part."""
    return alexa_ca.ThrowawayCA()


@pytest.fixture(scope="session")
def other_ca() -> alexa_ca.ThrowawayCA:
    """A second, unrelated CA whose chains must not be trusted."""
    return alexa_ca.ThrowawayCA(label="Impostor")


@pytest.fixture
def fixed_clock() -> alexa_ca.FixedClock:
    return alexa_ca.FixedClock()
