"""`voicecart dialog test`: the YAML format, the runner, the report and exit statuses."""
from __future__ import annotations

from pathlib import Path

import pytest

from intents.model import CANONICAL_INTENTS
from skill.config import Config
from skill.runtime import Runtime
from skill.tester.clients import InProcessClient, TurnResult
from skill.tester.dialogs import (DialogFormatError, Step, check_step, load_dialog, run_files,
                                  summary_line)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the project's own dialogs (this is how `make test` runs them) ----------------------------

def test_project_dialogs_pass_in_process(voicecart, dialogs_dir, db):
    done = voicecart("dialog", "test", str(dialogs_dir), "--db", db)
    assert done.returncode == 0, done.stdout + done.stderr
    files = sorted(dialogs_dir.glob("*.yaml"))
    assert len(files) >= 15
    assert done.stdout.count("PASS  ") == len(files)
    assert done.stdout.splitlines()[-1].startswith(f"dialogs: {len(files)} passed, 0 failed; steps: ")


def test_project_dialogs_cover_every_canonical_intent(tmp_path, dialogs_dir):
    runtime = Runtime(Config(db_path=tmp_path / "cover.db"))
    seen: set[str] = set()

    class Spy(InProcessClient):
        def send(self, text: str) -> TurnResult:
            result = super().send(text)
            seen.add(result.understood["intent"])
            return result

    outcomes = run_files(sorted(dialogs_dir.glob("*.yaml")), lambda user: Spy(runtime, user))
    assert all(o.passed for o in outcomes)
    assert set(CANONICAL_INTENTS) <= seen, f"not covered: {set(CANONICAL_INTENTS) - seen}"


def test_project_dialogs_assert_no_clock_dependent_slot_times(dialogs_dir):
    # "between 5 and 6 PM", "today"/"tomorrow" depend on when the suite runs.
    for path in dialogs_dir.glob("*.yaml"):
        for step in load_dialog(path).steps:
            for pattern in step.expect:
                assert not any(w in pattern.pattern.lower() for w in ("today", "tomorrow", " pm", " am")), \
                    f"{path.name}: {pattern.pattern}"


# --- failing and malformed files ---------------------------------------------------------------

def test_a_failing_dialog_is_reported_and_exits_1(voicecart, tmp_path, db):
    bad = write(tmp_path, "bad.yaml", """\
name: expects the wrong product
steps:
  - say: add two gallons of whole milk
    expect: [whole milk]
  - say: add a dozen eggs
    expect: [caviar]
    reject: [eggs]
  - say: what's in my cart
    expect: [eggs]
""")
    good = write(tmp_path, "good.yaml", "steps:\n  - say: help\n    expect: [you can say]\n")
    done = voicecart("dialog", "test", str(bad), str(good), "--db", db)
    assert done.returncode == 1
    out = done.stdout
    assert f"FAIL  {bad}  expects the wrong product" in out
    assert "step 2  FAILED" in out
    assert "said:     add a dozen eggs" in out
    assert "expected: expected /caviar/" in out
    assert "rejected /eggs/ matched 'Eggs'" in out
    assert 'got:      "Added a dozen Large White Eggs' in out
    assert "1 later step(s) skipped" in out
    assert f"PASS  {good}" in out
    assert out.splitlines()[-1] == "dialogs: 1 passed, 1 failed; steps: 2 passed, 1 failed, 1 skipped"
    assert "Traceback" not in done.stderr


def test_end_session_expectation(voicecart, tmp_path, db):
    path = write(tmp_path, "end.yaml", "steps:\n  - say: stop\n    end_session: false\n")
    done = voicecart("dialog", "test", str(path), "--db", db)
    assert done.returncode == 1
    assert "end_session: expected false, got true" in done.stdout


@pytest.mark.parametrize("text, reason", [
    ("steps: [\n", "not valid YAML at line 2"),
    ("- say: hi\n", "expected a mapping with a 'steps' list"),
    ("name: x\n", "'steps' must be a non-empty list"),
    ("steps: []\n", "'steps' must be a non-empty list"),
    ("steps:\n  - hello\n", "step 1: expected a mapping with 'say'"),
    ("steps:\n  - expect: [x]\n", "step 1: 'say' must be a non-empty string"),
    ("steps:\n  - say: hi\n    expects: [x]\n", "step 1: unknown key(s) 'expects'"),
    ("steps:\n  - say: hi\n    expect: ['(']\n", "step 1: 'expect': bad regular expression '('"),
    ("steps:\n  - say: hi\n    reject: {a: 1}\n", "step 1: 'reject' must be a regex or a list"),
    ("steps:\n  - say: hi\n    end_session: maybe\n", "step 1: 'end_session' must be true or false"),
    ("user: ''\nsteps:\n  - say: hi\n", "'user' must be a non-empty string"),
    ("title: x\nsteps:\n  - say: hi\n", "unknown key(s) 'title'"),
])
def test_malformed_files_fail_with_a_clear_reason(voicecart, tmp_path, db, text, reason):
    path = write(tmp_path, "broken.yaml", text)
    with pytest.raises(DialogFormatError, match=None) as caught:
        load_dialog(path)
    assert reason in str(caught.value)
    done = voicecart("dialog", "test", str(path), "--db", db)
    assert done.returncode == 1
    assert f"FAIL  {path}" in done.stdout
    assert f"malformed dialog: {reason}" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_missing_file_fails_and_the_others_still_run(voicecart, tmp_path, db):
    good = write(tmp_path, "good.yaml", "steps:\n  - say: help\n")
    done = voicecart("dialog", "test", str(tmp_path / "nope.yaml"), str(good), "--db", db)
    assert done.returncode == 1
    assert "malformed dialog: cannot read the file" in done.stdout
    assert f"PASS  {good}" in done.stdout


def test_no_files_is_a_usage_error(voicecart, db, tmp_path):
    done = voicecart("dialog", "test", "--db", db)
    assert done.returncode == 1 and "Missing argument" in done.stderr
    done = voicecart("dialog", "test", str(tmp_path), "--db", db)
    assert done.returncode == 1 and "no *.yaml or *.yml files" in done.stderr


# --- the format --------------------------------------------------------------------------------

def test_yes_no_on_off_are_words_not_booleans(tmp_path):
    dialog = load_dialog(write(tmp_path, "words.yaml", """\
user: "007"
steps:
  - say: yes
  - say: no
  - say: off
  - say: 3
    expect: 2
    end_session: true
"""))
    assert [s.say for s in dialog.steps] == ["yes", "no", "off", "3"]
    assert dialog.steps[3].end_session is True
    assert dialog.steps[3].expect[0].pattern == "2"
    assert dialog.user == "007"


def test_patterns_are_case_insensitive_regexes(tmp_path):
    step = load_dialog(write(tmp_path, "re.yaml", """\
steps:
  - say: add milk
    expect: ["two|2", "WHOLE milk"]
    reject: sorry
""")).steps[0]
    assert check_step(step, TurnResult("add milk", "Added 2 whole milk")) == []
    failures = check_step(step, TurnResult("add milk", "Sorry, added three whole milk", end_session=True))
    assert failures == ["expected /two|2/", "rejected /sorry/ matched 'Sorry'"]


def test_unknown_end_session_passes():
    # Dialogflow ES cannot say whether the conversation ended: the runner doesn't guess.
    step = Step(say="stop", end_session=True)
    assert check_step(step, TurnResult("stop", "Goodbye!", end_session=None)) == []
    assert check_step(step, TurnResult("stop", "Goodbye!", end_session=False)) == [
        "end_session: expected true, got false"]


def test_each_file_gets_a_fresh_user_unless_it_names_one(tmp_path):
    users = []

    class Recorder:
        in_process = True

        def __init__(self, user):
            self.user = user
            users.append(user)

        def send(self, text):
            return TurnResult(text, "ok")

    a = write(tmp_path, "a.yaml", "steps:\n  - say: hi\n")
    b = write(tmp_path, "b.yaml", "steps:\n  - say: hi\n")
    c = write(tmp_path, "c.yaml", "user: ann\nsteps:\n  - say: hi\n")
    outcomes = run_files([a, b, c], Recorder)
    assert users[0] != users[1] and users[0].startswith("dialog-") and users[2] == "ann"
    assert summary_line(outcomes) == "dialogs: 3 passed, 0 failed; steps: 3 passed, 0 failed, 0 skipped"
