"""Scripted dialogs: the YAML format (a contract), the runner, its report, and recording.

    name: add, correct and read back      # optional
    user: some-user                        # optional; default: a fresh user per file
    steps:
      - say: add two gallons of whole milk
        expect: [milk, "two|2"]            # case-insensitive regexes that must all match the reply
        reject: [sorry]                    # optional; none may match
        end_session: false                 # optional; whether the reply ended the session

Each file runs in a fresh session. A step's expectations are checked against the reply's
speech. After the first failed step the rest of that file is skipped: later steps depend on
the conversation having gone as scripted, so their failures would only be noise.
"""
from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml

from skill.tester.clients import Client, ConnectionFailed, TesterError, TurnResult

STEP_KEYS = {"say", "expect", "reject", "end_session"}
FILE_KEYS = {"name", "user", "steps"}


class _DialogLoader(yaml.SafeLoader):
    """YAML with only true/false as booleans (as in YAML 1.2). PyYAML follows YAML 1.1, where
    `say: yes`, `say: no` and `say: off` are booleans: the very words shoppers say."""


_DialogLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_DialogLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


class DialogFormatError(ValueError):
    """The file is not a valid dialog; the message says where and why, in one line."""


@dataclass
class Step:
    say: str
    expect: list[re.Pattern[str]] = field(default_factory=list)
    reject: list[re.Pattern[str]] = field(default_factory=list)
    end_session: bool | None = None


@dataclass
class Dialog:
    path: Path
    steps: list[Step]
    name: str | None = None
    user: str | None = None


def load_dialog(path: Path) -> Dialog:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DialogFormatError(f"cannot read the file: {exc}") from None
    return dialog_from_text(text, path)


def dialog_from_text(text: str, path: Path) -> Dialog:
    """A dialog from YAML text (a file's, or one uploaded to the browser tester)."""
    try:
        data = yaml.load(text, Loader=_DialogLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DialogFormatError(f"not valid YAML{where}: {problem}") from None
    return parse_dialog(data, path)


def parse_dialog(data: Any, path: Path) -> Dialog:
    if not isinstance(data, dict):
        raise DialogFormatError("expected a mapping with a 'steps' list at the top level")
    unknown = set(data) - FILE_KEYS
    if unknown:
        raise DialogFormatError(f"unknown key(s) {_names(unknown)}; allowed: name, user, steps")
    name, user = data.get("name"), data.get("user")
    for key, value in (("name", name), ("user", user)):
        if value is not None and not (isinstance(value, str) and value.strip()):
            raise DialogFormatError(f"'{key}' must be a non-empty string")
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise DialogFormatError("'steps' must be a non-empty list")
    steps = [_parse_step(raw, number) for number, raw in enumerate(raw_steps, 1)]
    return Dialog(path=path, steps=steps, name=name, user=user.strip() if user else None)


def _parse_step(raw: Any, number: int) -> Step:
    where = f"step {number}"
    if not isinstance(raw, dict):
        raise DialogFormatError(f"{where}: expected a mapping with 'say', got {type(raw).__name__}")
    unknown = set(raw) - STEP_KEYS
    if unknown:
        raise DialogFormatError(f"{where}: unknown key(s) {_names(unknown)}; "
                                "allowed: say, expect, reject, end_session")
    say = raw.get("say")
    if isinstance(say, (int, float)) and not isinstance(say, bool):
        say = str(say)  # "say: 3" answers "how many?"
    if not isinstance(say, str) or not say.strip():
        raise DialogFormatError(f"{where}: 'say' must be a non-empty string")
    end_session = raw.get("end_session")
    if end_session is not None and not isinstance(end_session, bool):
        raise DialogFormatError(f"{where}: 'end_session' must be true or false")
    return Step(say=say.strip(), expect=_patterns(raw.get("expect"), f"{where}: 'expect'"),
                reject=_patterns(raw.get("reject"), f"{where}: 'reject'"), end_session=end_session)


def _patterns(value: Any, where: str) -> list[re.Pattern[str]]:
    if value is None:
        return []
    values = [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value
    if not isinstance(values, list):
        raise DialogFormatError(f"{where} must be a regex or a list of regexes")
    patterns = []
    for item in values:
        # YAML reads `expect: [2]` as a number; a number is as good a pattern as its digits.
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            raise DialogFormatError(f"{where} must hold strings, got {item!r}")
        try:
            patterns.append(re.compile(str(item), re.IGNORECASE))
        except re.error as exc:
            raise DialogFormatError(f"{where}: bad regular expression {str(item)!r}: {exc}") from None
    return patterns


def _names(keys: Iterable[Any]) -> str:
    return ", ".join(repr(str(k)) for k in sorted(keys, key=str))


# --- running ---------------------------------------------------------------------------------

@dataclass
class StepOutcome:
    number: int
    step: Step
    result: TurnResult | None
    failures: list[str]

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass
class DialogOutcome:
    path: Path
    name: str | None = None
    steps: list[StepOutcome] = field(default_factory=list)
    skipped: int = 0
    error: str | None = None  # the file could not be run at all (malformed, unreadable)

    @property
    def passed(self) -> bool:
        return self.error is None and all(s.passed for s in self.steps)


def check_step(step: Step, result: TurnResult) -> list[str]:
    """Why the reply does not satisfy the step; empty when it does."""
    failures = [f"expected /{p.pattern}/" for p in step.expect if not p.search(result.speech)]
    for pattern in step.reject:
        if found := pattern.search(result.speech):
            failures.append(f"rejected /{pattern.pattern}/ matched {found.group(0)!r}")
    # A platform that cannot tell whether it ended the session (end_session None) passes.
    if step.end_session is not None and result.end_session not in (None, step.end_session):
        failures.append(f"end_session: expected {str(step.end_session).lower()}, "
                        f"got {str(result.end_session).lower()}")
    return failures


def run_dialog(dialog: Dialog, client: Client) -> DialogOutcome:
    """Run every step in the client's current session. ConnectionFailed propagates: when
    the server is gone, no other dialog can run either."""
    outcome = DialogOutcome(path=dialog.path, name=dialog.name)
    for number, step in enumerate(dialog.steps, 1):
        try:
            result = client.send(step.say)
        except ConnectionFailed:
            raise
        except TesterError as exc:
            outcome.steps.append(StepOutcome(number, step, None, [str(exc)]))
        else:
            outcome.steps.append(StepOutcome(number, step, result, check_step(step, result)))
        if not outcome.steps[-1].passed:
            outcome.skipped = len(dialog.steps) - number
            break
    return outcome


def fresh_user() -> str:
    return f"dialog-{uuid.uuid4().hex[:12]}"


def run_files(paths: Iterable[Path], make_client: Callable[[str], Client],
              user_for: Callable[[str | None], str] | None = None) -> list[DialogOutcome]:
    """Each file with a new client (a fresh session) for its `user:` or a fresh user id;
    `user_for` (the file's `user:` or None -> the id to speak as) replaces that choice, as
    test shoppers do against a server."""
    outcomes = []
    for path in paths:
        try:
            dialog = load_dialog(path)
        except DialogFormatError as exc:
            outcomes.append(DialogOutcome(path=path, error=f"malformed dialog: {exc}"))
            continue
        user = user_for(dialog.user) if user_for is not None else dialog.user or fresh_user()
        outcomes.append(run_dialog(dialog, make_client(user)))
    return outcomes


# --- report ----------------------------------------------------------------------------------

def report_lines(outcome: DialogOutcome, *, verbose: bool = False) -> list[str]:
    title = f"  {outcome.name}" if outcome.name else ""
    if outcome.error:
        return [f"FAIL  {outcome.path}", f"      {outcome.error}"]
    if outcome.passed:
        lines = [f"PASS  {outcome.path}{title}  ({len(outcome.steps)} steps)"]
        if verbose:
            for step in outcome.steps:
                lines += [f"      {step.number}. said: {step.step.say}",
                          f"         got:  {_quote(step.result.speech if step.result else '')}"]
        return lines
    lines = [f"FAIL  {outcome.path}{title}"]
    for step in outcome.steps:
        if step.passed and not verbose:
            continue
        lines.append(f"      step {step.number}" + ("" if step.passed else "  FAILED"))
        lines.append(f"        said:     {step.step.say}")
        if not step.passed:
            lines += [f"        {'expected:' if i == 0 else '         '} {reason}"
                      for i, reason in enumerate(step.failures)]
        if step.result is not None:
            lines.append(f"        got:      {_quote(step.result.speech)}"
                         + ("  [session ended]" if step.result.end_session else ""))
    if outcome.skipped:
        lines.append(f"      {outcome.skipped} later step(s) skipped")
    return lines


def summary_line(outcomes: list[DialogOutcome]) -> str:
    passed = sum(o.passed for o in outcomes)
    steps = [s for o in outcomes for s in o.steps]
    step_passed = sum(s.passed for s in steps)
    skipped = sum(o.skipped for o in outcomes)
    return (f"dialogs: {passed} passed, {len(outcomes) - passed} failed; "
            f"steps: {step_passed} passed, {len(steps) - step_passed} failed, {skipped} skipped")


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


# --- recording -------------------------------------------------------------------------------

# Words that say nothing about what the skill did, or change from run to run (days, times).
_STOPWORDS = frozenset("""
a an the and or but to of in on at for with from by is are was were be been it its it's this
that these those you your you're i i've i'll me my we our us he she they them their there
here what which who how do does did have has had can could would should will shall may
not no yes ok okay so if then than as just also any anything else some more now still
please say want like would about into out up down all one one's item items
today tomorrow tonight morning afternoon evening night noon midnight am pm between
monday tuesday wednesday thursday friday saturday sunday january february march april june
july august september october november december order's number
""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
MAX_SALIENT = 3


def salient_words(speech: str, limit: int = MAX_SALIENT) -> list[str]:
    """A few words that pin down what a reply said: its opening word (usually what was done:
    "Added", "Removed", "Sorry") and capitalised words inside a sentence (product and store
    names), then the longest remaining words. Prices, numbers, order codes, days and times are
    left out: they change between runs."""
    words: list[str] = []
    names: list[str] = []
    seen: set[str] = set()
    for found in _WORD.finditer(speech):
        word, key = found.group(0), found.group(0).lower()
        if len(key) < 3 or key in _STOPWORDS or key in seen:
            continue
        seen.add(key)
        words.append(word)
        before = speech[:found.start()].rstrip()
        if word[0].isupper() and before and before[-1] not in ".!?":
            names.append(word)
    if not words:
        return []
    chosen = [words[0]] + [w for w in names if w != words[0]][: limit - 1]
    rest = sorted((w for w in words if w not in chosen), key=len, reverse=True)
    chosen += rest[: limit - len(chosen)]
    order = {w: i for i, w in enumerate(words)}
    return sorted(chosen[:limit], key=order.__getitem__)


def recorded_yaml(turns: list[TurnResult], *, user: str | None, source: str,
                  name: str | None = None, now: datetime | None = None) -> str:
    """A dialog file for the turns, with each reply as a comment above its expectations."""
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"# Recorded by `voicecart dialog record` on {stamp} ({source}).",
        "# REVIEW BEFORE COMMITTING: each `expect` holds a few words picked from the reply",
        "# (regexes, matched case-insensitively). Keep the ones that show the skill did the right",
        "# thing, loosen wording that may change, and add `reject:` for answers that must not come.",
    ]
    lines.append(f"name: {_yaml_str(name or 'recorded dialog')}")
    if user:
        lines.append(f"user: {_yaml_str(user)}")
    lines.append("steps:")
    for turn in turns:
        lines.append(f"  - say: {_yaml_str(turn.said)}")
        lines.append(f"    # reply: {_comment(turn.speech)}")
        expect = [re.escape(w) for w in salient_words(turn.speech)]
        if expect:
            lines.append("    expect: [" + ", ".join(_yaml_str(p) for p in expect) + "]")
        if turn.end_session:
            lines.append("    end_session: true")
    return "\n".join(lines) + "\n"


def _yaml_str(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, whatever it contains.
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())[:300]
