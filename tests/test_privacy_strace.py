"""The promise checked from outside: strace sees no write, no network, no new process.

``strace -f -qq -e trace=%file,%network,%process`` follows rightsbot and every thread it
starts; :func:`tests.privacy_helpers.find_violations` reads the log. These tests skip,
loudly, only when strace is not installed (CI installs it).
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # before any import from the checkout

import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from tests.privacy_helpers import (  # noqa: E402
    DANGEROUS_SETTINGS, STRACE, STRACE_MISSING, TraceResult, clean_env, find_violations, make_content,
    parse_strace_log, pty_runner, rightsbot_argv, run_under_strace,
)

if STRACE is None:
    warnings.warn(STRACE_MISSING, stacklevel=1)

needs_strace = pytest.mark.skipif(STRACE is None, reason=STRACE_MISSING)


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small valid content folder (the shipped one may be mid-edit)."""
    return make_content(tmp_path_factory.mktemp("content") / "content")


def _trace(tmp_path: Path, args: list[str], *, stdin: str | None = None, extra_env: dict[str, str] | None = None,
           runner=None) -> TraceResult:
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir(exist_ok=True)
    home.mkdir(exist_ok=True)
    result = run_under_strace(rightsbot_argv(*args), log_path=tmp_path / "strace.log", cwd=work,
                              env=clean_env(extra_env, home=home), input=stdin, runner=runner)
    for folder in (work, home):
        left = [str(p) for p in folder.rglob("*")]
        assert not left, f"files appeared: {left}"
    return result


def _assert_clean(result: TraceResult, expected: int) -> None:
    assert not result.violations, result.explain()
    assert result.returncode == expected, result.explain()
    assert "PrivacyViolation" not in result.outcome.stderr, result.explain()
    assert "Traceback" not in result.outcome.stderr, result.explain()


# --------------------------------------------------------------------------- the commands

@needs_strace
def test_strace_ask(tmp_path: Path, content: Path) -> None:
    """The documented check: ``strace ... rightsbot ask 上访`` (no entry answers it in the mini content)."""
    result = _trace(tmp_path, ["ask", "上访", "--content", str(content)])
    _assert_clean(result, 1)
    summary = result.summary()
    assert summary["execve"] == 1
    assert summary["openat"] > 0, "the log shows no file reads: was the trace filter applied?"


@needs_strace
def test_strace_ask_answers(tmp_path: Path, content: Path) -> None:
    result = _trace(tmp_path, ["ask", "老板拖欠工资怎么办", "--cite-text", "--content", str(content)])
    _assert_clean(result, 0)
    assert "被拖欠工资怎么办" in result.outcome.stdout


@needs_strace
def test_strace_ask_batch(tmp_path: Path, content: Path) -> None:
    result = _trace(tmp_path, ["ask", "-", "--content", str(content)],
                    stdin="上访\n老板拖欠工资怎么办\nmy boss has not paid me\n")
    _assert_clean(result, 0)
    assert result.outcome.stdout.count("-" * 40) == 3


@needs_strace
@pytest.mark.parametrize(("args", "expected"), [
    pytest.param(["show", "labor.wage-arrears"], 0, id="show"),
    pytest.param(["show", "labor.wage-arrears", "--json"], 0, id="show-json"),
    pytest.param(["show", "labor.nothing"], 1, id="show-unknown"),
    pytest.param(["topics"], 0, id="topics"),
    pytest.param(["law", "labor-contract-law", "85"], 0, id="law"),
    pytest.param(["validate"], 0, id="validate"),
    pytest.param([], 2, id="no-command-not-a-terminal"),
])
def test_strace_other_commands(tmp_path: Path, content: Path, args: list[str], expected: int) -> None:
    result = _trace(tmp_path, [*args, "--content", str(content)] if args else [])
    _assert_clean(result, expected)


@needs_strace
def test_strace_broken_content(tmp_path: Path) -> None:
    """On error (content missing) nothing is written either."""
    result = _trace(tmp_path, ["ask", "上访", "--content", str(tmp_path / "missing")])
    _assert_clean(result, 1)


@needs_strace
def test_strace_privacy_check(tmp_path: Path) -> None:
    """The in-process probes are stopped before they reach the kernel."""
    result = _trace(tmp_path, ["privacy-check", "--lang", "en"])
    assert not result.violations, result.explain()
    assert result.returncode == 0, result.explain()
    assert result.outcome.stdout.count("[blocked]") == 5


@needs_strace
def test_strace_batch_in_a_terminal(tmp_path: Path, content: Path) -> None:
    """The pty runner the TUI tests use: a batch typed into a real terminal, ended with Ctrl+D."""
    runner = pty_runner([(None, "老板拖欠工资怎么办\n".encode()), (b"-" * 40, b"\x04")], timeout=60)
    result = _trace(tmp_path, ["ask", "-", "--content", str(content)], runner=runner)
    _assert_clean(result, 0)
    assert "被拖欠工资怎么办" in result.outcome.stdout


# --------------------------------------------------------------------------- dangerous variables

@needs_strace
@pytest.mark.parametrize("name", list(DANGEROUS_SETTINGS))
def test_strace_dangerous_variable(tmp_path: Path, content: Path, name: str) -> None:
    value = str(tmp_path / "x") if name == "TEXTUAL_LOG" else DANGEROUS_SETTINGS[name]
    result = _trace(tmp_path, ["ask", "上访", "--content", str(content)], extra_env={name: value})
    _assert_clean(result, 1)
    assert name in result.outcome.stderr, f"stderr does not name {name}:\n{result.outcome.stderr}"
    assert not (tmp_path / "x").exists()


@needs_strace
def test_strace_all_dangerous_variables_batch(tmp_path: Path, content: Path) -> None:
    settings = {**DANGEROUS_SETTINGS, "TEXTUAL_LOG": str(tmp_path / "x")}
    result = _trace(tmp_path, ["ask", "-", "--content", str(content)], stdin="上访\n老板拖欠工资怎么办\n",
                    extra_env=settings)
    _assert_clean(result, 0)
    for name in settings:
        assert name in result.outcome.stderr
    assert not (tmp_path / "x").exists()


# --------------------------------------------------------------------------- the detector itself

LEAKY_SCRIPT = """
import os, socket, subprocess
open("written.txt", "w").close()
os.mkdir("made")
os.rename("written.txt", "moved.txt")
os.unlink("moved.txt")
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    sock.connect(("127.0.0.1", 9))
except OSError:
    pass
subprocess.run(["true"])
"""


@needs_strace
def test_strace_detector_catches_real_leaks(tmp_path: Path) -> None:
    """Without the guard, the same tracing sees each kind of leak (so a clean log means something)."""
    work = tmp_path / "work"
    work.mkdir()
    result = run_under_strace([sys.executable, "-I", "-B", "-c", LEAKY_SCRIPT], log_path=tmp_path / "strace.log",
                              cwd=work, env=clean_env())
    assert result.returncode == 0, result.explain()
    text = "\n".join(result.violations)
    for kind in ("open for writing", "written.txt", "(mkdir)", "(rename", "(unlink", "socket() with family AF_INET",
                 "connect to AF_INET", "execve after the first"):
        assert kind in text, f"{kind!r} not detected:\n{text}"


# --------------------------------------------------------------------------- the log parser

SAMPLE_LOG = r'''
100 execve("/usr/bin/python3", ["python3", "-m", "rightsbot"], 0x7ffd /* 30 vars */) = 0
100 openat(AT_FDCWD, "/usr/lib/python3.11/os.py", O_RDONLY|O_CLOEXEC) = 3
100 openat(AT_FDCWD, "/dev/null", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3
100 openat(AT_FDCWD, "/dev/pts/3", O_RDWR|O_NOCTTY) = 4
100 openat(AT_FDCWD, "/dev/tty", O_RDWR) = 5
100 openat(AT_FDCWD, "/home/u/.python_history", O_WRONLY|O_CREAT|O_APPEND, 0666) = -1 EACCES (Permission denied)
100 openat(AT_FDCWD, "/dev/pts/../../tmp/x", O_WRONLY|O_CREAT, 0666) = 6
100 open("/tmp/y", O_RDONLY|O_TRUNC) = 7
100 openat2(AT_FDCWD, "/tmp/z", {flags=O_RDWR|O_CLOEXEC, resolve=0}, 24) = 8
100 creat("/tmp/c", 0644) = 9
100 mkdir("/tmp/d", 0777) = 0
100 renameat2(AT_FDCWD, "/tmp/a", AT_FDCWD, "/tmp/b", 0) = 0
100 unlinkat(AT_FDCWD, "/tmp/b", 0) = 0
100 socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [6, 7]) = 0
100 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 10
100 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 11
100 connect(11, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)
100 connect(10, {sa_family=AF_UNIX, sun_path="/dev/log"}, 110) = 0
100 sendto(6, "\0", 1, 0, NULL, 0) = 1
100 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, child_tid=0x7f}, 88) = 101
100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 102
102 execve("/bin/true", ["true"], 0x7ffd /* 30 vars */ <unfinished ...>
101 newfstatat(AT_FDCWD, "/etc/hosts", {st_mode=S_IFREG|0644, st_size=10, ...}, 0) = 0
102 <... execve resumed>) = 0
103 openat(AT_FDCWD, "/tmp/pending", O_WRONLY|O_CREAT <unfinished ...>
--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=102} ---
102 +++ exited with 0 +++
100 exit_group(0) = ?
'''


def test_parser_finds_every_kind_of_violation() -> None:
    calls, unparsed = parse_strace_log(SAMPLE_LOG)
    assert unparsed == []
    violations = find_violations(calls, unparsed)
    text = "\n".join(violations)
    expected = [".python_history", "/dev/pts/../../tmp/x", '"/tmp/y"', '"/tmp/z"', "creat", "mkdir",
                "renameat2", "unlinkat", "socket() with family AF_INET", "connect to AF_INET",
                "connect to AF_UNIX", "clone without CLONE_THREAD", "execve after the first", "/tmp/pending"]
    for needle in expected:
        assert needle in text, f"{needle!r} not flagged:\n{text}"
    assert len(violations) == len(expected), text
    for allowed in ('"/dev/null"', '"/dev/pts/3"', '"/dev/tty"', "os.py", "socketpair(", "sendto(", "clone3("):
        assert allowed not in text, f"{allowed} flagged by mistake:\n{text}"


def test_parser_reads_a_clean_log_without_pids() -> None:
    log = ('execve("/usr/bin/python3", ["python3"], 0x1 /* 1 var */) = 0\n'
           'openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3\n'
           'getcwd("/tmp", 4096) = 5\n'
           'exit_group(0) = ?\n')
    calls, unparsed = parse_strace_log(log)
    assert [c.name for c in calls] == ["execve", "openat", "getcwd", "exit_group"]
    assert calls[0].pid is None
    assert find_violations(calls, unparsed) == []


def test_parser_flags_unreadable_lines_about_guarded_calls() -> None:
    calls, unparsed = parse_strace_log('100 openat(AT_FDCWD, "/tmp/x", O_WRONLY|O_CREAT, 0666 garbled\n')
    assert unparsed
    assert find_violations(calls, unparsed)
