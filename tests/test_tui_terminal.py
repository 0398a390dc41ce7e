"""The terminal UI in a real pseudo-terminal (tmux), and under strace from outside.

Skipped, loudly, only when tmux or strace is not installed (``.ci/run`` installs both).
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from rightsbot.core.loader import load_content
from rightsbot.search import SearchIndex

from .privacy_helpers import (STRACE, STRACE_MISSING, clean_env, find_violations, parse_strace_log,
                              rightsbot_argv, strace_argv)

TMUX = shutil.which("tmux")
TMUX_MISSING = ("!!! tmux is NOT installed: the terminal UI was NOT tested in a real pseudo-terminal "
                "(start, ask in Chinese, quick exit, nothing left on screen). Install tmux "
                "(apt-get install tmux) and run these tests again. CI must have it. !!!")
QUESTION = "老板拖欠工资怎么办"
KB = load_content()
EXPECTED_TITLE = KB.entries[SearchIndex(KB).search(QUESTION).best or ""].title.zh
TAGLINE = "不保存任何内容"
PROMPT = "shell-ready>"


@dataclass
class Tmux:
    """One private tmux server (its own socket) with one 100×30 session."""

    socket: str
    """The -L socket name, unique per test."""
    env: dict[str, str]
    """Environment of the server and so of the shell and rightsbot."""

    def run(self, *args: str, check: bool = True) -> str:
        """Run one tmux command against this server; its stdout."""
        proc = subprocess.run([TMUX or "tmux", "-L", self.socket, "-f", "/dev/null", *args], env=self.env,
                              capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=30)
        if check and proc.returncode != 0:
            raise AssertionError(f"tmux {args} failed: {proc.stderr}")
        return proc.stdout

    def screen(self) -> str:
        """What the pane shows now."""
        return self.run("capture-pane", "-p", "-t", "t")

    def history(self) -> str:
        """The pane's scrollback and screen."""
        return self.run("capture-pane", "-p", "-S", "-", "-t", "t")

    def wait_for(self, needle: str, timeout: float = 30.0) -> str:
        """Poll the pane until it shows ``needle``; the screen then."""
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if needle in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"the pane never showed {needle!r}; it shows:\n{shown}")

    def wait_for_prompt(self, timeout: float = 30.0) -> str:
        """Poll until the shell prompt is the last line: the program before it has exited."""
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            lines = [line for line in shown.splitlines() if line.strip()]
            if lines and lines[-1].strip() == PROMPT:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"the shell prompt did not come back; the pane shows:\n{shown}")

    def wait_until_gone(self, needle: str, timeout: float = 15.0) -> str:
        """Poll until ``needle`` is no longer on the pane."""
        deadline = time.monotonic() + timeout
        shown = self.screen()
        while time.monotonic() < deadline and needle in shown:
            time.sleep(0.1)
            shown = self.screen()
        return shown


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    if TMUX is None:
        pytest.skip(TMUX_MISSING)
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env(home=home)
    env.update({"TERM": "xterm-256color", "HISTFILE": "/dev/null", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                "SHELL": "/bin/sh", "PS1": PROMPT + " "})
    server = Tmux(f"rightsbot-test-{uuid.uuid4().hex[:8]}", env)
    server.run("new-session", "-d", "-s", "t", "-x", "100", "-y", "30", "-c", str(tmp_path),
               "bash --norc --noprofile")
    server.run("set-option", "-g", "history-limit", "5000")
    server.wait_for_prompt()
    try:
        yield server
    finally:
        server.run("kill-server", check=False)


def _start(tmux: Tmux, argv: list[str]) -> None:
    tmux.run("send-keys", "-t", "t", "-l", " ".join(shlex.quote(part) for part in argv))
    tmux.run("send-keys", "-t", "t", "Enter")
    tmux.wait_for(TAGLINE)


def _ask_and_quick_exit(tmux: Tmux) -> None:
    tmux.run("send-keys", "-t", "t", "-l", QUESTION)
    tmux.run("send-keys", "-t", "t", "Enter")
    shown = tmux.wait_for(EXPECTED_TITLE)
    assert "您的问题" in shown and "法律" in shown
    tmux.run("send-keys", "-t", "t", "Escape", "Escape")
    tmux.wait_until_gone(TAGLINE)
    shown = tmux.wait_for_prompt()
    assert TAGLINE not in shown, shown
    assert QUESTION not in shown, shown
    assert EXPECTED_TITLE not in shown, shown
    history = tmux.history()
    assert QUESTION not in history and EXPECTED_TITLE not in history, history


def test_real_terminal_ask_in_chinese_then_quick_exit_leaves_nothing(tmux: Tmux) -> None:
    _start(tmux, rightsbot_argv("--lang", "zh"))
    _ask_and_quick_exit(tmux)
    # the shell got its terminal back, and the process really ended
    tmux.run("send-keys", "-t", "t", "-l", "echo done-$((40+2))")
    tmux.run("send-keys", "-t", "t", "Enter")
    tmux.wait_for("done-42")


def test_real_terminal_session_under_strace_writes_nothing_and_connects_nowhere(tmux: Tmux,
                                                                                 tmp_path: Path) -> None:
    if STRACE is None:
        pytest.skip(STRACE_MISSING)
    log = tmp_path / "trace" / "strace.log"
    log.parent.mkdir()
    _start(tmux, strace_argv(rightsbot_argv("--lang", "zh"), log))
    _ask_and_quick_exit(tmux)
    tmux.run("send-keys", "-t", "t", "-l", "echo traced-$((40+2))")
    tmux.run("send-keys", "-t", "t", "Enter")
    tmux.wait_for("traced-42")
    text = log.read_text(encoding="utf-8", errors="replace")
    calls, unparsed = parse_strace_log(text)
    assert any(call.name == "execve" for call in calls), "strace traced nothing"
    assert any(call.name in ("openat", "open") for call in calls)
    violations = find_violations(calls, unparsed)
    assert violations == [], "\n".join(violations[:20])
