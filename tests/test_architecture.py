"""The layering the package promises: only ``rightsbot.tui`` may import textual.

The CLI, the domain modules and the privacy guard must work (and be importable) without
the UI toolkit, so the guard runs before textual is ever loaded.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # before any import from the checkout

import json  # noqa: E402
import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

from tests.privacy_helpers import clean_env  # noqa: E402

IMPORT_CHECK = r'''
import importlib, json, pkgutil, sys
import rightsbot

# Every module outside the UI package: core, search, deadlines, privacy, entry, cli ...
# (not pkgutil.walk_packages: it would import rightsbot.tui to look inside it)
names, failed = [], {}

def walk(path, prefix):
    for info in pkgutil.iter_modules(path, prefix):
        if info.name.startswith(("rightsbot.tui", "rightsbot.__main__")):
            continue
        names.append(info.name)
        try:
            module = importlib.import_module(info.name)
        except Exception as exc:  # reported, so a broken module is not mistaken for a clean one
            failed[info.name] = f"{type(exc).__name__}: {exc}"
            continue
        if info.ispkg:
            walk(module.__path__, info.name + ".")

walk(rightsbot.__path__, "rightsbot.")
from rightsbot.cli.main import build_parser
build_parser()  # registers every command, optional ones included
print(json.dumps({"imported": names, "failed": failed,
                  "ui": sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "textual_dev"))}))
'''


def test_domain_and_cli_import_without_textual(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", IMPORT_CHECK], cwd=tmp_path, env=clean_env(),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    for name in ("rightsbot.core.model", "rightsbot.core.loader", "rightsbot.search", "rightsbot.privacy",
                 "rightsbot.cli.main", "rightsbot.cli.privacy_check"):
        assert name in result["imported"], name
    assert not result["failed"], result["failed"]
    assert result["ui"] == [], f"imported textual: {result['ui']}"


def test_privacy_module_imports_nothing_from_rightsbot_or_the_ui(tmp_path: Path) -> None:
    """The guard loads first, so it must stand alone."""
    code = ("import sys; import rightsbot.privacy; "
            "print(sorted(m for m in sys.modules if m.startswith(('rightsbot.', 'textual'))))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=clean_env(), capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "['rightsbot.privacy']"

