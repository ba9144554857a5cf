"""Without Chromium the browser tests skip with one line, except in CI, where they fail."""
from __future__ import annotations

import pytest

import chromium


@pytest.fixture
def no_chromium(monkeypatch, tmp_path):
    monkeypatch.setattr(chromium, "CHROMIUM", str(tmp_path / "no-chromium"))


def test_outside_ci_a_missing_browser_skips_with_one_line(no_chromium, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        chromium.require_browser()
    message = str(skipped.value)
    assert "no-chromium" in message and "make system-packages" in message and "\n" not in message


def test_in_ci_a_missing_browser_fails(no_chromium, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no-chromium"):
        chromium.require_browser()
