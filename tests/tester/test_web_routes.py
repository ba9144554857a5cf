"""The browser tester's routes over HTTP (Flask's test client): who may reach them, the
headers that keep the page safe, the JSON the page relies on, and the dialogs it saves and runs.
The page itself, in a real browser, is tested in test_web_browser.py."""
from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from skill.app import create_app
from skill.config import Config
from skill.tester import web_routes

TOKEN = "s3cret-tester-token"
PAGE_AND_ASSETS = ["/tester", "/tester/static/tester.js", "/tester/static/tester.css"]


def routes_of_tester(app) -> list[tuple[str, str]]:
    """Every (method, path) the tester blueprint serves, so a route added later is covered."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("tester."):
            path = rule.rule.replace("<name>", "tester.js")
            found += [(m, path) for m in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return found


@pytest.fixture(scope="module")
def dev_client(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "dev.db"
    return create_app(Config(db_path=db, dev=True)).test_client()


@pytest.fixture(scope="module")
def prod_app(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "prod.db"
    return create_app(Config(db_path=db, dev=False, api_token=TOKEN))


def turn(client, text, *, user="web-user", channel="text", state=None, **headers):
    return client.post("/tester/api/turn", json={"user": user, "channel": channel, "text": text,
                                                 "state": state}, headers=headers)


# --- who may reach the tester ----------------------------------------------------------------

def test_the_blueprint_has_the_page_assets_and_json_endpoints(prod_app):
    rules = set(routes_of_tester(prod_app))
    assert ("GET", "/tester") in rules and ("GET", "/tester/static/tester.js") in rules
    assert {("POST", "/tester/api/turn"), ("POST", "/tester/api/state"),
            ("POST", "/tester/api/reset"), ("POST", "/tester/api/dialog/run"),
            ("POST", "/tester/api/dialog/export")} <= rules


@pytest.mark.parametrize("authorization", [None, "Bearer wrong", f"Bearer {TOKEN}x",
                                           "Basic " + base64.b64encode(b"me:wrong").decode(),
                                           "Basic !!notbase64", TOKEN])
def test_production_refuses_every_route_and_asset_without_the_token(prod_app, authorization):
    client = prod_app.test_client()
    headers = {"Authorization": authorization} if authorization else {}
    for method, path in routes_of_tester(prod_app):
        response = client.open(path, method=method, json={"user": "x", "text": "hi"},
                               headers=headers)
        assert response.status_code == 401, (method, path)
        assert response.headers["WWW-Authenticate"].startswith("Basic realm=")
        assert b"voicecart tester" not in response.data  # nothing of the page leaks


def test_production_serves_the_page_and_assets_with_the_token(prod_app):
    client = prod_app.test_client()
    basic = "Basic " + base64.b64encode(f"anyone:{TOKEN}".encode()).decode()
    for authorization in (f"Bearer {TOKEN}", basic):
        for path in PAGE_AND_ASSETS:
            assert client.get(path, headers={"Authorization": authorization}).status_code == 200
        answer = turn(client, "add a dozen eggs", Authorization=authorization)
        assert answer.status_code == 200 and "eggs" in answer.get_json()["speech"].lower()


def test_production_refuses_the_alexa_channel_whose_requests_must_be_signed(prod_app):
    answer = turn(prod_app.test_client(), "add eggs", channel="alexa",
                  Authorization=f"Bearer {TOKEN}")
    assert answer.status_code == 400 and "--dev" in answer.get_json()["reason"]


def test_without_a_configured_token_the_tester_does_not_exist(tmp_path):
    client = create_app(Config(db_path=tmp_path / "none.db", dev=False)).test_client()
    for path in PAGE_AND_ASSETS:
        assert client.get(path, headers={"Authorization": "Bearer "}).status_code == 404
    assert turn(client, "hi").status_code == 404


# --- what keeps the page safe ------------------------------------------------------------------

def test_every_answer_has_a_strict_content_security_policy(dev_client):
    for path in [*PAGE_AND_ASSETS, "/tester/static/nope.js"]:
        policy = dev_client.get(path).headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src 'self';" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    answer = turn(dev_client, "hello")
    assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"]
    assert answer.headers["X-Content-Type-Options"] == "nosniff"


def test_the_page_has_no_inline_script_style_or_handler(dev_client):
    html = dev_client.get("/tester").get_data(as_text=True)
    assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/tester/static/tester.js" defer>']
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+=", html)  # no onclick= and the like


def test_the_script_never_writes_markup():
    script = (Path(web_routes.__file__).parent / "web" / "tester.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script


def test_only_the_listed_assets_are_served(dev_client):
    for path in ["/tester/static/index.html", "/tester/static/..%2f..%2fapp.py",
                 "/tester/static/web_routes.py"]:
        assert dev_client.get(path).status_code == 404


def test_another_origin_cannot_post_and_text_plain_is_refused(dev_client):
    body = {"user": "csrf", "text": "add eggs"}
    cross = dev_client.post("/tester/api/turn", json=body,
                            headers={"Origin": "https://evil.example"})
    assert cross.status_code == 403
    plain = dev_client.post("/tester/api/turn", data='{"user": "csrf", "text": "add eggs"}',
                            content_type="text/plain")
    assert plain.status_code == 415
    same = dev_client.post("/tester/api/turn", json=body, headers={"Origin": "http://localhost"})
    assert same.status_code == 200


@pytest.mark.parametrize("body, reason", [
    ({"user": "u", "text": ""}, "'text'"),
    ({"user": "", "text": "hi"}, "'user'"),
    ({"user": ["u"], "text": "hi"}, "'user'"),
    ({"user": "u", "text": "x" * 5001}, "longer"),
    ({"user": "u", "text": "hi", "channel": "telegraph"}, "'channel'"),
    ({"user": "u", "text": "hi", "state": "s"}, "'state'"),
    ({"user": "session:dialogflow-es:abc", "text": "what's in my cart"}, "reserved prefix"),
])
def test_bad_turns_get_a_400_with_a_reason(dev_client, body, reason):
    answer = dev_client.post("/tester/api/turn", json=body)
    assert answer.status_code == 400 and reason in answer.get_json()["reason"]


# --- the JSON the page relies on -------------------------------------------------------------

def test_a_text_turn_shows_what_was_understood_and_the_cart(dev_client):
    answer = turn(dev_client, "add two gallons of whole milk", user="web-json").get_json()
    assert answer["speech"].startswith("Added two gallons of Whole Milk")
    understood = answer["understood"]
    assert understood["intent"] == "AddItem"
    [item] = understood["items"]
    assert (item["phrase"], item["quantity"], item["unit"]) == ("whole milk", 2, "gallon")
    assert item["product"]["name"] == "Whole Milk" and 0 < item["product"]["confidence"] <= 1
    assert isinstance(answer["time_ms"], float) and answer["time_ms"] >= 0
    assert answer["request_json"] is None  # the text channel is called in process
    [line] = answer["cart"]["items"]
    assert (line["name"], line["quantity"], line["line_total"]) == ("Whole Milk", 2, 8.58)
    again = turn(dev_client, "what's in my cart", user="web-json", state=answer["state"])
    assert "Whole Milk" in again.get_json()["speech"]


@pytest.mark.parametrize("channel, route_field", [("alexa", "version"),
                                                  ("dialogflow", "queryResult"),
                                                  ("dialogflow-cx", "sessionInfo")])
def test_platform_turns_carry_the_real_envelopes_and_keep_the_session(dev_client, channel,
                                                                      route_field):
    user = f"web-{channel}"
    first = turn(dev_client, "add milk", user=user, channel=channel).get_json()
    assert route_field in first["request_json"]
    assert "which" in first["speech"].lower() or "did you want" in first["speech"].lower()
    assert first["understood"]["items"][0]["alternatives"]  # what the matcher hesitated over
    assert first["understood"]["items"][0]["ambiguous"] is True
    second = turn(dev_client, "the second one", user=user, channel=channel,
                  state=first["state"]).get_json()
    assert second["speech"].startswith("Added")
    assert len(second["cart"]["items"]) == 1


def test_reset_forgets_a_pending_question(dev_client):
    first = turn(dev_client, "add milk", user="web-reset").get_json()
    reset = dev_client.post("/tester/api/reset", json={"user": "web-reset",
                                                       "state": first["state"]}).get_json()
    assert reset["state"]["session_id"] != first["state"]["session_id"]
    after = turn(dev_client, "the second one", user="web-reset", state=reset["state"]).get_json()
    assert not after["speech"].startswith("Added")


# --- dialogs ---------------------------------------------------------------------------------

def test_an_exported_session_passes_voicecart_dialog_test(dev_client, tmp_path, voicecart):
    state, turns = None, []
    for text in ("add a dozen eggs", "what's in my cart"):
        answer = turn(dev_client, text, user="web-export", state=state).get_json()
        state = answer["state"]
        turns.append({"said": text, "speech": answer["speech"],
                      "end_session": answer["end_session"]})
    exported = dev_client.post("/tester/api/dialog/export", json={"turns": turns, "name": "eggs"})
    assert exported.status_code == 200 and exported.mimetype == "application/yaml"
    path = tmp_path / "eggs.yaml"
    path.write_bytes(exported.data)
    done = voicecart("dialog", "test", str(path), "--db", str(tmp_path / "rerun.db"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "PASS" in done.stdout and "(2 steps)" in done.stdout


def test_export_refuses_an_empty_or_malformed_session(dev_client):
    for turns in ([], [{"said": "hi"}], "nope"):
        answer = dev_client.post("/tester/api/dialog/export", json={"turns": turns})
        assert answer.status_code == 400


def test_a_dialog_run_marks_each_step(dev_client):
    yaml_text = ("name: wrong on purpose\nsteps:\n  - say: add a dozen eggs\n    expect: [eggs]\n"
                 "  - say: what's in my cart\n    expect: [bananas]\n  - say: check out\n")
    outcome = dev_client.post("/tester/api/dialog/run",
                              json={"yaml": yaml_text, "filename": "w.yaml"}).get_json()
    assert outcome["passed"] is False and outcome["name"] == "wrong on purpose"
    assert [s["status"] for s in outcome["steps"]] == ["passed", "failed", "skipped"]
    assert outcome["steps"][1]["reasons"] == ["expected /bananas/"]
    assert "eggs" in outcome["steps"][1]["speech"].lower()


def test_a_dialog_may_not_name_a_session_scoped_shopper(dev_client):
    answer = dev_client.post("/tester/api/dialog/run", json={
        "yaml": "user: 'session:dialogflow-cx:s1'\nsteps:\n  - say: what's in my cart\n"})
    assert answer.status_code == 400 and "reserved prefix" in answer.get_json()["reason"]


def test_a_malformed_dialog_is_reported_not_run(dev_client):
    outcome = dev_client.post("/tester/api/dialog/run",
                              json={"yaml": "steps:\n  - sey: hi\n"}).get_json()
    assert outcome["passed"] is False and "unknown key(s) 'sey'" in outcome["error"]
