"""Headless Debian Chromium driven by Selenium, for the browser tester's tests (importable as
`chromium`). No browser is ever downloaded: the system's /usr/bin/chromium and chromedriver
(installed by `make system-packages`) or none. Without them the tests skip with one line,
except in CI (CI=true), where a missing browser is a failure."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from support import REPO

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--disable-dev-shm-usage")
AXE = "axe-core@4.10.3"
AXE_DIR = REPO / ".cache" / "axe-core"  # gitignored; installed once from npm, reused
ARTIFACTS = REPO / "artifacts" / "tester"  # gitignored: screenshots of every run
LAPTOP = (1366, 900)
PHONE = (390, 844)


def require_browser() -> None:
    """Skip (fail in CI) with one line when Chromium, chromedriver or Selenium is missing."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package (pip install -e '.[test]')")
    if missing:
        reason = (f"browser tests need {', '.join(missing)}: run `make system-packages` "
                  "(Debian chromium and chromium-driver)")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)


def start_chromium(profile: Path, downloads: Path):
    """A fresh headless Chromium (its own profile folder) that saves downloads to `downloads`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never fetch anything
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={LAPTOP[0]},{LAPTOP[1]}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    service = Service(executable_path=CHROMEDRIVER, log_output=str(profile.parent / "driver.log"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.set_script_timeout(60)
    return driver


def axe_source() -> str:
    """axe-core's script, installed from npm into .cache/ on first use."""
    script = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        if shutil.which("npm") is None:
            reason = "npm is not installed: axe-core cannot be installed"
            if os.environ.get("CI", "").lower() == "true":
                pytest.fail(reason, pytrace=False)
            pytest.skip(reason)
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent",
                               "--prefix", str(AXE_DIR), AXE],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"npm install {AXE} failed: {done.stderr[-2000:]}"
    return script.read_text(encoding="utf-8")


def axe_violations(driver, source: str) -> list[dict]:
    """Run axe-core in the page (WCAG 2 A/AA rules and best practices); its violations."""
    driver.execute_script(source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then((r) => done(r.violations)).catch((e) => done({error: String(e)}));")
    assert not isinstance(result, dict), result
    return result
