"""Shared fixtures: a small, valid content folder to break in controlled ways, and a CLI runner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # the test run writes no __pycache__ into the checkout
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from rightsbot.core.loader import default_content_dir

# hypothesis must not write its example database (or anything else) into the checkout
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="rightsbot-hypothesis-"))
settings.register_profile("rightsbot", database=None, deadline=None)
settings.load_profile("rightsbot")

CONTENT = default_content_dir()
SAMPLE_ENTRY = CONTENT / "topics" / "labor" / "wage-arrears.yaml"
SAMPLE_LAWS = ("labor-security-supervision-regulations", "labor-dispute-mediation-arbitration-law",
               "labor-contract-law", "administrative-reconsideration-law", "criminal-law")


@pytest.fixture
def mini_content(tmp_path: Path) -> Path:
    """A valid content folder with one entry and a few laws, copied from the shipped content."""
    root = tmp_path / "content"
    (root / "topics" / "labor").mkdir(parents=True)
    (root / "laws").mkdir()
    shutil.copy(CONTENT / "categories.yaml", root)
    shutil.copy(CONTENT / "hotlines.yaml", root)
    for slug in SAMPLE_LAWS:
        shutil.copy(CONTENT / "laws" / f"{slug}.md", root / "laws")
    text = SAMPLE_ENTRY.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("related:")]
    (root / "topics" / "labor" / "wage-arrears.yaml").write_text("\n".join(lines + ["related: []", ""]),
                                                                 encoding="utf-8")
    return root


@dataclass(frozen=True)
class Run:
    """The outcome of one CLI run in a subprocess."""

    code: int
    """Exit code."""
    out: str
    """Standard output."""
    err: str
    """Standard error."""


def run_cli(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None,
            timeout: float = 60) -> Run:
    """Run ``python -m rightsbot ARGS`` in a clean temporary directory, as a user would."""
    full_env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}
    full_env.update(env or {})
    cwd = Path(os.environ.get("TMPDIR", "/tmp"))
    proc = subprocess.run([sys.executable, "-m", "rightsbot", *args], input=stdin, capture_output=True,
                          env=full_env, cwd=cwd, timeout=timeout)
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


@pytest.fixture
def cli():
    """The CLI runner."""
    return run_cli
