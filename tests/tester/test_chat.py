"""`voicecart chat` in piped mode: replies one per line, every :command, exit statuses."""
from __future__ import annotations

import json


def test_piped_lines_get_one_reply_each_and_exit_0(chat):
    done = chat("add two gallons of whole milk", "", "what's in my cart")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2  # the empty line is skipped; nothing is echoed, no prompt
    assert lines[0].startswith("Added two gallons of Whole Milk")
    assert "two gallons of Whole Milk" in lines[1]
    assert "voicecart>" not in done.stdout
    assert done.stderr == ""


def test_empty_input_exits_0(chat):
    done = chat()
    assert (done.returncode, done.stdout) == (0, "")


def test_default_user_is_demo_who_can_have_things_delivered(chat):
    done = chat("add two pounds of ground beef and a bag of russet potatoes",
                "check out for delivery tomorrow morning", ":cart")
    assert done.returncode == 0, done.stderr
    assert "for delivery" in done.stdout and "delivery fee" in done.stdout
    assert "cart of demo" in done.stdout


def test_debug_shows_intent_items_products_confidence_and_alternatives(chat):
    done = chat(":debug", "add milk eggs and bread", ":debug", "add bananas")
    out = done.stdout
    assert done.returncode == 0
    assert out.splitlines()[0] == "debug on"
    assert "intent:   AddItem" in out
    assert "item:     'eggs'" in out and "-> Large White Eggs" in out and "confidence 0." in out
    assert "alternatives:" in out
    assert "end_session: false" in out
    assert "debug off" in out
    after = out.split("debug off", 1)[1]
    assert "intent:" not in after  # toggled off again


def test_cart_and_orders_commands(chat):
    done = chat(":cart", "add a dozen eggs", ":cart", ":cart json", ":orders", ":orders json",
                args=("--user", "carol"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "cart of carol: empty" in out
    assert "cart of carol: 1 line(s), total $3.49" in out
    assert "1 dozen x Large White Eggs" in out
    cart_json = out.split("x Large White Eggs", 1)[1]
    start = cart_json.index("{")
    data, _ = json.JSONDecoder().raw_decode(cart_json[start:])
    assert data["user_id"] == "carol" and data["items"][0]["unit"] == "dozen"
    assert "orders of carol: none" in out
    assert out.rstrip().endswith("[]")


def test_orders_lists_a_placed_order(chat):
    done = chat("add two pounds of ground beef", "check out", "pickup", "the first one", "yes", ":orders",
                args=("--user", "olga"))
    assert done.returncode == 0, done.stderr
    assert "orders of olga: 1, newest first" in done.stdout
    assert "pickup" in done.stdout and "2 pound x 80/20 Ground Beef" in done.stdout


def test_reset_starts_a_new_session_for_the_same_user(chat):
    # A pending question belongs to the session: after :reset, "the second one" has nothing to pick.
    done = chat("add milk", ":reset", "the second one", ":cart", args=("--user", "rita"))
    lines = done.stdout.splitlines()
    assert "did you want" in lines[0]
    assert lines[1] == "new session for rita"
    assert not lines[2].startswith("Added")
    assert "cart of rita: empty" in done.stdout


def test_user_switches_user_in_a_new_session(chat):
    done = chat("add a dozen eggs", ":user bob", ":user", "what's in my cart", ":user demo2",
                args=("--user", "alice"))
    lines = done.stdout.splitlines()
    assert lines[1] == "now bob, in a new session"
    assert lines[2] == "user: bob"
    assert "empty" in lines[3]  # bob's cart, not alice's
    assert lines[4] == "now demo2, in a new session"


def test_help_unknown_command_and_quit(chat):
    done = chat(":help", ":nope", ":quit", "add a dozen eggs")
    assert done.returncode == 0
    assert ":debug" in done.stdout and ":user NAME" in done.stdout
    assert "unknown command :nope" in done.stdout
    assert "Added" not in done.stdout  # nothing after :quit is read


def test_cart_over_http_explains_it_is_in_process_only(live_server, voicecart):
    done = voicecart("chat", "--url", live_server, stdin=":cart\n:orders\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("works in-process only") == 2


def test_unreachable_url_is_one_line_and_exit_1(voicecart):
    done = voicecart("chat", "--url", "http://127.0.0.1:9", stdin="add milk\n")
    assert done.returncode == 1
    assert done.stderr.startswith("voicecart: error: cannot reach http://127.0.0.1:9")
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr


def test_platform_needs_url(db, voicecart):
    done = voicecart("chat", "--platform", "alexa", "--db", db)
    assert done.returncode == 1
    assert "--platform and --token need --url" in done.stderr
    assert "Traceback" not in done.stderr


def test_bad_url_scheme(db, voicecart):
    done = voicecart("chat", "--url", "localhost:5000", "--db", db)
    assert done.returncode == 1 and "must start with http://" in done.stderr


def test_db_option_comes_anywhere_and_follows_env(tmp_path, voicecart):
    db = tmp_path / "env.db"
    done = voicecart("chat", "--user", "eve", stdin="add a dozen eggs\n",
                         env={"VOICECART_DB": str(db)})
    assert done.returncode == 0 and db.exists()
    done = voicecart("chat", "--db", str(db), "--user", "eve", stdin=":cart\n")
    assert "Large White Eggs" in done.stdout


def test_interactive_terminal_has_a_prompt_and_keeps_history(tmp_path, db):
    pty = __import__("pytest").importorskip("pty")
    import os
    import select
    import time

    from support import REPO, VOICECART

    env = {**{k: v for k, v in os.environ.items() if not k.startswith("VOICECART_")},
           "HOME": str(tmp_path), "TERM": "dumb"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: a chat on a terminal
        os.chdir(REPO)
        os.execve(VOICECART[0], [*VOICECART, "chat", "--db", db, "--user", "tty"], env)
    out = b""
    poller = select.poll()  # not select(): it refuses descriptors past 1,023
    poller.register(fd, select.POLLIN)

    def read_for(seconds: float) -> None:
        nonlocal out
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if poller.poll(100):
                try:
                    out += os.read(fd, 65536)
                except OSError:
                    return

    try:
        for line in ("add a dozen eggs", ":quit"):
            deadline = time.monotonic() + 30
            while out.count(b"voicecart> ") < (1 if line != ":quit" else 2) and time.monotonic() < deadline:
                read_for(0.2)
            os.write(fd, f"{line}\n".encode())
        read_for(1)
    finally:
        status = _reap(pid, within=30)
    text = out.decode(errors="replace")
    assert "Type :help for commands" in text and "voicecart> " in text
    assert "Added a dozen Large White Eggs" in text
    assert os.waitstatus_to_exitcode(status) == 0
    assert (tmp_path / ".voicecart_history").read_text().splitlines() == ["add a dozen eggs", ":quit"]


def _reap(pid: int, within: float) -> int:
    """The child's wait status; a child still running after `within` seconds is killed (and
    the test fails on its status) rather than hanging the whole run."""
    import os
    import signal
    import time

    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    return os.waitpid(pid, 0)[1]
