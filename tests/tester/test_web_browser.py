"""The browser tester in headless Chromium against a live `voicecart serve --dev`: a whole
shopping dialog typed into the page, channels, saved and loaded dialogs, hostile names and
utterances, the keyboard alone, and an accessibility check with axe-core.

One server and one browser serve the whole module; each test loads the page afresh as its
own shopper. Screenshots land in artifacts/tester/ (gitignored)."""
from __future__ import annotations

import json
import subprocess
import uuid
from pathlib import Path

import pytest

import chromium
from catalog.demo import DEMO_CATALOG
from support import VOICECART, REPO, running_server

pytestmark = pytest.mark.slow

HOSTILE_NAME = ('Zebra Cake <img src=x onerror="window.__pwned=1">'
                '<script>window.__pwned=2</script>')
HOSTILE_UTTERANCE = 'add <img src=x onerror="window.__pwned=3"> and <b id="bold">bold</b> & "quotes"'
WAIT = 30


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    chromium.require_browser()
    folder = tmp_path_factory.mktemp("browser")
    db = folder / "web.db"
    hostile = folder / "hostile.csv"
    hostile.write_text('id,name,price,synonyms,department\n'
                       'XSS1,"' + HOSTILE_NAME.replace('"', '""') + '",3.99,zebra cake,Bakery\n',
                       encoding="utf-8")
    for catalog in (DEMO_CATALOG, hostile):  # the demo catalog plus one hostile product
        done = subprocess.run([*VOICECART, "catalog", "import", str(catalog), "--db", str(db)],
                              cwd=REPO, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    with running_server(db, "--dev", workers=1) as (base, _):
        yield base


@pytest.fixture(scope="module")
def browser(server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("chromium")
    downloads = folder / "downloads"
    downloads.mkdir()
    driver = chromium.start_chromium(folder / "profile", downloads)
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


class OpenPage:
    """The page as a tester uses it, read through the DOM's text (what the user sees)."""

    def __init__(self, driver, base: str, user: str) -> None:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        self.driver, self.By = driver, By
        self.wait = WebDriverWait(driver, WAIT)
        driver.set_window_size(*chromium.LAPTOP)
        driver.get(base + "/tester")
        self.wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
        self.wait.until(lambda d: self.text("#cart") not in ("", "Loading…"))
        if user != "demo":
            shopper = self.find("#shopper")
            shopper.clear()
            shopper.send_keys(user)
            self.find("#shopper-form button").click()
            self.wait.until(lambda d: f"Now shopping as {user}" in self.text("#transcript"))
            self.wait.until(lambda d: "empty" in self.text("#cart"))

    def find(self, css: str):
        return self.driver.find_element(self.By.CSS_SELECTOR, css)

    def all(self, css: str):
        return self.driver.find_elements(self.By.CSS_SELECTOR, css)

    def text(self, css: str) -> str:
        found = self.all(css)
        return found[0].get_attribute("textContent").strip() if found else ""

    def replies(self) -> list[str]:
        return [li.get_attribute("textContent") for li in self.all("#transcript li.skill")]

    def say(self, text: str) -> str:
        """Type into the text box and press Enter; the reply (or the error) once it shows."""
        answers = "#transcript li.skill, #transcript li.error"
        before = len(self.all(answers))
        self.find("#say").send_keys(text + "\n")
        self.wait.until(lambda d: len(self.all(answers)) > before)
        return self.all(answers)[-1].find_element(self.By.CSS_SELECTOR, ".text") \
            .get_attribute("textContent")

    def understood(self) -> dict:
        fields = ("phrase", "asked", "product", "billed", "confidence", "alternatives")
        items = [{name: item.find_element(self.By.CSS_SELECTOR, "dd." + name)
                  .get_attribute("textContent") for name in fields}
                 for item in self.all("#understood-items > li")]
        return {"intent": self.text("#understood-intent"), "slots": self.text("#understood-slots"),
                "time": self.text("#understood-time"), "items": items}

    def cart(self) -> dict:
        lines = [{"name": tr.find_element(self.By.CSS_SELECTOR, ".name span").get_attribute("textContent"),
                  "quantity": tr.find_element(self.By.CSS_SELECTOR, ".quantity").get_attribute("textContent"),
                  "total": tr.find_element(self.By.CSS_SELECTOR, ".line-total").get_attribute("textContent")}
                 for tr in self.all("#cart tbody tr")]
        return {"lines": lines, "total": self.text("#cart td.total")}

    def screenshot(self, name: str, size: tuple[int, int]) -> Path:
        chromium.ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.driver.set_window_size(*size)
        path = chromium.ARTIFACTS / f"{name}-{size[0]}x{size[1]}.png"
        self.driver.save_screenshot(str(path))
        return path


def shopper() -> str:
    return f"web-{uuid.uuid4().hex[:8]}"


# --- a whole shopping dialog -------------------------------------------------------------------

def test_a_whole_shopping_dialog_up_to_a_placed_order(server, browser):
    page = OpenPage(browser, server, shopper())
    assert page.text("#cart-title") == "Cart"

    reply = page.say("add two gallons of whole milk")
    assert reply.startswith("Added two gallons of Whole Milk")
    seen = page.understood()
    assert seen["intent"] == "AddItem" and seen["time"].endswith(" ms")
    assert seen["items"][0]["phrase"] == "whole milk" and seen["items"][0]["asked"] == "2 gallon"
    assert seen["items"][0]["product"].split(", ")[0] == "Whole Milk"
    assert seen["items"][0]["billed"] == "2 gallon, $8.58"
    assert 0 < float(seen["items"][0]["confidence"]) <= 1
    assert page.cart() == {"lines": [{"name": "Whole Milk", "quantity": "2 gallon",
                                      "total": "$8.58"}], "total": "$8.58"}

    reply = page.say("add a dozen eggs")
    assert "eggs" in reply.lower()
    seen = page.understood()
    assert seen["intent"] == "AddItem" and seen["items"][0]["asked"] == "1 dozen"
    assert "Eggs" in seen["items"][0]["product"] and seen["items"][0]["billed"].startswith("1 dozen, $")
    cart = page.cart()
    assert [line["name"] for line in cart["lines"]][0] == "Whole Milk" and len(cart["lines"]) == 2
    assert cart["total"].startswith("$") and cart["total"] != "$8.58"
    total = cart["total"]

    assert "pickup or delivery" in page.say("check out").lower()
    assert page.understood()["intent"] == "Checkout" and page.cart()["total"] == total

    reply = page.say("pickup tomorrow at 5pm")
    assert "shall i place the order" in reply.lower()
    seen = page.understood()
    assert seen["intent"] == "SetFulfillment" and '"fulfillment":"pickup"' in seen["slots"]
    assert page.cart()["total"] == total and page.text("#orders") == "No orders yet."

    reply = page.say("yes")
    assert "order is placed" in reply.lower()
    assert page.understood()["intent"] == "Yes"
    assert "The session ended." in page.text("#transcript")
    assert page.text("#cart") == "The cart is empty."
    [order] = page.all("#orders li")
    assert "placed" in order.text and "pickup" in order.text and total in order.text
    page.screenshot("shopping", chromium.LAPTOP)
    page.screenshot("shopping", chromium.PHONE)


def test_switching_to_alexa_shows_the_alexa_json(server, browser):
    from selenium.webdriver.support.ui import Select

    page = OpenPage(browser, server, shopper())
    assert not page.find("#raw").is_displayed()  # the text channel has no platform JSON
    Select(page.find("#channel")).select_by_value("alexa")
    assert "Channel: Alexa" in page.text("#transcript")
    assert "eggs" in page.say("add a dozen eggs").lower()
    assert page.find("#raw").is_displayed()
    sent = json.loads(page.text("#raw-request"))
    assert sent["version"] == "1.0" and sent["request"]["type"] == "IntentRequest"
    assert sent["request"]["intent"]["name"].endswith("Intent")
    assert sent["session"]["user"]["userId"] == page.find("#shopper").get_attribute("value")
    answer = json.loads(page.text("#raw-response"))
    assert "eggs" in answer["response"]["outputSpeech"]["ssml"].lower()
    # the session goes on: the next request is not new and carries the skill's attributes
    page.say("what's in my cart")
    assert json.loads(page.text("#raw-request"))["session"]["new"] is False
    assert "Eggs" in page.cart()["lines"][0]["name"]


# --- dialogs -----------------------------------------------------------------------------------

def test_a_saved_dialog_passes_voicecart_dialog_test(server, browser, tmp_path, voicecart):
    page = OpenPage(browser, server, shopper())
    for text in ("add two gallons of whole milk", "add milk", "the second one",
                 "what's in my cart"):
        page.say(text)
    for old in browser.downloads.glob("*.yaml"):
        old.unlink()
    page.find("#save-dialog").click()
    page.wait.until(lambda d: list(browser.downloads.glob("voicecart-dialog*.yaml")))
    [saved] = browser.downloads.glob("voicecart-dialog*.yaml")
    page.wait.until(lambda d: saved.stat().st_size > 0)
    text = saved.read_text(encoding="utf-8")
    assert text.strip() == page.text("#saved-yaml")
    assert text.count("- say:") == 4 and "user:" not in text
    done = voicecart("dialog", "test", str(saved), "--url", server)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("PASS") and "(4 steps)" in done.stdout


def test_a_loaded_dialog_marks_the_failing_step(server, browser, tmp_path):
    dialog = tmp_path / "fails.yaml"
    dialog.write_text("name: milk then a wrong expectation\nsteps:\n"
                      "  - say: add a dozen eggs\n    expect: [eggs]\n"
                      "  - say: what's in my cart\n    expect: [bananas]\n"
                      "  - say: check out\n", encoding="utf-8")
    page = OpenPage(browser, server, shopper())
    page.find("#load-dialog").send_keys(str(dialog))
    page.wait.until(lambda d: page.text("#dialog-verdict"))
    assert page.text("#dialog-verdict") == "milk then a wrong expectation: failed"
    steps = page.all("#dialog-result li.step")
    assert [s.get_attribute("data-status") for s in steps] == ["passed", "failed", "skipped"]
    assert "expected /bananas/" in steps[1].text and "eggs" in steps[1].text.lower()


# --- hostile data ------------------------------------------------------------------------------

def _no_markup_ran(page) -> None:
    assert page.driver.execute_script("return window.__pwned") is None
    assert page.all("main img, main script, main b, #bold") == []


def test_a_hostile_product_name_is_shown_as_text(server, browser):
    page = OpenPage(browser, server, shopper())
    reply = page.say("add two zebra cakes")
    assert reply.startswith("Added two " + HOSTILE_NAME)
    assert page.understood()["items"][0]["product"] == HOSTILE_NAME
    assert page.cart()["lines"][0]["name"] == HOSTILE_NAME
    _no_markup_ran(page)


def test_hostile_utterances_are_shown_as_text(server, browser):
    page = OpenPage(browser, server, shopper())
    page.say(HOSTILE_UTTERANCE)
    said = [li.find_element(page.By.CSS_SELECTOR, ".text").get_attribute("textContent")
            for li in page.all("#transcript li.you")]
    assert said[-1] == HOSTILE_UTTERANCE
    assert page.text(".facts dd") == HOSTILE_UTTERANCE  # "Said" in the understanding panel
    page.say('<script>window.__pwned=4</script>')
    _no_markup_ran(page)


# --- keyboard and accessibility ---------------------------------------------------------------

def test_the_keyboard_alone_reaches_every_control_and_shops(server, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    page = OpenPage(browser, server, "demo")
    browser.execute_script("document.activeElement.blur()")
    keys = ActionChains(browser)

    def press(*sequence) -> str:
        keys.send_keys(*sequence).perform()
        return browser.execute_script("return document.activeElement.id || "
                                      "document.activeElement.className")

    focused = [press(Keys.TAB) for _ in range(12)]
    assert focused[0] == "skip"
    for control in ("shopper", "channel", "reset", "speak", "say", "save-dialog", "load-dialog"):
        assert control in focused, (control, focused)
    press(Keys.SHIFT + Keys.TAB)  # wherever we are, the skip link jumps to the text box
    while browser.execute_script("return document.activeElement.className") != "skip":
        press(Keys.SHIFT + Keys.TAB)
    assert press(Keys.ENTER) == "say"
    keys.send_keys("clear my cart", Keys.ENTER).perform()
    page.wait.until(lambda d: len(page.replies()) == 1)
    keys.send_keys("add a dozen eggs", Keys.ENTER).perform()
    page.wait.until(lambda d: len(page.replies()) == 2)
    assert "eggs" in page.replies()[-1].lower() and "Eggs" in page.text("#cart")
    while press(Keys.TAB) != "save-dialog":
        pass
    press(Keys.ENTER)
    page.wait.until(lambda d: page.find("#saved-yaml").is_displayed())
    assert "add a dozen eggs" in page.text("#saved-yaml")


@pytest.mark.parametrize("size", [chromium.LAPTOP, chromium.PHONE], ids=["laptop", "phone"])
def test_no_serious_accessibility_violations(server, browser, size):
    from selenium.webdriver.support.ui import Select

    source = chromium.axe_source()
    page = OpenPage(browser, server, shopper())
    page.say("add two gallons of whole milk")
    Select(page.find("#channel")).select_by_value("alexa")
    page.say("add a dozen eggs and two pounds of bananas")  # items, JSON and a longer cart
    browser.set_window_size(*size)
    violations = chromium.axe_violations(browser, source)
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []
    # readable at the width: nothing wider than the window (no sideways scrolling)
    assert browser.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot("understood", size)


# --- outside developer mode --------------------------------------------------------------------

def test_outside_dev_the_page_works_only_with_the_token(browser, tmp_path):
    token = "prod-" + uuid.uuid4().hex
    with running_server(tmp_path / "prod.db", workers=1,
                        env={"VOICECART_API_TOKEN": token}) as (base, _):
        browser.get(base + "/tester")
        # headless Chromium answers the basic-auth challenge with no credentials: no page
        assert "voicecart tester" not in browser.page_source
        assert browser.find_elements("css selector", "#say") == []
        # The browser's basic-auth credentials (as typed into its prompt): any user, the token.
        authed = base.replace("http://", f"http://tester:{token}@")
        page = OpenPage(browser, authed, shopper())
        assert "eggs" in page.say("add a dozen eggs").lower()
        assert "Eggs" in page.cart()["lines"][0]["name"]
        from selenium.webdriver.support.ui import Select
        Select(page.find("#channel")).select_by_value("alexa")
        assert "--dev" in page.say("add milk")  # /alexa takes only Amazon-signed requests
