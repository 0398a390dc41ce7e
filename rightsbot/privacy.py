"""The privacy guard: rightsbot writes no file, opens no network socket and starts no process.

People who use rightsbot may be watched; a question about 上访 or 强拆 left on a disk can
hurt them. This module turns that promise into mechanism, and runs first thing in the
entry point, before ``textual`` is imported:

1. :func:`scrub_environment` removes the variables that make Textual log keystrokes,
   save screenshots, connect to a devtools server or load foreign drivers, and makes
   ``textual_dev`` unimportable;
2. ``sys.dont_write_bytecode`` stops Python writing ``__pycache__`` files, and the REPL's
   history hook (``sys.__interactivehook__``, which would write ``~/.python_history`` if
   ``python -i`` or ``PYTHONINSPECT`` opened a prompt after the program) is removed;
3. :func:`install_guard` adds a PEP 578 audit hook that raises :class:`PrivacyViolation`
   on every write-mode open, file-system change, network socket, connect/bind, name
   lookup, subprocess/exec/spawn/fork, browser launch and system-log write.
   Reads stay allowed, and so do AF_UNIX socket pairs (asyncio's self-pipe).

The event names are the ones CPython 3.11 really raises (see the "Audit events table" of
the Python docs); a name that does not exist would be a silent hole, so the tests check
each guarded operation raises.

The hook is a tripwire, not a sandbox (ctypes, C extensions and already-open descriptors
pass; ``readline.write_history_file`` raises no audit event in 3.11): the scrub is the real
fix, the hook makes a regression fail loudly. It imports nothing from the UI.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass

#: Environment variables that would make the UI record or leak the session. Every other
#: ``TEXTUAL_*`` variable is removed as well (see :data:`KEPT_TEXTUAL_VARIABLES`).
DANGEROUS_VARIABLES: tuple[str, ...] = (
    "TEXTUAL", "TEXTUAL_LOG", "TEXTUAL_DEVTOOLS_HOST", "TEXTUAL_DEVTOOLS_PORT",
    "TEXTUAL_SCREENSHOT", "TEXTUAL_SCREENSHOT_LOCATION", "TEXTUAL_SCREENSHOT_FILENAME",
    "TEXTUAL_DRIVER", "TEXTUAL_PRESS", "TEXTUAL_DEBUG", "TEXTUAL_SHOW_RETURN",
    "TEXTUAL_SHOW_HEADER", "PYTHONSTARTUP",
)
#: ``TEXTUAL_*`` variables that only change how the screen looks, and are kept.
KEPT_TEXTUAL_VARIABLES: tuple[str, ...] = ("TEXTUAL_ANIMATIONS",)
#: Modules that must never load: textual_dev connects a websocket to a devtools console.
BLOCKED_MODULES: tuple[str, ...] = ("textual_dev",)

#: ``open`` flags that create or change a file. (O_TMPFILE needs O_WRONLY or O_RDWR.)
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
#: Paths that may be opened for writing: the terminal itself and the null device.
ALLOWED_WRITE_PATHS: tuple[str, ...] = ("/dev/tty", "/dev/null")
_ALLOWED_WRITE_PREFIXES: tuple[str, ...] = ("/dev/pts/",)

# Audit events of CPython 3.11 (all platforms; the Windows- and BSD-only ones never fire on
# Linux but keep the promise where they exist).
_FILESYSTEM_EVENTS = frozenset({
    "os.mkdir", "os.rmdir", "os.remove",  # os.remove also covers os.unlink, Path.unlink
    "os.rename",  # also os.replace, Path.rename/replace
    "os.link", "os.symlink", "os.truncate",  # os.truncate also covers os.ftruncate
    "os.chmod", "os.chown", "os.utime", "os.chflags", "os.setxattr", "os.removexattr",
    "shutil.copyfile", "shutil.copymode", "shutil.copystat", "shutil.copytree", "shutil.move",
    "shutil.rmtree", "shutil.make_archive", "shutil.unpack_archive", "shutil.chown",
    "tempfile.mkstemp", "tempfile.mkdtemp", "sqlite3.connect",
    "syslog.openlog", "syslog.syslog",  # the system log is a file someone else keeps
})
_PROCESS_EVENTS = frozenset({
    "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.fork", "os.forkpty",
    "pty.spawn", "webbrowser.open", "os.spawn", "os.startfile",  # the last two: Windows
    "cpython.run_interactivehook", "cpython.run_startup",  # REPL history, PYTHONSTARTUP
})
_LOOKUP_EVENTS = frozenset({
    "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.gethostbyname_ex", "socket.getnameinfo",
})
_NETWORK_EVENTS = frozenset({
    "socket.sethostname", "urllib.Request", "http.client.connect", "ftplib.connect",
    "smtplib.connect", "imaplib.open", "nntplib.connect", "poplib.connect", "telnetlib.Telnet.open",
})
_SOCKET_ADDRESS_EVENTS = frozenset({"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"})
_WATCHED = (_FILESYSTEM_EVENTS | _PROCESS_EVENTS | _LOOKUP_EVENTS | _NETWORK_EVENTS
            | _SOCKET_ADDRESS_EVENTS | {"open", "socket.__new__"})
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1"})


class PrivacyViolation(RuntimeError):
    """Raised by the audit hook when code tries to write, connect or spawn."""


@dataclass(frozen=True)
class HardeningReport:
    """What :func:`harden` changed, so the faces can tell the user once."""

    ignored_variables: tuple[str, ...]
    """Names of environment variables removed because they could record the session."""


_state = threading.local()
_installed = False
_allowed_exports: set[str] = set()
_ignored: set[str] = set()


def scrub_environment(environ: MutableMapping[str, str] | None = None) -> tuple[str, ...]:
    """Remove dangerous variables from the environment and block devtools modules.

    Returns the names removed, sorted, so the user can be told which were ignored.
    """
    env = os.environ if environ is None else environ
    removed = sorted(name for name in list(env) if name in DANGEROUS_VARIABLES
                     or (name.startswith("TEXTUAL_") and name not in KEPT_TEXTUAL_VARIABLES))
    for name in removed:
        del env[name]
    for module in BLOCKED_MODULES:
        sys.modules[module] = None  # type: ignore[assignment]  # makes 'import textual_dev' fail
    return tuple(removed)


def _is_write(mode: object, flags: object) -> bool:
    """Whether an ``open`` event creates or changes a file.

    The flags decide (``os.open`` passes no mode at all); the mode string is checked as
    well because some C callers pass ``flags=0`` with a mode such as ``'w'``.
    """
    if isinstance(flags, int) and flags > 0 and flags & _WRITE_FLAGS:
        return True
    return isinstance(mode, str) and any(ch in mode for ch in "wax+")


def _as_str(path: object) -> str | None:
    """``path`` (str, bytes or path-like) as a string, or None if it is not a path."""
    try:
        value = os.fspath(path)  # type: ignore[arg-type]
    except TypeError:
        return None
    return os.fsdecode(value) if isinstance(value, bytes) else value


def _absolute(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


def _path_allowed_for_write(path: object) -> bool:
    if isinstance(path, int) and not isinstance(path, bool):
        return True  # an already-open descriptor (stdout, the terminal)
    raw = _as_str(path)
    if raw is None:
        return False
    full = _absolute(raw)  # normalised, so /dev/pts/../../tmp/x is /tmp/x
    if full in _allowed_exports:
        return True
    if not os.path.isabs(raw):
        return False  # a relative path may be resolved against a dir_fd the event does not show
    return full in ALLOWED_WRITE_PATHS or full.startswith(_ALLOWED_WRITE_PREFIXES)


def _in_socketpair_emulation() -> bool:
    """Whether the Python-level ``socket.socketpair`` fallback is running.

    Where the C library has no socketpair (Windows), ``socket.socketpair`` builds one from
    two AF_INET sockets on the loopback interface; asyncio's self-pipe depends on it.
    """
    frame = sys._getframe(1)
    for _ in range(8):
        if frame is None:
            return False
        if (frame.f_code.co_name in ("socketpair", "_fallback_socketpair")
                and frame.f_globals.get("__name__") == "socket"):
            return True
        frame = frame.f_back
    return False


def _family_name(family: object) -> str:
    try:
        return socket.AddressFamily(family).name  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return f"family {family!r}"


def _violation(event: str, args: tuple[object, ...]) -> str | None:
    """Why ``event`` breaks the promise, or None if it is allowed."""
    if event == "open":
        path, mode, flags = (list(args) + [None, None, None])[:3]
        if _is_write(mode, flags) and not _path_allowed_for_write(path):
            return f"open for writing: {path!r}"
        return None
    if event in _FILESYSTEM_EVENTS:
        return f"file-system change ({event})"
    if event in _PROCESS_EVENTS:
        return f"process start ({event})"
    if event in _LOOKUP_EVENTS:
        return f"network name lookup ({event})"
    if event in _NETWORK_EVENTS:
        return f"network access ({event})"
    if event == "socket.__new__":
        family = args[1] if len(args) > 1 else None
        if family in (socket.AF_UNIX, -1, None):
            return None  # -1: wrapping an already-open descriptor (socket(fileno=...))
        if family in (socket.AF_INET, getattr(socket, "AF_INET6", None)) and _in_socketpair_emulation():
            return None
        return f"network socket ({_family_name(family)})"
    if event in _SOCKET_ADDRESS_EVENTS:
        address = args[1] if len(args) > 1 else None
        if event in ("socket.sendto", "socket.sendmsg") and address is None:
            return None  # sending on a connected socket (a socketpair end)
        if (event in ("socket.connect", "socket.bind") and isinstance(address, tuple) and address
                and address[0] in _LOOPBACK_HOSTS and _in_socketpair_emulation()):
            return None
        # Named AF_UNIX endpoints are blocked too: /dev/log (syslog), D-Bus and other
        # daemons would receive, and may keep, what is sent to them.
        return f"network {event.split('.')[1]} to {address!r}"
    return None


def _hook(event: str, args: tuple[object, ...]) -> None:
    if event not in _WATCHED or getattr(_state, "busy", False):
        return
    _state.busy = True  # events raised while judging this one are our own
    try:
        reason = _violation(event, args)
    except Exception as exc:  # noqa: BLE001 - arguments we cannot judge: fail closed
        reason = f"{event} (arguments not understood: {type(exc).__name__})"
    finally:
        _state.busy = False
    if reason is not None:
        raise PrivacyViolation(f"rightsbot privacy guard blocked {reason}")


def install_guard() -> None:
    """Install the audit hook (once per process; audit hooks cannot be removed)."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True


def guard_installed() -> bool:
    """Whether this process runs under the guard."""
    return _installed


@contextmanager
def allow_export(path: str | os.PathLike[str]) -> Iterator[None]:
    """Allow writing exactly ``path`` for the duration of an explicit user export."""
    raw = _as_str(path)
    if raw is None:
        raise TypeError(f"not a path: {path!r}")
    full = _absolute(raw)
    _allowed_exports.add(full)
    try:
        yield
    finally:
        _allowed_exports.discard(full)


def harden() -> HardeningReport:
    """Run everything above, in order. Call before importing textual or any app module.

    Safe to call more than once; the report always names every variable removed so far.
    """
    sys.dont_write_bytecode = True
    if hasattr(sys, "__interactivehook__"):
        del sys.__interactivehook__  # would register writing ~/.python_history at exit
    _ignored.update(scrub_environment())
    install_guard()
    return HardeningReport(tuple(sorted(_ignored)))
