"""`voicecart dialog record`: a chat written down as a dialog file that passes when replayed."""
from __future__ import annotations

import yaml

from skill.tester.clients import TurnResult
from skill.tester.dialogs import load_dialog, recorded_yaml, salient_words


def test_recorded_chat_replays_as_a_passing_dialog(voicecart, tmp_path, db):
    out = tmp_path / "recorded.yaml"
    said = "add two gallons of whole milk\nadd milk\nthe second one\n:reset\nwhat's in my cart\nstop\n"
    done = voicecart("dialog", "record", str(out), "--db", db, "--name", "milk run", stdin=said)
    assert done.returncode == 0, done.stderr
    assert "not available while recording" in done.stdout
    assert f"recorded 5 step(s) to {out}" in done.stderr
    text = out.read_text()
    assert text.startswith("# Recorded by `voicecart dialog record`")
    assert "REVIEW BEFORE COMMITTING" in text
    assert "# reply: Added two gallons of Whole Milk" in text
    dialog = load_dialog(out)
    assert dialog.name == "milk run" and dialog.user is None
    assert [s.say for s in dialog.steps] == ["add two gallons of whole milk", "add milk",
                                             "the second one", "what's in my cart", "stop"]
    assert dialog.steps[-1].end_session is True
    assert all(s.expect for s in dialog.steps)
    replay = voicecart("dialog", "test", str(out), "--db", db)
    assert replay.returncode == 0, replay.stdout


def test_record_with_a_user_writes_it_and_refuses_to_overwrite(voicecart, tmp_path, db):
    out = tmp_path / "mine.yaml"
    done = voicecart("dialog", "record", str(out), "--user", "zoe", "--db", db, stdin="help\n")
    assert done.returncode == 0
    assert yaml.safe_load(out.read_text())["user"] == "zoe"
    again = voicecart("dialog", "record", str(out), "--db", db, stdin="help\n")
    assert again.returncode == 1 and "exists (use --force" in again.stderr
    forced = voicecart("dialog", "record", str(out), "--force", "--db", db, stdin="yes\n")
    assert forced.returncode == 0
    assert load_dialog(out).steps[0].say == "yes"  # a word, not a YAML boolean


def test_nothing_said_writes_nothing(voicecart, tmp_path, db):
    out = tmp_path / "empty.yaml"
    done = voicecart("dialog", "record", str(out), "--db", db, stdin=":help\n")
    assert done.returncode == 0 and not out.exists()
    assert "nothing said" in done.stderr


def test_salient_words_skip_prices_codes_and_times():
    speech = ("Your order is placed for pickup tomorrow between 5 and 6 PM, $12.07 in total. "
              "Your order number is Z P Z G 7 V. Thanks for shopping with us!")
    words = salient_words(speech)
    assert 0 < len(words) <= 3
    assert not {"tomorrow", "PM", "Z"} & set(words)
    assert salient_words("Added two gallons of Whole Milk, $8.58. Anything else?")[0] == "Added"
    assert "Whole" in salient_words("Added two gallons of Whole Milk, $8.58. Anything else?")
    assert salient_words("OK.") == []


def test_recorded_yaml_escapes_regex_characters_and_quotes():
    turns = [TurnResult('say "hi": [x]', "Added Ben's 2% (low-fat) milk.", end_session=False)]
    dialog = yaml.safe_load(recorded_yaml(turns, user=None, source="test"))
    step = dialog["steps"][0]
    assert step["say"] == 'say "hi": [x]'
    assert "end_session" not in step
    import re
    assert all(re.search(p, "Added Ben's 2% (low-fat) milk.", re.I) for p in step["expect"])
