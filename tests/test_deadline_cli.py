"""``rightsbot deadline`` and the deadline part of ``rightsbot validate``, through a subprocess.

The content used is a copy of the shipped statutes and rules *without* ``calendar/``, so the
expected dates (hand-computed in tests/test_deadlines.py) do not change when an author adds
a year's schedule to the shipped content.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from rightsbot.core.loader import default_content_dir

CONTENT = default_content_dir()


@dataclass(frozen=True)
class Run:
    """The outcome of one CLI run."""

    code: int
    """Exit code."""
    out: str
    """Standard output."""
    err: str
    """Standard error."""


def rightsbot(*args: str, cwd: Path | None = None) -> Run:
    """Run ``python -m rightsbot ARGS`` as a user would."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "rightsbot", *args], capture_output=True, env=env,
                          cwd=cwd or Path(os.environ.get("TMPDIR", "/tmp")), timeout=120)
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Statutes and deadline rules, no calendar files."""
    root = tmp_path_factory.mktemp("deadline-content")
    shutil.copytree(CONTENT / "laws", root / "laws")
    shutil.copytree(CONTENT / "deadlines", root / "deadlines")
    return root


def deadline(content: Path, *args: str) -> Run:
    return rightsbot("deadline", "--content", str(content), *args)


def as_json(run: Run) -> dict:
    assert run.code == 0, run.err
    return json.loads(run.out)


# --- results ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("rule", "start", "expected", "calendar"), [
    ("civil.appeal-judgment", "2026-02-05", "2026-02-24", "official"),       # 春节
    ("civil.appeal-ruling", "2026-02-04", "2026-02-14", "official"),         # make-up Saturday
    ("admin-litigation.after-reconsideration", "2026-09-18", "2026-10-08", "official"),  # 国庆
    ("admin-litigation.sue", "2025-08-31", "2026-02-28", "official"),        # month end
    ("labor.arbitration", "2024-02-29", "2025-02-28", "official"),           # 29 Feb + 1 year
    ("admin-reconsideration.apply", "2026-12-01", "2027-02-01", "weekends-only"),
    ("gov-info.reply", "2026-12-20", "2027-01-15", "mixed"),
])
def test_deadline_json(content: Path, rule, start, expected, calendar) -> None:
    data = as_json(deadline(content, rule, "--from", start, "--json"))
    assert (data["rule"], data["from"], data["deadline"], data["calendar"]) == (rule, start, expected, calendar)


def test_json_shape(content: Path) -> None:
    data = as_json(deadline(content, "admin-reconsideration.decision", "--from", "2026-08-03", "--json"))
    assert {"rule", "from", "deadline", "calendar", "steps", "citations", "extended_deadline"} <= set(data)
    assert data["deadline"] == "2026-10-08" and data["extended_deadline"] == "2026-11-02"
    assert data["calendar"] in ("official", "weekends-only", "mixed")
    for step in data["steps"]:
        assert set(step) == {"kind", "date", "text", "citation"}
        assert step["text"]["zh"] and step["text"]["en"]
        assert set(step["citation"]) == {"law", "article", "quote"}
    assert {"law": "administrative-reconsideration-law", "article": "62",
            "quote": data["citations"][0]["quote"]} == data["citations"][0]
    assert "12348" in data["notice"]["en"] and "own assessment" in data["notice"]["en"]
    assert "自己判断" in data["notice"]["zh"]


def test_json_without_extension_has_no_extended_deadline(content: Path) -> None:
    data = as_json(deadline(content, "civil.appeal-judgment", "--from", "2026-02-05", "--json"))
    assert "extended_deadline" not in data


def test_text_in_chinese(content: Path) -> None:
    run = deadline(content, "civil.appeal-judgment", "--from", "2026-02-05", "--lang", "zh")
    assert run.code == 0, run.err
    assert "最后一日：2026-02-24（星期二）" in run.out
    assert "春节假期" in run.out and "《中华人民共和国民事诉讼法》第八十五条" in run.out
    assert "估计" in run.out and "12348" in run.out and "自己判断" in run.out
    assert "Deadline" not in run.out


def test_text_in_english(content: Path) -> None:
    run = deadline(content, "civil.appeal-judgment", "--from", "2026-02-05", "--lang", "en")
    assert run.code == 0, run.err
    assert "Last day: 2026-02-24 (Tuesday)" in run.out
    assert "Spring Festival holiday" in run.out and "Article 85" in run.out
    assert "estimate" in run.out and "12348" in run.out and "own assessment" in run.out
    assert "最后一日：" not in run.out and "计算步骤" not in run.out


def test_text_auto_prints_both_languages(content: Path) -> None:
    run = deadline(content, "labor.arbitration", "--from", "2026-03-01")
    assert run.code == 0, run.err
    assert "最后一日" in run.out and "Last day" in run.out


def test_unknown_year_says_weekends_only(content: Path) -> None:
    run = deadline(content, "admin-reconsideration.apply", "--from", "2026-12-01", "--lang", "en")
    assert run.code == 0, run.err
    assert "weekends only" in run.out and "schedule for 2027 is not known" in run.out
    zh = deadline(content, "admin-reconsideration.apply", "--from", "2026-12-01", "--lang", "zh")
    assert "2027年的法定节假日安排未知" in zh.out


def test_calendar_file_in_content_is_used(content: Path, tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(content, root)
    (root / "calendar").mkdir()
    (root / "calendar" / "2027.yaml").write_text(
        "year: 2027\nsource: 测试（不是真实通知）\nholidays:\n"
        "  - {name: {zh: 元旦, en: New Year's Day}, from: 2027-01-01, to: 2027-01-03}\nworkdays: []\n",
        encoding="utf-8")
    data = as_json(deadline(root, "civil.appeal-judgment", "--from", "2026-12-17", "--json"))
    assert data["deadline"] == "2027-01-04" and data["calendar"] == "official"
    bare = as_json(deadline(content, "civil.appeal-judgment", "--from", "2026-12-17", "--json"))
    assert bare["deadline"] == "2027-01-01" and bare["calendar"] == "weekends-only"


def test_broken_calendar_file_is_reported_not_crashed(content: Path, tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(content, root)
    (root / "calendar").mkdir()
    (root / "calendar" / "2027.yaml").write_text(
        "year: 2027\nsource: x\nholidays:\n  - {name: {zh: 元旦, en: New Year}, from: 2027-01-01}\n"
        "workdays: [2027-01-06]\n", encoding="utf-8")
    run = deadline(root, "civil.appeal-judgment", "--from", "2026-12-17")
    assert run.code == 1
    assert re.search(r"calendar/2027\.yaml:5: workdays\[0\]: 2027-01-06 is a Wednesday", run.err)
    assert "Traceback" not in run.err


def test_list_text_and_json(content: Path) -> None:
    run = deadline(content, "--list", "--lang", "en")
    assert run.code == 0, run.err
    assert "admin-reconsideration.apply" in run.out and "60 days" in run.out
    assert "20 working days (+20 working days)" in run.out
    rules = json.loads(deadline(content, "--list", "--json").out)
    ids = {r["id"] for r in rules}
    assert len(rules) >= 20 and {"petition.re-review", "legal-aid.decision", "civil.limitation"} <= ids
    first = rules[0]
    assert {"id", "name", "period", "start", "actor", "counting", "citations"} <= set(first)


# --- bad input -------------------------------------------------------------------------------

FAR = (dt.date.today() + dt.timedelta(days=6 * 366)).isoformat()


@pytest.mark.parametrize(("args", "message"), [
    (["admin-reconsideration.aply", "--from", "2026-01-01"],
     "Closest matches: admin-reconsideration.apply"),
    (["no-such-rule", "--from", "2026-01-01"], "There is no deadline rule named 'no-such-rule'"),
    (["labor.arbitration", "--from", "2026-02-30"], "February 2026 has 28 days"),
    (["labor.arbitration", "--from", "2026-13-01"], "the month must be 01 to 12"),
    (["labor.arbitration", "--from", "yesterday"], "'yesterday' is not a date"),
    (["labor.arbitration", "--from", "1989-12-31"], "too early"),
    (["labor.arbitration", "--from", FAR], "too far ahead"),
    (["labor.arbitration"], "--from YYYY-MM-DD"),
    ([], "Name a deadline rule"),
    (["--list", "labor.arbitration"], "--list cannot be combined"),
])
def test_bad_input_exits_2_with_a_message(content: Path, args, message) -> None:
    run = deadline(content, *args)
    assert run.code == 2, (run.out, run.err)
    assert message in run.err
    assert "Traceback" not in run.err and run.out == ""


def test_bad_input_message_in_chinese(content: Path) -> None:
    run = deadline(content, "labor.arbitration", "--from", "2026-02-30", "--lang", "zh")
    assert run.code == 2 and "2026年2月只有 28 天" in run.err
    run = deadline(content, "labor.arbitratoin", "--from", "2026-02-01", "--lang", "zh")
    assert run.code == 2 and "没有名为“labor.arbitratoin”的期限规则" in run.err and "labor.arbitration" in run.err


def test_writes_nothing(content: Path, tmp_path: Path) -> None:
    before = sorted(tmp_path.rglob("*"))
    run = rightsbot("deadline", "--content", str(content), "gov-info.reply", "--from", "2026-09-21", cwd=tmp_path)
    assert run.code == 0, run.err
    assert sorted(tmp_path.rglob("*")) == before


# --- validate --------------------------------------------------------------------------------

@pytest.fixture
def full_content(tmp_path: Path) -> Path:
    """A small but complete content folder: one topic entry, every statute, every rule."""
    root = tmp_path / "content"
    (root / "topics" / "labor").mkdir(parents=True)
    for name in ("categories.yaml", "hotlines.yaml"):
        shutil.copy(CONTENT / name, root)
    shutil.copytree(CONTENT / "laws", root / "laws")
    shutil.copytree(CONTENT / "deadlines", root / "deadlines")
    entry = (CONTENT / "topics" / "labor" / "wage-arrears.yaml").read_text(encoding="utf-8")
    lines = [line for line in entry.splitlines() if not line.startswith("related:")]
    (root / "topics" / "labor" / "wage-arrears.yaml").write_text("\n".join(lines + ["related: []", ""]),
                                                                 encoding="utf-8")
    return root


def test_validate_counts_the_rules(full_content: Path) -> None:
    run = rightsbot("validate", str(full_content), "--lang", "en")
    assert run.code == 0, run.out + run.err
    count = len(json.loads(deadline(full_content, "--list", "--json").out))
    assert f", {count} deadline rules, no problems" in run.out
    zh = rightsbot("validate", str(full_content), "--lang", "zh")
    assert f"{count} 条期限规则" in zh.out


def test_validate_reports_a_bad_rule_with_file_and_line(full_content: Path) -> None:
    path = full_content / "deadlines" / "civil.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("十日内向上一级人民法院提起上诉", "十日内向上级人民法院提起上诉"), encoding="utf-8")
    rows = path.read_text(encoding="utf-8").splitlines()
    quote_line = next(i for i, row in enumerate(rows, 1) if "十日内向上级人民法院" in row)
    assert rows[quote_line - 3].strip().startswith("- law:")  # a citation's line is its '- law:' line
    run = rightsbot("validate", str(full_content))
    assert run.code == 1
    assert f"{path}:{quote_line - 2}: quote is not verbatim" in run.out, run.out


def test_validate_reports_a_bad_calendar(full_content: Path) -> None:
    (full_content / "calendar").mkdir()
    (full_content / "calendar" / "2027.yaml").write_text("year: 2027\nsource: x\nholidays: []\nworkdays: []\n",
                                                         encoding="utf-8")
    run = rightsbot("validate", str(full_content))
    assert run.code == 1
    assert f"{full_content / 'calendar' / '2027.yaml'}:3: holidays must be a non-empty list" in run.out


def test_validate_without_deadline_folder_is_unchanged(full_content: Path) -> None:
    shutil.rmtree(full_content / "deadlines")
    run = rightsbot("validate", str(full_content), "--lang", "en")
    assert run.code == 0, run.out
    assert "deadline" not in run.out
