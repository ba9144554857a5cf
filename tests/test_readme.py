"""The README's examples work as written: every ```console block is run against a live
`voicecart serve` (production mode, with a token) and its output compared with what the
README shows. `...` alone on a line stands for any lines; inside a line, for any text.

A `make chat` example is run as `voicecart chat` with the `voicecart> ` lines as its input,
each reply compared with the lines the README shows under that input (joined, since the
README wraps long replies).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from support import REPO, running_server

pytestmark = pytest.mark.slow
TOKEN = "readme-example-token"
METRICS_TOKEN = "readme-metrics-token"
PROMPT = "voicecart> "


@dataclass
class Example:
    command: str
    expected: list[str] = field(default_factory=list)
    line: int = 0

    @property
    def chat_inputs(self) -> list[str]:
        return [e[len(PROMPT):] for e in self.expected if e.startswith(PROMPT)]


def console_examples(text: str) -> list[Example]:
    examples: list[Example] = []
    in_block, pending = False, ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip() if in_block else raw
        if raw.strip().startswith("```"):
            in_block = raw.strip() == "```console" if not in_block else False
            continue
        if not in_block:
            continue
        if pending:  # a command continued with a backslash
            pending = pending[:-1] + " " + line
            if not pending.endswith("\\"):
                examples.append(Example(pending, line=number))
                pending = ""
            continue
        if line.startswith("$ "):
            command = line[2:]
            if command.endswith("\\"):
                pending = command
            else:
                examples.append(Example(command, line=number))
        elif examples and line:
            examples[-1].expected.append(line)
    return examples


def matches(expected: list[str], actual: list[str]) -> bool:
    """`...` alone skips any lines; inside a line it stands for any text."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == "...":
        return any(matches(rest, actual[i:]) for i in range(len(actual) + 1))
    if not actual:
        return False
    pattern = ".*".join(re.escape(part) for part in head.split("..."))
    return re.fullmatch(pattern, actual[0].strip()) is not None and matches(rest, actual[1:])


def chat_turns(example: Example) -> list[tuple[str, str]]:
    """(input, the README's reply joined into one line) per `voicecart> ` line."""
    turns: list[tuple[str, list[str]]] = []
    for line in example.expected:
        if line.startswith(PROMPT):
            turns.append((line[len(PROMPT):], []))
        elif turns:
            turns[-1][1].append(line)
    return [(said, " ".join(reply)) for said, reply in turns]


README = (REPO / "README.md").read_text(encoding="utf-8")
EXAMPLES = console_examples(README)


def test_the_readme_has_examples_to_check():
    commands = [e.command for e in EXAMPLES]
    assert any("healthz" in c for c in commands) and any(c == "make chat" for c in commands)
    assert any("/v1/converse" in c for c in commands) and len(commands) >= 10


def test_the_example_matcher_is_strict():
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert matches(["order ... placed"], ["order 42 placed"])
    assert not matches(["a", "b"], ["a", "c"])
    assert not matches(["a"], ["a", "b"])  # extra output is a difference too
    assert not matches(["{\"status\": \"ok\"}"], ['{"status":"ok"}'])


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    work = tmp_path_factory.mktemp("readme")
    (work / "tests").symlink_to(REPO / "tests")  # `voicecart dialog test tests/dialogs`
    env = {"VOICECART_API_TOKEN": TOKEN, "VOICECART_DIALOGFLOW_TOKEN": "df-" + TOKEN,
           "VOICECART_METRICS_TOKEN": METRICS_TOKEN}
    with running_server(work / "voicecart.db", env=env) as (base, _):
        yield work, base


def shell(example: Example, work: Path, base: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    command = example.command.replace("localhost:5000", base.removeprefix("http://")) \
        .replace("127.0.0.1:5000", base.removeprefix("http://"))
    if command == "make chat":
        command = "voicecart chat"
    env = {k: v for k, v in os.environ.items() if not k.startswith("VOICECART_")}
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
               VOICECART_DB=str(work / "voicecart.db"), VOICECART_API_TOKEN=TOKEN,
               VOICECART_METRICS_TOKEN=METRICS_TOKEN)
    return subprocess.run(["bash", "-c", command], cwd=work, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"line{e.line}:{e.command[:40]}" for e in EXAMPLES])
def test_a_readme_example_works_as_written(live, example):
    work, base = live
    if example.chat_inputs:
        done = shell(example, work, base, stdin="".join(f"{said}\n" for said in example.chat_inputs))
        assert done.returncode == 0, done.stderr
        replies = done.stdout.splitlines()
        turns = chat_turns(example)
        assert len(replies) == len(turns), (replies, turns)
        for (said, expected), reply in zip(turns, replies):
            assert matches([expected], [reply]), f"README line {example.line}: after {said!r}\n" \
                                                 f"README: {expected}\nactual: {reply}"
        return
    done = shell(example, work, base)
    assert done.returncode == 0, f"README line {example.line}: {example.command}\n{done.stderr}"
    actual = (done.stdout + done.stderr).splitlines() if example.command.startswith(
        "voicecart export") else done.stdout.splitlines()
    actual = [line for line in actual if line.strip()]
    assert matches(example.expected, actual), \
        f"README line {example.line}: {example.command}\nREADME:\n" + "\n".join(example.expected) + \
        "\nactual:\n" + "\n".join(actual)
