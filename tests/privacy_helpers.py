"""Shared helpers for the privacy tests of every face (CLI now, the Textual UI later).

* :func:`clean_env`, :func:`rightsbot_argv`, :func:`run_rightsbot`: run rightsbot in a
  subprocess the way a user does (``python -m rightsbot``, so editable and installed
  layouts both work), with ``PYTHONDONTWRITEBYTECODE=1`` and a scratch working directory.
* :func:`make_content`: a small, valid content folder, independent of the content that is
  being edited in the checkout.
* :func:`run_under_strace`: run any command under ``strace -f`` and turn the log into a
  list of privacy violations (:func:`find_violations`). Pass ``runner=pty_runner(...)``
  to drive the command in a pseudo-terminal (the Textual UI needs one).

A terminal session under strace, as the TUI tests can write it::

    runner = pty_runner([("在这里输入".encode(), "老板拖欠工资怎么办\r".encode()),  # wait, then type
                         ("劳动".encode(), b"\x1b"), (None, b"\x1b")])          # Esc Esc leaves
    result = run_under_strace(rightsbot_argv("--content", str(content)), log_path=tmp_path / "strace.log",
                              cwd=work, env=clean_env({"TEXTUAL_LOG": str(tmp_path / "x")}, home=home),
                              runner=runner)
    assert not result.violations, result.explain()

Importing this module sets ``sys.dont_write_bytecode`` so the test run writes no
``__pycache__`` into the checkout.
"""

from __future__ import annotations

import os
import posixpath
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.dont_write_bytecode = True

REPO_ROOT = Path(__file__).resolve().parents[1]


def _ensure_importable() -> None:
    """Make ``import rightsbot`` work when the package is not installed (plain checkout)."""
    try:
        import rightsbot  # noqa: F401
    except ModuleNotFoundError:
        sys.path.insert(0, str(REPO_ROOT))


_ensure_importable()

import rightsbot  # noqa: E402
from rightsbot import privacy  # noqa: E402

#: The folder that holds the ``rightsbot`` package this test run imports; subprocesses get
#: it first on PYTHONPATH so they test the same code (checkout or installed).
PACKAGE_PARENT = Path(rightsbot.__file__).resolve().parents[1]

#: The variables that must be ignored, each with a value that would record or leak.
DANGEROUS_SETTINGS: dict[str, str] = {
    "TEXTUAL_LOG": "/tmp/x",  # tests replace /tmp/x with a path inside their tmp_path
    "TEXTUAL": "devtools",
    "TEXTUAL_SCREENSHOT": "1",
    "TEXTUAL_DRIVER": "os",
    "TEXTUAL_PRESS": "a",
    "TEXTUAL_DEBUG": "1",
}

STRACE = shutil.which("strace")
#: Why strace tests are skipped when strace is missing; loud on purpose.
STRACE_MISSING = ("!!! strace is NOT installed: the promise 'no file written, no network, no process' "
                  "was NOT verified from outside the process. Install strace (apt-get install strace) "
                  "and run these tests again. CI must have it. !!!")
#: The syscall classes traced, as in ``rightsbot privacy-check``'s advice.
TRACE_CLASSES = "%file,%network,%process"


# --------------------------------------------------------------------------- subprocesses

def clean_env(extra: Mapping[str, str] | None = None, home: Path | None = None) -> dict[str, str]:
    """An environment for a rightsbot subprocess: no dangerous or test-runner variables.

    ``PYTHONDONTWRITEBYTECODE=1``, UTF-8 I/O, the package first on PYTHONPATH; ``home``
    (if given) becomes HOME and the XDG folders, so a test can check they stay empty.
    """
    drop = set(privacy.DANGEROUS_VARIABLES) | {"PYTHONINSPECT", "PYTHONSTARTUP", "PYTHONHOME",
                                               "PYTHONPYCACHEPREFIX", "PYTHONBREAKPOINT"}
    env = {name: value for name, value in os.environ.items()
           if name not in drop and not name.startswith(("TEXTUAL", "PYTEST_", "XDG_"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONPATH"] = os.pathsep.join([str(PACKAGE_PARENT)]
                                        + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    if home is not None:
        env["HOME"] = str(home)
        for name, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"),
                          ("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state")):
            env[name] = str(home / sub)
    env.update(extra or {})
    return env


def rightsbot_argv(*args: str) -> list[str]:
    """The command line that runs rightsbot with this interpreter."""
    return [sys.executable, "-m", "rightsbot", *args]


def run_rightsbot(args: Sequence[str], *, cwd: Path, input: str | None = None,
                  env: Mapping[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m rightsbot ARGS`` in ``cwd``; stdout/stderr captured as UTF-8 text."""
    return subprocess.run(rightsbot_argv(*args), cwd=cwd, input=input if input is not None else "",
                          env=dict(env) if env is not None else clean_env(), capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=timeout)


def make_content(dest: Path, source: Path | None = None) -> Path:
    """Copy a small valid content folder to ``dest``: categories, hotlines, laws, one entry.

    The entry is ``labor.wage-arrears`` with its ``related`` ids removed, so it validates
    on its own while the shipped content is being edited by others.
    """
    if source is None:
        from rightsbot.core.loader import default_content_dir

        source = default_content_dir()
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("categories.yaml", "hotlines.yaml"):
        shutil.copy(source / name, dest / name)
    shutil.copytree(source / "laws", dest / "laws", dirs_exist_ok=True)
    topic = dest / "topics" / "labor"
    topic.mkdir(parents=True, exist_ok=True)
    text = (source / "topics" / "labor" / "wage-arrears.yaml").read_text(encoding="utf-8")
    (topic / "wage-arrears.yaml").write_text(_without_related(text), encoding="utf-8")
    return dest


def _without_related(text: str) -> str:
    """The YAML text with ``related:`` emptied (flow ``[a, b]`` or a block list)."""
    out: list[str] = []
    skipping = False
    for line in text.splitlines(keepends=True):
        if skipping:
            if line.startswith((" ", "\t", "-")) or not line.strip():
                continue
            skipping = False
        if re.match(r"related\s*:", line):
            out.append("related: []\n")
            skipping = not re.match(r"related\s*:\s*\[", line)
            continue
        out.append(line)
    return "".join(out)


# --------------------------------------------------------------------------- strace

@dataclass(frozen=True)
class Syscall:
    """One system call from an strace log."""

    pid: int | None
    """Process id (with ``strace -f``)."""
    name: str
    """System call name, e.g. ``openat``."""
    args: str
    """The arguments as strace printed them."""
    result: str
    """What it returned, e.g. ``3`` or ``-1 ENOENT (No such file or directory)``."""
    line: str
    """The raw line (joined, for calls strace printed as unfinished/resumed)."""


_PID = re.compile(r"^(?:\[pid\s+)?(\d+)\]?\s+(.*)$")
_CALL = re.compile(r"^(\w+)\((.*)\)\s+=\s+(.*)$")
_UNFINISHED = re.compile(r"^(\w+)\((.*?)\s*<unfinished \.\.\.>$")
_RESUMED = re.compile(r"^<\.\.\. (\w+) resumed>(.*)\)\s+=\s+(.*)$")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def parse_strace_log(text: str) -> tuple[list[Syscall], list[str]]:
    """Parse an ``strace -f -o`` log into calls; also return the lines it could not read."""
    calls: list[Syscall] = []
    unparsed: list[str] = []
    pending: dict[int | None, tuple[str, str, str]] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        pid: int | None = None
        match = _PID.match(line)
        if match:
            pid, line = int(match.group(1)), match.group(2)
        if line.startswith(("---", "+++")) or line.startswith("strace: "):
            continue  # signals, exits, strace's own notes
        if (m := _UNFINISHED.match(line)) is not None:
            pending[pid] = (m.group(1), m.group(2), raw)
            continue
        if (m := _RESUMED.match(line)) is not None:
            name, start, first = pending.pop(pid, (m.group(1), "", ""))
            calls.append(Syscall(pid, name, start + m.group(2), m.group(3), f"{first} {raw}".strip()))
            continue
        if (m := _CALL.match(line)) is not None:
            calls.append(Syscall(pid, m.group(1), m.group(2), m.group(3), raw))
            continue
        if re.match(r"^(exit|exit_group)\(", line):
            continue  # the last call of a process, printed without a result
        unparsed.append(raw)
    for name, args, first in pending.values():  # never resumed (the process died): still an attempt
        calls.append(Syscall(None, name, args, "?", first))
    return calls, unparsed


#: Paths that may be opened for writing: the terminal and the null device.
ALLOWED_WRITE_PATHS = ("/dev/tty", "/dev/null")
_ALLOWED_WRITE_PATTERN = re.compile(r"^/dev/pts/\d+$")
_OPEN_CALLS = frozenset({"open", "openat", "openat2", "open_by_handle_at"})
_WRITE_FLAGS = frozenset({"O_WRONLY", "O_RDWR", "O_CREAT", "O_APPEND", "O_TRUNC", "O_TMPFILE"})
#: Calls that change the file system whatever their arguments.
FS_CHANGE_CALLS = frozenset({
    "creat", "mkdir", "mkdirat", "rmdir", "rename", "renameat", "renameat2", "unlink", "unlinkat",
    "truncate", "truncate64", "ftruncate", "ftruncate64", "link", "linkat", "symlink", "symlinkat",
    "chmod", "fchmod", "fchmodat", "fchmodat2", "chown", "lchown", "fchown", "fchownat", "chown32",
    "lchown32", "fchown32", "utime", "utimes", "utimensat", "futimesat", "mknod", "mknodat",
    "setxattr", "lsetxattr", "fsetxattr", "removexattr", "lremovexattr", "fremovexattr",
    "mount", "umount2", "swapon", "swapoff", "acct", "quotactl", "name_to_handle_at",
})
_ADDRESS_CALLS = frozenset({"connect", "bind", "sendto", "sendmsg", "sendmmsg"})
_EXEC_CALLS = frozenset({"execve", "execveat"})
_FORK_CALLS = frozenset({"fork", "vfork"})
_CLONE_CALLS = frozenset({"clone", "clone3"})
_INTERESTING = (_OPEN_CALLS | FS_CHANGE_CALLS | _ADDRESS_CALLS | _EXEC_CALLS | _FORK_CALLS | _CLONE_CALLS
                | {"socket", "socketpair"})


def _write_allowed(path: str | None) -> bool:
    if path is None or not path.startswith("/"):
        return False
    path = posixpath.normpath(path)
    return path in ALLOWED_WRITE_PATHS or bool(_ALLOWED_WRITE_PATTERN.match(path))


def _open_violation(call: Syscall) -> str | None:
    flags = set(re.findall(r"\bO_[A-Z_]+\b", call.args))
    if not flags & _WRITE_FLAGS:
        return None
    match = _QUOTED.search(call.args)
    path = match.group(1) if match else None
    if _write_allowed(path):
        return None
    return f"open for writing ({'|'.join(sorted(flags & _WRITE_FLAGS))}): {path!r}"


def _socket_violation(call: Syscall) -> str | None:
    family = call.args.split(",", 1)[0].strip()
    if family in ("AF_UNIX", "AF_LOCAL", "PF_UNIX", "PF_LOCAL"):
        return None
    return f"{call.name}() with family {family}"


def _address_violation(call: Syscall) -> str | None:
    families = re.findall(r"sa_family=(\w+)", call.args)
    if not families:
        return None  # no address: a send on a connected socket (a socketpair end)
    if call.name in ("connect", "bind"):
        return f"{call.name} to {', '.join(families)}: {call.args[:160]}"
    inet = [f for f in families if f not in ("AF_UNIX", "AF_LOCAL")]
    if inet:
        return f"{call.name} to {', '.join(inet)}: {call.args[:160]}"
    return None


def find_violations(calls: Iterable[Syscall], unparsed: Iterable[str] = ()) -> list[str]:
    """Every call that breaks the promise, as ``"<reason> | <log line>"``.

    Flags: opens with a write flag (except /dev/tty, /dev/pts/N, /dev/null), any
    file-system change (mkdir, rename, unlink, truncate, chmod, ...), a socket that is not
    AF_UNIX, any connect or bind (including named AF_UNIX endpoints such as /dev/log), a
    send to an address that is not AF_UNIX, every execve after the first, fork/vfork, and
    clone without CLONE_THREAD. Attempts count even when they failed. Unreadable lines
    that mention one of these calls count too.
    """
    found: list[str] = []
    execs = 0
    for call in calls:
        reason: str | None = None
        if call.name in _OPEN_CALLS:
            reason = _open_violation(call)
        elif call.name in FS_CHANGE_CALLS:
            reason = f"file-system change ({call.name})"
        elif call.name in ("socket", "socketpair"):
            reason = _socket_violation(call)
        elif call.name in _ADDRESS_CALLS:
            reason = _address_violation(call)
        elif call.name in _EXEC_CALLS:
            execs += 1
            if execs > 1:
                reason = f"process start ({call.name} after the first)"
        elif call.name in _FORK_CALLS:
            reason = f"process start ({call.name})"
        elif call.name in _CLONE_CALLS and "CLONE_THREAD" not in call.args:
            reason = f"process start ({call.name} without CLONE_THREAD)"
        if reason:
            found.append(f"{reason} | {call.line}")
    for line in unparsed:
        if any(re.search(rf"\b{name}\(", line) for name in _INTERESTING):
            found.append(f"unreadable strace line about a guarded call | {line}")
    return found


def summarize(calls: Iterable[Syscall]) -> Counter[str]:
    """How many of each system call the log holds."""
    return Counter(call.name for call in calls)


def strace_argv(cmd: Sequence[str], log_path: Path, trace: str = TRACE_CLASSES) -> list[str]:
    """``strace -f -qq -e trace=... -o LOG CMD...``."""
    if STRACE is None:
        raise RuntimeError(STRACE_MISSING)
    return [STRACE, "-f", "-qq", "-e", f"trace={trace}", "-o", str(log_path), *cmd]


@dataclass(frozen=True)
class RunOutcome:
    """How a traced command ended."""

    returncode: int
    """Exit code of the traced command (strace passes it on)."""
    stdout: str
    """Standard output (for a pty: everything the terminal showed)."""
    stderr: str
    """Standard error (empty for a pty: it shares the terminal)."""


#: Runs an argv (already prefixed with strace) in ``cwd`` with ``env``.
Runner = Callable[[Sequence[str], Mapping[str, str], Path], RunOutcome]


def pipe_runner(input: str | None = None, timeout: float = 120) -> Runner:
    """A runner with pipes: ``input`` on stdin, stdout and stderr captured."""

    def run(argv: Sequence[str], env: Mapping[str, str], cwd: Path) -> RunOutcome:
        proc = subprocess.run(list(argv), cwd=cwd, env=dict(env), input=input or "", capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=timeout)
        return RunOutcome(proc.returncode, proc.stdout, proc.stderr)

    return run


@dataclass(frozen=True)
class TraceResult:
    """A command run under strace, with its log parsed."""

    outcome: RunOutcome
    """Exit code and output."""
    calls: list[Syscall]
    """Every traced call."""
    unparsed: list[str]
    """Log lines the parser could not read."""
    violations: list[str] = field(default_factory=list)
    """What broke the promise (empty when clean)."""
    log_path: Path | None = None
    """The raw log."""

    @property
    def returncode(self) -> int:
        """Exit code of the traced command."""
        return self.outcome.returncode

    def summary(self) -> Counter[str]:
        """Calls by name."""
        return summarize(self.calls)

    def explain(self) -> str:
        """A readable account for assertion messages."""
        parts = [f"exit code {self.returncode}; {len(self.calls)} calls traced; log: {self.log_path}"]
        parts += ["VIOLATION: " + v for v in self.violations]
        parts += ["--- stderr ---", self.outcome.stderr[-3000:]]
        return "\n".join(parts)


def run_under_strace(cmd: Sequence[str], *, log_path: Path, cwd: Path, env: Mapping[str, str] | None = None,
                     input: str | None = None, runner: Runner | None = None,
                     trace: str = TRACE_CLASSES) -> TraceResult:
    """Run ``cmd`` under ``strace -f`` and return its outcome and privacy violations.

    ``runner`` decides how the process is driven: pipes with ``input`` by default, or
    :func:`pty_runner` for a terminal session. Fails (not skips) when strace cannot trace
    (e.g. ptrace is forbidden): a silent pass would prove nothing.
    """
    argv = strace_argv(cmd, log_path, trace)
    run = runner or pipe_runner(input)
    outcome = run(argv, env if env is not None else clean_env(), cwd)
    if not log_path.exists():
        raise AssertionError(f"strace wrote no log; it may not be allowed to trace here.\n{outcome.stderr}")
    text = log_path.read_text(encoding="utf-8", errors="replace")
    calls, unparsed = parse_strace_log(text)
    if not any(call.name in _EXEC_CALLS for call in calls):
        raise AssertionError(f"the strace log shows no execve: tracing did not work.\n{outcome.stderr}\n{text[:2000]}")
    return TraceResult(outcome, calls, unparsed, find_violations(calls, unparsed), log_path)


# --------------------------------------------------------------------------- pty

#: One step of a terminal session: wait until the screen shows ``wait_for`` (if not None),
#: then type ``send``.
Step = tuple[bytes | None, bytes]


def pty_runner(steps: Sequence[Step], *, timeout: float = 60, rows: int = 40, cols: int = 120) -> Runner:
    """A runner that gives the command a pseudo-terminal as stdin, stdout and stderr.

    The terminal is the child's controlling terminal (so /dev/tty works); ``steps`` are
    played in order; afterwards the runner waits for the command to exit (killing its
    process group after ``timeout`` seconds, which fails the run with exit code -9).
    """
    import fcntl
    import pty
    import struct
    import termios

    def run(argv: Sequence[str], env: Mapping[str, str], cwd: Path) -> RunOutcome:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

        def make_controlling() -> None:  # runs in the child, after setsid
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        env2 = {"TERM": "xterm-256color", **env}
        proc = subprocess.Popen(list(argv), cwd=cwd, env=env2, stdin=slave, stdout=slave, stderr=slave,
                                start_new_session=True, preexec_fn=make_controlling)
        os.close(slave)
        screen = bytearray()
        deadline = time.monotonic() + timeout

        def pump(until: Callable[[], bool]) -> bool:
            while time.monotonic() < deadline:
                if until():
                    return True
                ready, _, _ = select.select([master], [], [], 0.05)
                if ready:
                    try:
                        chunk = os.read(master, 65536)
                    except OSError:  # EIO: the child closed the terminal
                        return until()
                    if not chunk:
                        return until()
                    screen.extend(chunk)
            return until()

        try:
            for wait_for, send in steps:
                if wait_for is not None and not pump(lambda w=wait_for: w in screen):
                    break
                os.write(master, send)
            pump(lambda: proc.poll() is not None)
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            returncode = proc.wait(timeout=10)
            while select.select([master], [], [], 0.05)[0]:  # what was still buffered
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                screen.extend(chunk)
        finally:
            os.close(master)
        return RunOutcome(returncode, screen.decode("utf-8", "replace"), "")

    return run
