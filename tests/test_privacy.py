"""The privacy guard (rightsbot.privacy) and the CLI's promise: nothing written, sent or started.

Everything that installs the guard runs in a subprocess: an audit hook cannot be removed,
and pytest itself must stay free to work.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # before any import from the checkout

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import string  # noqa: E402
import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from tests.privacy_helpers import (  # noqa: E402
    DANGEROUS_SETTINGS, PACKAGE_PARENT, clean_env, make_content, rightsbot_argv, run_rightsbot,
)

from rightsbot import privacy  # noqa: E402

_PYCACHE_BEFORE = {str(p) for p in PACKAGE_PARENT.joinpath("rightsbot").rglob("__pycache__")}


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small valid content folder (the shipped one may be mid-edit)."""
    return make_content(tmp_path_factory.mktemp("content") / "content")


@pytest.fixture
def sandbox(tmp_path: Path) -> dict[str, Path]:
    """An empty working directory and an empty HOME; both must stay empty."""
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    return {"work": work, "home": home}


def _assert_empty(*folders: Path) -> None:
    for folder in folders:
        left = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
        assert not left, f"rightsbot wrote into {folder}: {left}"


# --------------------------------------------------------------------------- the audit hook

GUARD_SCRIPT = r'''
import asyncio, http.client, io, json, os, pathlib, shutil, socket, sqlite3, subprocess, sys
import syslog, tempfile, urllib.request, webbrowser

work = pathlib.Path(sys.argv[1])
existing = work / "existing.txt"
existing.write_text("hello", encoding="utf-8")
(work / "existing_dir").mkdir()
(work / "tree" / "sub").mkdir(parents=True)

from rightsbot import privacy
report = privacy.harden()

def attempt(name, action):
    try:
        action()
        outcome = "allowed"
    except privacy.PrivacyViolation as exc:
        outcome = "blocked"
    except BaseException as exc:
        outcome = f"error {type(exc).__name__}: {exc}"
    print(json.dumps({name: outcome}), flush=True)

def fresh(name):
    return str(work / name)

def closing(fd):
    os.close(fd)

def fork_probe(fork):
    pid = fork()
    if isinstance(pid, tuple):
        pid = pid[0]
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)

def socketpair_exchange():
    a, b = socket.socketpair()
    with a, b:
        a.sendall(b"x")
        assert b.recv(1) == b"x"

def wrap_fd():
    a, b = socket.socketpair()
    with a, b:
        socket.socket(fileno=os.dup(a.fileno())).close()  # family -1: an already-open socket

def fake_socketpair(host):
    # Where the C library has no socketpair (Windows), socket.socketpair is built in Python
    # from two loopback AF_INET sockets; the guard lets exactly that through.
    namespace = {"__name__": "socket", "socket": socket.socket, "AF_INET": socket.AF_INET}
    exec("def socketpair(host):\n"
         "    s = socket(AF_INET)\n"
         "    try:\n"
         "        s.bind((host, 0))\n"
         "    finally:\n"
         "        s.close()\n", namespace)
    namespace["socketpair"](host)

def export_write():
    with privacy.allow_export(fresh("export.txt")):
        with open(fresh("export.txt"), "w", encoding="utf-8") as handle:
            handle.write("exported")

def export_after():
    with open(fresh("export.txt"), "a", encoding="utf-8") as handle:  # the permission has ended
        handle.write("again")

blocked = {
    "open_w": lambda: open(fresh("new1.txt"), "w"),
    "open_a": lambda: open(existing, "a"),
    "open_x": lambda: open(fresh("new2.txt"), "x"),
    "open_r_plus": lambda: open(existing, "r+"),
    "open_wb_pathlike": lambda: open(pathlib.Path(fresh("new3.bin")), "wb"),
    "open_bytes_path": lambda: open(os.fsencode(fresh("new4.txt")), "w"),
    "open_relative": lambda: open("relative.txt", "w"),
    "open_dotdot_escape": lambda: open("/dev/pts/../.." + fresh("new5.txt"), "w"),
    "io_fileio_w": lambda: io.FileIO(fresh("new6.bin"), "w"),
    "os_open_wronly_creat": lambda: closing(os.open(fresh("new7.txt"), os.O_WRONLY | os.O_CREAT)),
    "os_open_rdonly_creat": lambda: closing(os.open(fresh("new8.txt"), os.O_RDONLY | os.O_CREAT)),
    "os_open_rdwr": lambda: closing(os.open(existing, os.O_RDWR)),
    "os_open_append": lambda: closing(os.open(existing, os.O_APPEND)),
    "os_open_trunc": lambda: closing(os.open(existing, os.O_RDONLY | os.O_TRUNC)),
    "path_write_text": lambda: pathlib.Path(fresh("new9.txt")).write_text("x"),
    "path_touch": lambda: pathlib.Path(fresh("new10.txt")).touch(),
    "mkdir": lambda: os.mkdir(fresh("newdir")),
    "makedirs": lambda: os.makedirs(fresh("a/b/c")),
    "path_mkdir": lambda: pathlib.Path(fresh("newdir2")).mkdir(),
    "rename": lambda: os.rename(existing, fresh("renamed.txt")),
    "replace": lambda: os.replace(existing, fresh("replaced.txt")),
    "unlink": lambda: os.unlink(existing),
    "remove": lambda: os.remove(existing),
    "path_unlink": lambda: pathlib.Path(existing).unlink(),
    "rmdir": lambda: os.rmdir(work / "existing_dir"),
    "truncate": lambda: os.truncate(existing, 0),
    "ftruncate": lambda: os.ftruncate(os.open(existing, os.O_RDONLY), 0),
    "symlink": lambda: os.symlink(existing, fresh("link1")),
    "link": lambda: os.link(existing, fresh("link2")),
    "chmod": lambda: os.chmod(existing, 0o600),
    "utime": lambda: os.utime(existing),
    "shutil_copyfile": lambda: shutil.copyfile(existing, fresh("copy.txt")),
    "shutil_rmtree": lambda: shutil.rmtree(work / "tree"),
    "tempfile_mkstemp": lambda: tempfile.mkstemp(dir=work),
    "tempfile_mkdtemp": lambda: tempfile.mkdtemp(dir=work),
    "tempfile_temporaryfile": lambda: tempfile.TemporaryFile(dir=work),
    "tempfile_gettempdir_probe": lambda: tempfile.gettempdir(),
    "sqlite3_connect": lambda: sqlite3.connect(fresh("db.sqlite")),
    "syslog_openlog": lambda: syslog.openlog("rightsbot"),
    "syslog_syslog": lambda: syslog.syslog("rightsbot"),
    "socket_af_inet": lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
    "socket_af_inet_udp": lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM),
    "socket_af_inet6": lambda: socket.socket(socket.AF_INET6, socket.SOCK_STREAM),
    "socket_create_connection": lambda: socket.create_connection(("127.0.0.1", 9), timeout=1),
    "getaddrinfo": lambda: socket.getaddrinfo("localhost", 80),
    "gethostbyname": lambda: socket.gethostbyname("localhost"),
    "gethostbyaddr": lambda: socket.gethostbyaddr("127.0.0.1"),
    "getnameinfo": lambda: socket.getnameinfo(("127.0.0.1", 80), 0),
    "urlopen": lambda: urllib.request.urlopen("http://127.0.0.1:9/", timeout=1),
    "http_client_connect": lambda: http.client.HTTPConnection("127.0.0.1", 9, timeout=1).connect(),
    "af_unix_connect": lambda: socket.socket(socket.AF_UNIX).connect(fresh("no.sock")),
    "af_unix_bind": lambda: socket.socket(socket.AF_UNIX).bind(fresh("bound.sock")),
    "af_unix_sendto": lambda: socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(b"x", fresh("no.sock")),
    "fake_socketpair_wildcard": lambda: fake_socketpair("0.0.0.0"),
    "subprocess_run": lambda: subprocess.run(["true"]),
    "subprocess_popen": lambda: subprocess.Popen([sys.executable, "-c", "pass"]).wait(),
    "subprocess_check_output": lambda: subprocess.check_output(["echo", "x"]),
    "os_system": lambda: os.system("true"),
    "os_popen": lambda: os.popen("true").read(),
    "posix_spawn": lambda: os.waitpid(os.posix_spawn("/bin/true", ["true"], dict(os.environ)), 0),
    "os_fork": lambda: fork_probe(os.fork),
    "os_forkpty": lambda: fork_probe(os.forkpty),
    "webbrowser_open": lambda: webbrowser.open("http://127.0.0.1:9/"),
    "export_after": export_after,
    "os_execv": lambda: os.execv(sys.executable, [sys.executable, "-c", "pass"]),  # last: would end us
}
allowed = {
    "read_text": lambda: open(existing, encoding="utf-8").read(),
    "read_binary": lambda: open(existing, "rb").read(),
    "os_open_rdonly": lambda: closing(os.open(existing, os.O_RDONLY)),
    "path_read_text": lambda: pathlib.Path(existing).read_text(),
    "listdir_stat_scandir": lambda: (os.listdir(work), os.stat(existing), list(os.scandir(work))),
    "devnull_write": lambda: open(os.devnull, "w").write("x"),
    "os_open_devnull_rdwr": lambda: closing(os.open("/dev/null", os.O_RDWR)),
    "fd_write_stdout": lambda: open(1, "w", closefd=False).flush(),
    "socketpair": socketpair_exchange,
    "socket_af_unix": lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).close(),
    "socket_from_fd": lambda: wrap_fd(),
    "asyncio_event_loop": lambda: asyncio.run(asyncio.sleep(0)),
    "gethostname": socket.gethostname,
    "import_module": lambda: __import__("decimal"),
    "os_kill_signal_0": lambda: os.kill(os.getpid(), 0),  # Textual suspends itself with os.kill
    "fake_socketpair_loopback": lambda: fake_socketpair("127.0.0.1"),
    "export_write": export_write,  # an explicit export the person asked for
}

facts = {
    "ignored": list(report.ignored_variables),
    "ignored_again": list(privacy.harden().ignored_variables),
    "env_left": sorted(k for k in os.environ if k.startswith(("TEXTUAL", "PYTHONSTARTUP"))),
    "dont_write_bytecode": sys.dont_write_bytecode,
    "interactivehook": hasattr(sys, "__interactivehook__"),
    "guard_installed": privacy.guard_installed(),
}
try:
    import textual_dev  # noqa: F401
    facts["textual_dev"] = "imported"
except ImportError:
    facts["textual_dev"] = "blocked"
print(json.dumps({"facts": facts}), flush=True)
print(json.dumps({"expect": {"blocked": list(blocked), "allowed": list(allowed)}}), flush=True)
for name, action in allowed.items():
    attempt(name, action)
for name, action in blocked.items():
    attempt(name, action)
print(json.dumps({"done": True}), flush=True)
'''

GUARD_ENV = {"TEXTUAL_LOG": "/nonexistent/x", "TEXTUAL": "devtools", "TEXTUAL_ANIMATIONS": "none",
             "TEXTUAL_FPS": "30", "PYTHONSTARTUP": "/nonexistent/startup.py", "BROWSER": "true"}


@pytest.fixture(scope="module")
def guard_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Run GUARD_SCRIPT once; every operation's outcome by name."""
    work = tmp_path_factory.mktemp("guard")
    proc = subprocess.run([sys.executable, "-c", GUARD_SCRIPT, str(work)], cwd=work, env=clean_env(GUARD_ENV),
                          capture_output=True, text=True, timeout=120)
    merged: dict = {}
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            merged.update(json.loads(line))
    merged["_proc"] = proc
    merged["_work"] = work
    return merged


def _outcome(guard_run: dict, name: str) -> str:
    proc = guard_run["_proc"]
    assert name in guard_run, (f"{name} did not report (did an exec or fork take over?)\n"
                               f"stdout:\n{proc.stdout[-2000:]}\nstderr:\n{proc.stderr[-3000:]}")
    return guard_run[name]


BLOCKED = ["open_w", "open_a", "open_x", "open_r_plus", "open_wb_pathlike", "open_bytes_path", "open_relative",
           "open_dotdot_escape", "io_fileio_w", "os_open_wronly_creat", "os_open_rdonly_creat", "os_open_rdwr",
           "os_open_append", "os_open_trunc", "path_write_text", "path_touch", "mkdir", "makedirs", "path_mkdir",
           "rename", "replace", "unlink", "remove", "path_unlink", "rmdir", "truncate", "ftruncate", "symlink",
           "link", "chmod", "utime", "shutil_copyfile", "shutil_rmtree", "tempfile_mkstemp", "tempfile_mkdtemp",
           "tempfile_temporaryfile", "tempfile_gettempdir_probe", "sqlite3_connect", "syslog_openlog",
           "syslog_syslog", "socket_af_inet", "socket_af_inet_udp", "socket_af_inet6",
           "socket_create_connection", "getaddrinfo", "gethostbyname", "gethostbyaddr", "getnameinfo", "urlopen",
           "http_client_connect", "af_unix_connect", "af_unix_bind", "af_unix_sendto", "fake_socketpair_wildcard",
           "subprocess_run", "subprocess_popen", "subprocess_check_output", "os_system", "os_popen",
           "posix_spawn", "os_fork", "os_forkpty", "webbrowser_open", "export_after", "os_execv"]
ALLOWED = ["read_text", "read_binary", "os_open_rdonly", "path_read_text", "listdir_stat_scandir",
           "devnull_write", "os_open_devnull_rdwr", "fd_write_stdout", "socketpair", "socket_af_unix",
           "socket_from_fd", "asyncio_event_loop", "gethostname", "import_module", "os_kill_signal_0",
           "fake_socketpair_loopback", "export_write"]


def test_guard_script_lists_match(guard_run: dict) -> None:
    """The parametrised lists below cover exactly what the script tries."""
    expect = guard_run.get("expect") or {}
    assert sorted(expect.get("blocked", [])) == sorted(BLOCKED)
    assert sorted(expect.get("allowed", [])) == sorted(ALLOWED)
    assert guard_run.get("done"), guard_run["_proc"].stderr[-3000:]


@pytest.mark.parametrize("name", BLOCKED)
def test_guard_blocks(guard_run: dict, name: str) -> None:
    assert _outcome(guard_run, name) == "blocked"


@pytest.mark.parametrize("name", ALLOWED)
def test_guard_allows(guard_run: dict, name: str) -> None:
    assert _outcome(guard_run, name) == "allowed"


def test_guard_left_no_trace(guard_run: dict) -> None:
    """Nothing the blocked operations tried exists; the prepared files are untouched."""
    work: Path = guard_run["_work"]
    assert sorted(p.name for p in work.iterdir()) == ["existing.txt", "existing_dir", "export.txt", "tree"]
    assert (work / "existing.txt").read_text(encoding="utf-8") == "hello"
    assert (work / "export.txt").read_text(encoding="utf-8") == "exported"
    assert [p.name for p in (work / "tree").iterdir()] == ["sub"]


def test_harden_facts(guard_run: dict) -> None:
    facts = guard_run["facts"]
    assert facts["ignored"] == ["PYTHONSTARTUP", "TEXTUAL", "TEXTUAL_FPS", "TEXTUAL_LOG"]
    assert facts["ignored_again"] == facts["ignored"], "a second harden() must still report every name"
    assert facts["env_left"] == ["TEXTUAL_ANIMATIONS"]
    assert facts["dont_write_bytecode"] is True
    assert facts["interactivehook"] is False, "the REPL history hook would write ~/.python_history"
    assert facts["guard_installed"] is True
    assert facts["textual_dev"] == "blocked"


# --------------------------------------------------------------------------- pure functions

def test_scrub_environment_removes_dangerous_variables() -> None:
    env = {"TEXTUAL": "devtools", "TEXTUAL_LOG": "/tmp/x", "TEXTUAL_SCREENSHOT": "1", "TEXTUAL_DRIVER": "os",
           "TEXTUAL_PRESS": "a", "TEXTUAL_DEBUG": "1", "TEXTUAL_SOMETHING_NEW": "1", "TEXTUAL_ANIMATIONS": "none",
           "PYTHONSTARTUP": "/tmp/s.py", "PATH": "/usr/bin", "LANG": "zh_CN.UTF-8", "TEXTUALISH": "keep"}
    had = "textual_dev" in sys.modules
    old = sys.modules.get("textual_dev")
    try:
        removed = privacy.scrub_environment(env)
        assert sys.modules["textual_dev"] is None
    finally:
        if had:
            sys.modules["textual_dev"] = old
        else:
            sys.modules.pop("textual_dev", None)
    assert removed == ("PYTHONSTARTUP", "TEXTUAL", "TEXTUAL_DEBUG", "TEXTUAL_DRIVER", "TEXTUAL_LOG",
                       "TEXTUAL_PRESS", "TEXTUAL_SCREENSHOT", "TEXTUAL_SOMETHING_NEW")
    assert env == {"TEXTUAL_ANIMATIONS": "none", "PATH": "/usr/bin", "LANG": "zh_CN.UTF-8", "TEXTUALISH": "keep"}


def test_scrub_environment_clean_env_is_untouched() -> None:
    env = {"PATH": "/usr/bin", "HOME": "/home/u"}
    old = sys.modules.get("textual_dev", "missing")
    try:
        assert privacy.scrub_environment(env) == ()
    finally:
        if old == "missing":
            sys.modules.pop("textual_dev", None)
        else:
            sys.modules["textual_dev"] = old  # type: ignore[assignment]
    assert env == {"PATH": "/usr/bin", "HOME": "/home/u"}


def test_dangerous_variables_cover_the_test_settings() -> None:
    for name in DANGEROUS_SETTINGS:
        assert name in privacy.DANGEROUS_VARIABLES


WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC


@pytest.mark.parametrize(("event", "args"), [
    ("open", ("/tmp/x", "w", WRITE)),
    ("open", ("/tmp/x", None, os.O_WRONLY | os.O_CREAT)),  # os.open passes no mode
    ("open", ("/tmp/x", None, os.O_RDONLY | os.O_CREAT)),
    ("open", ("/tmp/x", None, os.O_RDONLY | os.O_APPEND)),
    ("open", ("/tmp/x", "w", 0)),  # a C caller passing only a mode
    ("open", ("relative", None, os.O_WRONLY)),
    ("open", ("null", None, os.O_WRONLY)),
    ("open", ("/dev/pts/../../tmp/x", "w", WRITE)),
    ("open", (b"/tmp/x", "w", WRITE)),
    ("open", (Path("/tmp/x"), "w", WRITE)),
    ("open", (object(), "w", WRITE)),
    ("open", ("/dev/stdout", "w", WRITE)),
    ("os.mkdir", ("/tmp/d", 0o777, -1)),
    ("os.rename", ("/tmp/a", "/tmp/b", -1, -1)),
    ("os.remove", ("/tmp/a", -1)),
    ("os.truncate", (3, 0)),
    ("shutil.copyfile", ("/a", "/b")),
    ("syslog.openlog", ("x", 0, 8)),
    ("socket.__new__", (None, socket.AF_INET, socket.SOCK_STREAM, 0)),
    ("socket.__new__", (None, socket.AF_INET6, socket.SOCK_STREAM, 0)),
    ("socket.__new__", (None, 16, 3, 0)),  # AF_NETLINK
    ("socket.connect", (None, ("127.0.0.1", 9))),
    ("socket.connect", (None, "/dev/log")),
    ("socket.bind", (None, ("0.0.0.0", 0))),
    ("socket.sendto", (None, ("8.8.8.8", 53))),
    ("socket.getaddrinfo", ("example.com", 80, 0, 0, 0)),
    ("socket.gethostbyname", ("example.com",)),
    ("urllib.Request", ("http://example.com", None, {}, "GET")),
    ("subprocess.Popen", ("true", ["true"], None, None)),
    ("os.system", (b"true",)),
    ("os.exec", ("/bin/true", ["true"], None)),
    ("os.posix_spawn", ("/bin/true", ["true"], {})),
    ("os.fork", ()),
    ("webbrowser.open", ("http://example.com",)),
    ("cpython.run_interactivehook", (None,)),
    ("cpython.run_startup", ("/tmp/s.py",)),
])
def test_violation_flags(event: str, args: tuple) -> None:
    assert privacy._violation(event, args) is not None


@pytest.mark.parametrize(("event", "args"), [
    ("open", ("/etc/hosts", "r", os.O_RDONLY | os.O_CLOEXEC)),
    ("open", ("/etc/hosts", None, os.O_RDONLY)),
    ("open", ("/etc", None, os.O_RDONLY | os.O_DIRECTORY)),
    ("open", ("/dev/tty", "r+", os.O_RDWR)),
    ("open", ("/dev/null", "w", WRITE)),
    ("open", ("/dev/pts/3", None, os.O_RDWR)),
    ("open", (1, "w", os.O_WRONLY)),
    ("socket.__new__", (None, socket.AF_UNIX, socket.SOCK_STREAM, 0)),
    ("socket.__new__", (None, -1, -1, -1)),
    ("socket.sendto", (None, None)),
    ("socket.sendmsg", (None, None)),
    ("os.kill", (1234, 0)),
    ("os.listdir", ("/",)),
    ("os.scandir", ("/",)),
    ("os.chdir", ("/",)),
    ("socket.gethostname", ()),
    ("import", ("json", None, None, None, None)),
])
def test_violation_allows(event: str, args: tuple) -> None:
    assert privacy._violation(event, args) is None


def test_hook_raises_and_fails_closed() -> None:
    """The hook itself (called directly: it is never installed in pytest's process)."""
    with pytest.raises(privacy.PrivacyViolation, match="os.mkdir"):
        privacy._hook("os.mkdir", ("/tmp/d", 0o777, -1))
    with pytest.raises(privacy.PrivacyViolation, match="not understood"):
        privacy._hook("socket.connect", (None, (["unhashable"], 9)))
    assert privacy._hook("open", ("/etc/hosts", "r", os.O_RDONLY)) is None
    assert privacy._hook("os.kill", (1, 0)) is None


def test_allow_export_is_exact_and_temporary(tmp_path: Path) -> None:
    target = tmp_path / "export.md"
    assert privacy._violation("open", (str(target), "w", WRITE)) is not None
    with privacy.allow_export(target):
        assert privacy._violation("open", (str(target), "w", WRITE)) is None
        assert privacy._violation("open", (str(tmp_path / "other.md"), "w", WRITE)) is not None
    assert privacy._violation("open", (str(target), "w", WRITE)) is not None


@pytest.mark.parametrize("related", ["related: [labor.a, general.b]\n",
                                     "related:\n  - labor.a\n  - general.b\n",
                                     "related: []\n"])
def test_make_content_empties_related(related: str) -> None:
    from tests.privacy_helpers import _without_related

    text = f"id: labor.x\n{related}last_reviewed: 2026-01-01\n"
    assert _without_related(text) == "id: labor.x\nrelated: []\nlast_reviewed: 2026-01-01\n"


def test_pytest_process_has_no_guard() -> None:
    """The tests never install the hook in pytest's own process (it cannot be removed)."""
    assert not privacy.guard_installed()


# --------------------------------------------------------------------------- the CLI runs clean

CLEAN_RUNS = [
    pytest.param(["ask", "上访"], None, 1, id="ask-abstains"),
    pytest.param(["ask", "老板拖欠工资怎么办"], None, 0, id="ask"),
    pytest.param(["ask", "老板拖欠工资怎么办", "--json", "--cite-text"], None, 0, id="ask-json"),
    pytest.param(["ask", "-"], "上访\n老板拖欠工资怎么办\n\nMy boss has not paid me\n", 0, id="ask-batch"),
    pytest.param(["ask", "-", "--json"], "上访\n老板拖欠工资怎么办\n", 0, id="ask-batch-json"),
    pytest.param(["show", "labor.wage-arrears"], None, 0, id="show"),
    pytest.param(["show", "labor.wage-arrears", "--json", "--lang", "en"], None, 0, id="show-json"),
    pytest.param(["show", "labor.no-such-thing"], None, 1, id="show-unknown"),
    pytest.param(["topics"], None, 0, id="topics"),
    pytest.param(["topics", "--json"], None, 0, id="topics-json"),
    pytest.param(["law"], None, 0, id="law-list"),
    pytest.param(["law", "labor-contract-law"], None, 0, id="law"),
    pytest.param(["law", "labor-contract-law", "85"], None, 0, id="law-article"),
    pytest.param(["law", "labor-contract-law", "第九千条"], None, 1, id="law-no-article"),
    pytest.param(["law", "no-such-law"], None, 1, id="law-unknown"),
    pytest.param(["validate", "{content}"], None, 0, id="validate"),
    pytest.param(["validate"], None, 0, id="validate-content-option"),
    pytest.param(["privacy-check"], None, 0, id="privacy-check"),
]


def _args(args: list[str], content: Path) -> list[str]:
    """``{content}`` stands for the content folder; otherwise it is passed with --content."""
    if "{content}" in args:
        return [str(content) if arg == "{content}" else arg for arg in args]
    return [*args, "--content", str(content)]


def _assert_clean(proc: subprocess.CompletedProcess[str], expected: int, check_stdout: bool = True) -> None:
    detail = f"exit {proc.returncode}\nstdout:\n{proc.stdout[-1500:]}\nstderr:\n{proc.stderr[-3000:]}"
    assert "PrivacyViolation" not in proc.stderr, detail
    assert "privacy guard blocked" not in proc.stderr, detail
    if check_stdout:
        assert "privacy guard blocked" not in proc.stdout, detail
    assert "Traceback" not in proc.stderr, detail
    assert proc.returncode == expected, detail


@pytest.mark.parametrize(("args", "stdin", "expected"), CLEAN_RUNS)
def test_cli_runs_clean_under_the_guard(args: list[str], stdin: str | None, expected: int, content: Path,
                                        sandbox: dict[str, Path]) -> None:
    proc = run_rightsbot(_args(args, content), cwd=sandbox["work"], input=stdin,
                         env=clean_env(home=sandbox["home"]))
    _assert_clean(proc, expected, check_stdout=args[0] != "privacy-check")
    assert (proc.stdout if expected == 0 else proc.stdout + proc.stderr).strip()
    _assert_empty(sandbox["work"], sandbox["home"])


@pytest.mark.parametrize(("args", "expected"), [
    pytest.param([], 2, id="no-command-not-a-terminal"),
    pytest.param(["--version"], 0, id="version"),
    pytest.param(["--help"], 0, id="help"),
    pytest.param(["no-such-command"], 2, id="usage-error"),
    pytest.param(["ask", "上访", "--content", "/nonexistent/content"], 1, id="content-missing"),
    pytest.param(["ask", ""], 2, id="empty-question"),
])
def test_cli_error_paths_run_clean(args: list[str], expected: int, sandbox: dict[str, Path]) -> None:
    proc = run_rightsbot(args, cwd=sandbox["work"], env=clean_env(home=sandbox["home"]))
    _assert_clean(proc, expected)
    _assert_empty(sandbox["work"], sandbox["home"])


def test_cli_interrupted_runs_clean(content: Path, sandbox: dict[str, Path]) -> None:
    """Ctrl+C in the middle of a batch: exit 130, nothing written, no traceback."""
    proc = subprocess.Popen(rightsbot_argv("ask", "-", "--content", str(content)), cwd=sandbox["work"],
                            env=clean_env(home=sandbox["home"]), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdin and proc.stdout
    proc.stdin.write("老板拖欠工资怎么办\n".encode())
    proc.stdin.flush()
    seen = b""
    while b"-" * 40 not in seen:
        chunk = proc.stdout.read1(65536)  # type: ignore[attr-defined]
        if not chunk:
            proc.kill()
            pytest.fail(f"rightsbot ended before answering:\n{seen.decode()}\n{proc.communicate()[1].decode()}")
        seen += chunk
    proc.send_signal(signal.SIGINT)  # stdin stays open: the interrupt, not EOF, must end the run
    proc.wait(timeout=60)
    out, err = proc.communicate(timeout=60)
    result = subprocess.CompletedProcess(proc.args, proc.returncode, (seen + out).decode(), err.decode())
    _assert_clean(result, 130)
    _assert_empty(sandbox["work"], sandbox["home"])


# --------------------------------------------------------------------------- dangerous variables

def _dangerous(tmp_path: Path) -> dict[str, str]:
    settings = dict(DANGEROUS_SETTINGS)
    settings["TEXTUAL_LOG"] = str(tmp_path / "textual.log")
    return settings


@pytest.mark.parametrize("name", list(DANGEROUS_SETTINGS))
def test_dangerous_variable_is_ignored_and_reported(name: str, content: Path, sandbox: dict[str, Path],
                                                    tmp_path: Path) -> None:
    value = _dangerous(tmp_path)[name]
    proc = run_rightsbot(["ask", "老板拖欠工资怎么办", "--content", str(content)], cwd=sandbox["work"],
                         env=clean_env({name: value}, home=sandbox["home"]))
    _assert_clean(proc, 0)
    assert name in proc.stderr, f"stderr does not tell the user {name} was ignored:\n{proc.stderr}"
    assert not (tmp_path / "textual.log").exists()
    _assert_empty(sandbox["work"], sandbox["home"])


def test_all_dangerous_variables_together(content: Path, sandbox: dict[str, Path], tmp_path: Path) -> None:
    proc = run_rightsbot(["privacy-check", "--lang", "en"], cwd=sandbox["work"],
                         env=clean_env(_dangerous(tmp_path), home=sandbox["home"]))
    _assert_clean(proc, 0, check_stdout=False)
    listed = next(line for line in proc.stdout.splitlines() if line.startswith("Environment variables ignored"))
    for name in DANGEROUS_SETTINGS:
        assert name in proc.stderr
        assert name in listed
    assert not (tmp_path / "textual.log").exists()


# --------------------------------------------------------------------------- privacy-check

PROBE_KEYS = ("write", "mkdir", "socket", "lookup", "subprocess")


@pytest.mark.parametrize("lang", ["en", "zh", "auto"])
def test_privacy_check_reports_every_probe_blocked(lang: str, sandbox: dict[str, Path]) -> None:
    args = ["privacy-check"] + ([] if lang == "auto" else ["--lang", lang])
    proc = run_rightsbot(args, cwd=sandbox["work"], env=clean_env(home=sandbox["home"]))
    _assert_clean(proc, 0, check_stdout=False)
    out = proc.stdout
    assert "strace -f -e trace=%file,%network,%process rightsbot ask 上访" in out
    probe_lines = [line for line in out.splitlines() if line.startswith("  [")]
    assert len(probe_lines) == len(PROBE_KEYS), out
    if lang in ("en", "auto"):
        assert all("[blocked]" in line or "/ blocked]" in line for line in probe_lines), out
        assert "NOT BLOCKED" not in out and "WARNING" not in out
        assert "Result: all 5 probes were blocked" in out
        assert "Environment variables ignored: none" in out
    if lang in ("zh", "auto"):
        assert all("[已拦截" in line for line in probe_lines), out
        assert "未拦截" not in out
        assert "结果：5 项全部被拦截" in out
    if lang == "en":
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in out.replace("上访", "")), "--lang en printed Chinese"
    blocked_messages = [line for line in out.splitlines() if "privacy guard blocked" in line]
    assert len(blocked_messages) == len(PROBE_KEYS)
    _assert_empty(sandbox["work"], sandbox["home"])
    leftovers = [p for p in Path("/tmp").glob("rightsbot-privacy-check-*")]
    assert not leftovers, leftovers


def _context(lang: str = "en", ignored: tuple[str, ...] = ()):
    from rightsbot.cli.context import Context

    return Context(argparse.Namespace(lang=lang), ignored)


def test_privacy_check_is_loud_when_a_probe_is_not_blocked(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from rightsbot.cli import privacy_check

    def blocked() -> None:
        raise privacy.PrivacyViolation("rightsbot privacy guard blocked a test")

    probes = [privacy_check.Probe("write", blocked), privacy_check.Probe("socket", lambda: None),
              privacy_check.Probe("lookup", lambda: (_ for _ in ()).throw(OSError("refused")))]
    monkeypatch.setattr(privacy, "guard_installed", lambda: True)
    code = privacy_check.run(argparse.Namespace(), _context("en", ("TEXTUAL_LOG",)), probes)
    out, err = capsys.readouterr()
    assert code == 1
    assert out.count("!! NOT BLOCKED !!") == 2
    assert "[blocked] write a file" in out
    assert "reached the operating system (OSError: refused)" in out
    assert "!! WARNING: 2 probes were NOT blocked" in out and "!! WARNING" in err
    assert "Environment variables ignored: TEXTUAL_LOG" in out


def test_privacy_check_without_guard_tries_nothing(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from rightsbot.cli import privacy_check

    tried: list[str] = []
    monkeypatch.setattr(privacy, "guard_installed", lambda: False)
    code = privacy_check.run(argparse.Namespace(), _context("auto"),
                             [privacy_check.Probe("write", lambda: tried.append("write"))])
    out, err = capsys.readouterr()
    assert code == 1 and not tried
    assert "NOT on" in out and "隐私防护没有启用" in out and "NOT on" in err


def test_privacy_check_texts_are_bilingual() -> None:
    from rightsbot.cli import privacy_check
    from rightsbot.core.model import LocalText

    formatter = string.Formatter()
    for key, text in privacy_check.TEXTS.items():
        assert isinstance(text, LocalText), key
        assert text.zh.strip() and text.en.strip(), key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text.zh), f"{key}: zh text has no Chinese"
        fields = [{name for _, name, _, _ in formatter.parse(t) if name} for t in (text.zh, text.en)]
        assert fields[0] == fields[1], f"{key}: placeholders differ between zh and en"
    for probe in privacy_check.PROBES:
        assert f"probe.{probe.key}" in privacy_check.TEXTS


def test_privacy_check_is_registered() -> None:
    from rightsbot.cli.main import build_parser

    args = build_parser().parse_args(["privacy-check"])
    from rightsbot.cli import privacy_check

    assert args.run is privacy_check.run


# --------------------------------------------------------------------------- the test run itself

def test_no_bytecode_written_into_the_package() -> None:
    """Neither pytest's imports nor the subprocesses left __pycache__ in the package."""
    after = {str(p) for p in PACKAGE_PARENT.joinpath("rightsbot").rglob("__pycache__")}
    assert after <= _PYCACHE_BEFORE, sorted(after - _PYCACHE_BEFORE)
