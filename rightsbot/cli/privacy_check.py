"""``rightsbot privacy-check``: show, inside this process, that the privacy guard blocks leaks.

It tries five things that would break the promise (write a file in the temp folder,
create a directory, open a socket to 127.0.0.1, look up a host name, start a
subprocess), reports each as blocked or, loudly, as NOT blocked (exit code 1), lists the
environment variables that were ignored, and tells the person how to check from outside
with strace. It never needs the knowledge base, so it works even when content is broken.

A probe that is not blocked cleans up after itself (it only removes what it created).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rightsbot import privacy
from rightsbot.core.model import LocalText

from .context import EXIT_NOT_FOUND, EXIT_OK, Context

#: The command a person can run to watch rightsbot from outside the process.
STRACE_COMMAND = "strace -f -e trace=%file,%network,%process rightsbot ask 上访"

TEXTS: dict[str, LocalText] = {
    "help": LocalText("隐私自检", "check that rightsbot saves and sends nothing"),
    "description": LocalText(
        "在本进程内尝试写文件、建目录、联网、查询域名和启动子进程，确认隐私防护把每一项都拦下。",
        "Try, inside this process, to write a file, create a directory, open a network socket, look up "
        "a host name and start a subprocess, and confirm the privacy guard blocks each."),
    "title": LocalText("rightsbot 隐私自检", "rightsbot privacy check"),
    "intro": LocalText("在本进程内尝试以下会泄露信息的操作，每一项都应被隐私防护拦下：",
                       "Trying, inside this process, each of these things that would leak; the privacy "
                       "guard must block every one:"),
    "guard.on": LocalText("隐私防护：已启用（审计钩子、不写字节码、已清理环境变量）",
                          "Privacy guard: on (audit hook, no bytecode files, environment scrubbed)"),
    "guard.off": LocalText("!! 隐私防护没有启用：本进程没有安装审计钩子。为避免真的泄露，未做任何尝试。 !!",
                           "!! The privacy guard is NOT on: this process has no audit hook. Nothing was tried, "
                           "so that nothing leaks. !!"),
    "probe.write": LocalText("在临时目录中写入一个文件", "write a file in the temp folder"),
    "probe.mkdir": LocalText("创建一个目录", "create a directory"),
    "probe.socket": LocalText("打开到 127.0.0.1 的网络连接", "open a network socket to 127.0.0.1"),
    "probe.lookup": LocalText("查询主机名（localhost）", "look up a host name (localhost)"),
    "probe.subprocess": LocalText("启动一个子进程", "start a subprocess"),
    "status.blocked": LocalText("已拦截", "blocked"),
    "status.not_blocked": LocalText("!! 未拦截 !!", "!! NOT BLOCKED !!"),
    "env.ignored": LocalText("已忽略的环境变量：{names}", "Environment variables ignored: {names}"),
    "env.none": LocalText("无", "none"),
    "env.watched": LocalText("总会被忽略的变量：{names}，以及除 {kept} 以外的所有 TEXTUAL_* 变量。",
                             "Always ignored: {names}, and every TEXTUAL_* variable except {kept}."),
    "strace.heading": LocalText("从外部核实（需要安装 strace）：", "To verify from outside (needs strace):"),
    "strace.expect": LocalText(
        "输出里不应出现：以写方式打开文件（O_WRONLY、O_RDWR、O_CREAT、O_APPEND、O_TRUNC；/dev/tty、"
        "/dev/pts/*、/dev/null 除外）、mkdir、rename、unlink、AF_UNIX 以外的 socket、connect，"
        "以及第一个之后的 execve。",
        "The output must show no open for writing (O_WRONLY, O_RDWR, O_CREAT, O_APPEND, O_TRUNC; "
        "/dev/tty, /dev/pts/*, /dev/null excepted), no mkdir, rename or unlink, no socket other than "
        "AF_UNIX, no connect, and no execve after the first."),
    "note": LocalText("这是进程内的检查：它说明防护在起作用，但不能代替从外部用 strace 核实。",
                      "This checks from inside: it shows the guard works, but is no substitute for checking "
                      "from outside with strace."),
    "result.ok": LocalText("结果：{n} 项全部被拦截，没有写入、联网或启动进程。",
                           "Result: all {n} probes were blocked; nothing was written, sent or started."),
    "result.failed": LocalText(
        "!! 警告：有 {n} 项没有被拦截，隐私防护失效。请不要用 rightsbot 处理敏感问题，并报告这个问题。 !!",
        "!! WARNING: {n} probes were NOT blocked; the privacy guard is not working. Do not use rightsbot "
        "for sensitive questions, and report this. !!"),
}


@dataclass(frozen=True)
class Probe:
    """One thing that must be blocked."""

    key: str
    """Short id, also the key of its label in :data:`TEXTS` (``probe.<key>``)."""
    attempt: Callable[[], None]
    """Tries the operation; returns or raises anything but PrivacyViolation when not blocked."""


@dataclass(frozen=True)
class ProbeResult:
    """What happened when one probe ran."""

    key: str
    """The probe's key."""
    blocked: bool
    """True when the privacy guard stopped it."""
    detail: str
    """The guard's message, or what happened instead."""


def _temp_dir() -> str:
    # Not tempfile.gettempdir(): on first use it writes a test file to find a writable folder.
    for name in ("TMPDIR", "TEMP", "TMP"):
        value = os.environ.get(name)
        if value and os.path.isdir(value):
            return value
    return "/tmp" if os.path.isdir("/tmp") else os.getcwd()


def _probe_path(suffix: str) -> str:
    return os.path.join(_temp_dir(), f"rightsbot-privacy-check-{os.getpid()}{suffix}")


def _undo(action: Callable[[str], None], path: str) -> None:
    try:
        action(path)
    except Exception:  # noqa: BLE001 - best effort; the failure is already reported
        pass


def _try_write() -> None:
    path = _probe_path(".txt")
    handle = open(path, "x", encoding="utf-8")  # noqa: SIM115 - "x": never touch an existing file
    try:
        handle.write("rightsbot privacy-check\n")
    finally:
        handle.close()
        _undo(os.remove, path)


def _try_mkdir() -> None:
    path = _probe_path(".d")
    os.mkdir(path)
    _undo(os.rmdir, path)


def _try_socket() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        sock.connect(("127.0.0.1", 9))  # the discard port; refused is as bad as accepted


def _try_lookup() -> None:
    socket.getaddrinfo("localhost", 80)  # from /etc/hosts: no traffic even if not blocked


def _try_subprocess() -> None:
    subprocess.run([sys.executable, "-I", "-S", "-B", "-c", ""], check=False, timeout=30)


PROBES: tuple[Probe, ...] = (
    Probe("write", _try_write),
    Probe("mkdir", _try_mkdir),
    Probe("socket", _try_socket),
    Probe("lookup", _try_lookup),
    Probe("subprocess", _try_subprocess),
)


def run_probe(probe: Probe) -> ProbeResult:
    """Run one probe; only a PrivacyViolation counts as blocked."""
    try:
        probe.attempt()
    except privacy.PrivacyViolation as exc:
        return ProbeResult(probe.key, True, str(exc))
    except Exception as exc:  # noqa: BLE001 - it reached the operating system: not blocked
        return ProbeResult(probe.key, False, f"reached the operating system ({type(exc).__name__}: {exc})")
    return ProbeResult(probe.key, False, "succeeded")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``privacy-check`` subcommand."""
    parser = sub.add_parser(
        "privacy-check",
        help=f"{TEXTS['help'].en} / {TEXTS['help'].zh}",
        description=f"{TEXTS['description'].en} / {TEXTS['description'].zh}")
    parser.set_defaults(run=run)


def _langs(ctx: Context) -> list[str]:
    return [ctx.lang] if ctx.lang in ("zh", "en") else ["zh", "en"]


def _lines(ctx: Context, key: str, **values: object) -> list[str]:
    """One line per language shown (both for ``--lang auto``)."""
    return [TEXTS[key].get(lang).format(**values) for lang in _langs(ctx)]


def _short(ctx: Context, key: str) -> str:
    """A short text on one line: ``中文 / English`` for ``--lang auto``."""
    return " / ".join(TEXTS[key].get(lang) for lang in _langs(ctx))


def report(ctx: Context, results: Sequence[ProbeResult] | None, total: int = len(PROBES)) -> list[str]:
    """The report as lines; ``results`` is None when the guard is not installed (nothing tried)."""
    lines = _lines(ctx, "title") + [""]
    lines += _lines(ctx, "guard.on" if results is not None else "guard.off")
    if results is not None:
        lines += [""] + _lines(ctx, "intro")
        for result in results:
            status = _short(ctx, "status.blocked" if result.blocked else "status.not_blocked")
            lines.append(f"  [{status}] {_short(ctx, 'probe.' + result.key)}")
            lines.append(f"      {result.detail}")
    lines.append("")
    names = ", ".join(ctx.ignored_env)
    for lang in _langs(ctx):
        lines.append(TEXTS["env.ignored"].get(lang).format(names=names or TEXTS["env.none"].get(lang)))
    lines += _lines(ctx, "env.watched", names=", ".join(privacy.DANGEROUS_VARIABLES),
                    kept=", ".join(privacy.KEPT_TEXTUAL_VARIABLES))
    lines += [""] + _lines(ctx, "strace.heading") + ["", "    " + STRACE_COMMAND, ""]
    lines += _lines(ctx, "strace.expect") + _lines(ctx, "note") + [""]
    failed = _failed(results, total)
    if failed:
        lines += _lines(ctx, "result.failed", n=failed)
    else:
        lines += _lines(ctx, "result.ok", n=total)
    return lines


def _failed(results: Sequence[ProbeResult] | None, total: int) -> int:
    return total if results is None else sum(not r.blocked for r in results)


def run(args: argparse.Namespace, ctx: Context, probes: Sequence[Probe] = PROBES) -> int:
    """Run every probe and print the report; exit code 1 if anything was not blocked."""
    results = [run_probe(probe) for probe in probes] if privacy.guard_installed() else None
    ctx.out("\n".join(report(ctx, results, len(probes))))
    failed = _failed(results, len(probes))
    if not failed:
        return EXIT_OK
    for line in _lines(ctx, "guard.off" if results is None else "result.failed", n=failed):
        ctx.err(line)  # loud on stderr too, in case stdout goes to a pipe nobody reads
    return EXIT_NOT_FOUND
