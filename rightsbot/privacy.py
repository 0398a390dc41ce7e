"""The privacy guard: rightsbot writes no file, opens no network socket and starts no process.

People who use rightsbot may be watched; a question about 上访 or 强拆 left on a disk can
hurt them. This module turns that promise into mechanism, and runs first thing in the
entry point, before ``textual`` is imported:

1. :func:`scrub_environment` removes the variables that make Textual log keystrokes,
   save screenshots, connect to a devtools server or load foreign drivers, and makes
   ``textual_dev`` unimportable;
2. ``sys.dont_write_bytecode`` stops Python writing ``__pycache__`` files;
3. :func:`install_guard` adds a PEP 578 audit hook that raises :class:`PrivacyViolation`
   on every write-mode open, file-system change, non-AF_UNIX socket, name lookup,
   subprocess/exec/spawn and browser launch. Reads stay allowed.

The hook is a tripwire, not a sandbox (ctypes, C extensions and already-open descriptors
pass): the scrub is the real fix, the hook makes a regression fail loudly. It imports
nothing from the UI.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

#: Environment variables that would make the UI record or leak the session.
DANGEROUS_VARIABLES: tuple[str, ...] = (
    "TEXTUAL", "TEXTUAL_LOG", "TEXTUAL_DEVTOOLS_HOST", "TEXTUAL_DEVTOOLS_PORT",
    "TEXTUAL_SCREENSHOT", "TEXTUAL_SCREENSHOT_LOCATION", "TEXTUAL_SCREENSHOT_FILENAME",
    "TEXTUAL_DRIVER", "TEXTUAL_PRESS", "TEXTUAL_DEBUG", "TEXTUAL_SHOW_RETURN",
    "TEXTUAL_SHOW_HEADER", "PYTHONSTARTUP",
)
#: Modules that must never load: textual_dev connects a websocket to a devtools console.
BLOCKED_MODULES: tuple[str, ...] = ("textual_dev",)

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
#: Paths that may be opened for writing: the terminal itself and the null device.
ALLOWED_WRITE_PATHS: tuple[str, ...] = ("/dev/tty", "/dev/null")
_ALLOWED_WRITE_PREFIXES: tuple[str, ...] = ("/dev/pts/",)

_FILESYSTEM_EVENTS = frozenset({
    "os.mkdir", "os.rmdir", "os.remove", "os.unlink", "os.rename", "os.link", "os.symlink",
    "os.truncate", "os.chmod", "os.chown", "os.utime", "os.mkfifo", "os.mknod",
    "shutil.copyfile", "shutil.copymode", "shutil.copystat", "shutil.copytree", "shutil.move",
    "shutil.rmtree", "shutil.make_archive", "shutil.unpack_archive", "shutil.chown",
    "tempfile.mkstemp", "tempfile.mkdtemp", "sqlite3.connect", "dbm.open",
})
_PROCESS_EVENTS = frozenset({
    "subprocess.Popen", "os.system", "os.exec", "os.spawn", "os.posix_spawn", "os.fork",
    "os.forkpty", "os.startfile", "pty.spawn", "webbrowser.open", "os.kill", "os.killpg",
})
_LOOKUP_EVENTS = frozenset({
    "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.gethostbyname_ex", "socket.getnameinfo", "socket.sethostname",
})


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


def scrub_environment(environ: dict[str, str] | None = None) -> tuple[str, ...]:
    """Remove dangerous variables from the environment and block devtools modules.

    Returns the names removed, sorted, so the user can be told which were ignored.
    """
    env = os.environ if environ is None else environ
    removed = sorted(name for name in list(env) if name in DANGEROUS_VARIABLES
                     or (name.startswith("TEXTUAL_") and name not in ("TEXTUAL_ANIMATIONS",)))
    for name in removed:
        del env[name]
    for module in BLOCKED_MODULES:
        sys.modules[module] = None  # type: ignore[assignment]  # makes 'import textual_dev' fail
    return tuple(removed)


def _is_write(mode: object, flags: object) -> bool:
    if isinstance(flags, int) and flags >= 0:
        return bool(flags & _WRITE_FLAGS)
    return isinstance(mode, str) and any(ch in mode for ch in "wax+")


def _path_allowed_for_write(path: object) -> bool:
    if isinstance(path, int):
        return True  # an already-open descriptor (stdout, the terminal)
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, str):
        return False
    if path in ALLOWED_WRITE_PATHS or path in _allowed_exports:
        return True
    return path.startswith(_ALLOWED_WRITE_PREFIXES)


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
    if event == "socket.__new__":
        family = args[1] if len(args) > 1 else None
        if family not in (socket.AF_UNIX, -1, None):
            return f"network socket (family {family})"
        return None
    if event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
        address = args[1] if len(args) > 1 else None
        if not isinstance(address, (str, bytes)):
            return f"network {event.split('.')[1]} to {address!r}"
        return None
    return None


def _hook(event: str, args: tuple[object, ...]) -> None:
    if getattr(_state, "busy", False):
        return
    reason = _violation(event, args)
    if reason is not None:
        _state.busy = True
        try:
            raise PrivacyViolation(f"rightsbot privacy guard blocked {reason}")
        finally:
            _state.busy = False


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
def allow_export(path: str) -> Iterator[None]:
    """Allow writing exactly ``path`` for the duration of an explicit user export."""
    _allowed_exports.add(path)
    try:
        yield
    finally:
        _allowed_exports.discard(path)


def harden() -> HardeningReport:
    """Run everything above, in order. Call before importing textual or any app module."""
    sys.dont_write_bytecode = True
    ignored = scrub_environment()
    install_guard()
    return HardeningReport(ignored)
