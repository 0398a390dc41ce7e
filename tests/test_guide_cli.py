"""``rightsbot guide`` through a subprocess, as a person or a script runs it.

Scripted runs use ``--answers`` files written to ``tmp_path``; interactive runs pipe answers
into stdin. ``--today`` fixes the date, so deadlines and their open/closed state are stable.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rightsbot.core.loader import default_content_dir

from .conftest import Run, run_cli
from .privacy_helpers import STRACE, STRACE_MISSING, clean_env, rightsbot_argv, run_under_strace

CONTENT = default_content_dir()
TODAY = "2026-06-01"


def guide(*args: str, stdin: bytes | None = None) -> Run:
    return run_cli("guide", "--today", TODAY, *args, stdin=stdin)


def answers_file(tmp_path: Path, text: str, name: str = "answers.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def assert_clean(run: Run) -> None:
    assert "Traceback" not in run.err and "Traceback" not in run.out, run.err


LABOUR = """\
danger: "no"
situation: work
other-side: employer
learned: 2026-03-02
done: [nothing]
"""


# --- scripted ----------------------------------------------------------------------------------

def test_answers_file_reaches_the_result(tmp_path: Path) -> None:
    run = guide("--lang", "en", "--answers", answers_file(tmp_path, LABOUR))
    assert run.code == 0, run.err
    assert run.out.startswith("Your routes: Wages, dismissal and other labour disputes")
    assert run.out.index("1. Labour dispute arbitration") < run.out.index("Complaining to the labour inspectorate")
    assert "rightsbot show labor.arbitration" in run.out and "12348" in run.out
    assert "Question" not in run.out  # nothing was asked
    assert_clean(run)


def test_answers_file_json_and_numbers(tmp_path: Path) -> None:
    path = answers_file(tmp_path, json.dumps({"danger": 2, "situation": "3", "other-side": "1",
                                              "learned": "2026-03-02", "done": "1"}), "answers.json")
    run = guide("--json", "--answers", path)
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["outcome"]["id"] == "labour" and data["emergency"] is None
    assert data["open"][0]["id"] == "labour-arbitration"
    assert set(data["open"][0]["name"]) == {"zh", "en"}


def test_deadline_matches_the_calculator(tmp_path: Path) -> None:
    data = json.loads(guide("--json", "--answers", answers_file(tmp_path, LABOUR)).out)
    shown = data["open"][0]["deadline"]
    assert shown["rule"] == "labor.arbitration" and shown["from"] == "2026-03-02"
    calculator = run_cli("deadline", "labor.arbitration", "--from", "2026-03-02", "--json")
    assert calculator.code == 0, calculator.err
    assert shown["last_day"] == json.loads(calculator.out)["deadline"]


def test_answers_from_stdin(tmp_path: Path) -> None:
    run = guide("--lang", "zh", "--answers", "-", stdin=LABOUR.encode())
    assert run.code == 0, run.err
    assert run.out.startswith("指引结果：工资、辞退等劳动争议") and "Your routes" not in run.out


def test_auto_language_prints_both(tmp_path: Path) -> None:
    run = guide("--answers", answers_file(tmp_path, LABOUR))
    assert run.code == 0 and "指引结果：" in run.out and "Your routes:" in run.out
    assert run.out.index("指引结果：") < run.out.index("Your routes:")


def test_danger_leads_with_the_emergency(tmp_path: Path) -> None:
    text = LABOUR.replace('danger: "no"', "danger: yes")  # YAML's yes is taken as the option "yes"
    run = guide("--lang", "en", "--answers", answers_file(tmp_path, text))
    assert run.code == 0, run.err
    first_route = run.out.index("1. Labour dispute arbitration")
    assert run.out.index("!! Safety first !!") < first_route
    for number in ("110", "120", "119", "12356"):
        assert run.out.index(number) < first_route


def test_old_date_lists_routes_as_probably_closed(tmp_path: Path) -> None:
    text = 'danger: "no"\nsituation: gov-decision\nlearned: 2020-01-06\ndone: petitioned\n'
    run = guide("--lang", "en", "--answers", answers_file(tmp_path, text))
    assert run.code == 0, run.err
    closed = run.out[run.out.index("Routes probably closed"):]
    assert "- Administrative reconsideration" in closed and "probably closed" in closed
    assert "exceptions" in closed and "call 12348" in closed


@pytest.mark.parametrize(("text", "message"), [
    ('danger: "no"\nsituation: work\n', "no answer for question 'other-side'"),
    ('danger: "no"\nsituation: 12\n', "'12' is not one of the choices"),
    ('danger: "no"\nsituation: gov-decision\nlearned: 2026-02-30\ndone: nothing\n', "does not exist"),
    ('danger: "no"\nsituation: gov-decision\nlearned: 2026-07-01\ndone: nothing\n', "after today"),
    ('danger: "no"\nsituation: gov-decision\nlearned: 2026-05-01\ndone: [nothing, petitioned]\n',
     "cannot be chosen together"),
    ('danger: "no"\nsituaton: work\n', "does not have: situaton"),
    ("- danger\n- no\n", "must map question ids to answers"),
    ("danger: [no\n", "Cannot read the answers file"),
])
def test_bad_answers_exit_2_with_a_clear_message(tmp_path: Path, text: str, message: str) -> None:
    run = guide("--lang", "en", "--answers", answers_file(tmp_path, text))
    assert run.code == 2, (run.code, run.out, run.err)
    assert message in run.err, run.err
    assert run.out == ""
    assert_clean(run)


def test_bad_answer_message_in_chinese(tmp_path: Path) -> None:
    run = guide("--lang", "zh", "--answers", answers_file(tmp_path, 'danger: "no"\nsituation: 12\n'))
    assert run.code == 2 and "题目“situation”的答案有问题" in run.err and "不是这一题的选项" in run.err


def test_missing_answers_file_exits_2(tmp_path: Path) -> None:
    run = guide("--lang", "en", "--answers", str(tmp_path / "nope.yaml"))
    assert run.code == 2 and "Cannot read the answers file" in run.err
    assert_clean(run)


def test_bad_today_and_unknown_flow_exit_2() -> None:
    run = run_cli("guide", "--today", "tomorrow", "--lang", "en", stdin=b"")
    assert run.code == 2 and "--today" in run.err
    run = guide("--flow", "nosuch", "--lang", "en", stdin=b"")
    assert run.code == 2 and "no guided interview named 'nosuch'" in run.err and "triage" in run.err


# --- interactive -------------------------------------------------------------------------------

def test_interactive_through_stdin() -> None:
    run = guide("--lang", "en", stdin="2\n3\n1\n2026-03-02\n1\n".encode())
    assert run.code == 0, run.err
    assert "Question 1" in run.out and "Is anyone in danger right now?" in run.out
    assert "  3. Not sure" in run.out  # the options of "who is the other side" for work
    assert "Your routes: Wages, dismissal and other labour disputes" in run.out
    assert_clean(run)


def test_interactive_bad_answer_is_asked_again_and_back_works() -> None:
    run = guide("--lang", "en", stdin="9\n2\nb\n2\n3\n1\n2026-02-30\n2026-03-02\n1,2\n1\n".encode())
    assert run.code == 0, run.err
    assert "'9' is not one of the choices: type one number from 1 to 2." in run.out
    assert "2026-02-30 does not exist" in run.out
    assert "cannot be chosen together" in run.out
    assert run.out.count("Question 1\n") == 3  # again after the bad answer, and after going back
    assert "Your routes: Wages, dismissal" in run.out


def test_interactive_json_keeps_prompts_off_stdout() -> None:
    run = guide("--json", stdin="2\n6\n".encode())
    assert run.code == 0, run.err
    assert json.loads(run.out)["outcome"]["id"] == "domestic-violence"
    assert "Question 2" in run.err


def test_interactive_danger_warns_at_once() -> None:
    run = guide("--lang", "zh", stdin="1\n".encode())  # stops (Ctrl-D) after the first answer
    assert run.code == 0
    assert run.out.index("!! 先保安全 !!") < run.out.index("第 2 题")


def test_undecodable_input_is_asked_again() -> None:
    run = guide("--lang", "en", stdin=b"\xff\xfe\n2\n6\n")
    assert run.code == 0, run.err
    assert "is not one of the choices" in run.out and "Your routes: Violence in the family" in run.out
    assert_clean(run)


def test_ctrl_d_stops_cleanly_and_keeps_nothing(tmp_path: Path) -> None:
    run = guide("--lang", "en", stdin="2\n3\n".encode())
    assert run.code == 0
    assert "Stopped. Your answers were not saved." in run.out
    assert "Your routes" not in run.out
    assert_clean(run)


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen([sys.executable, "-m", "rightsbot", "guide", "--lang", "en", "--today", TODAY],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=tmp_path, env=env)
    assert proc.stdout is not None and proc.stdin is not None
    seen = b""
    deadline = time.monotonic() + 60
    while b"> " not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 1)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
    assert b"> " in seen, seen
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert b"Traceback" not in err
    assert b"Stopped. Your answers were not saved." in seen + out
    assert list(tmp_path.iterdir()) == []  # nothing written where it ran


def test_no_file_is_written(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    path = answers_file(tmp_path, LABOUR)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "rightsbot", "guide", "--today", TODAY, "--answers", path],
                          cwd=work, env=env, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert list(work.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.yaml", "work"]


# --- validate ----------------------------------------------------------------------------------

def test_validate_counts_the_flow() -> None:
    run = run_cli("validate", "--lang", "en")
    assert run.code == 0, run.out
    assert "1 guided interview(s)" in run.out


def test_validate_reports_a_broken_flow_with_file_and_line(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    flow = root / "flows" / "triage.yaml"
    text = flow.read_text(encoding="utf-8").replace("next: judgment-kind", "next: judgement-kind")
    flow.write_text(text, encoding="utf-8")
    line = text[:text.index("next: judgement-kind")].count("\n") + 1
    run = run_cli("validate", str(root), "--lang", "en")
    assert run.code == 1
    assert f"{flow}:{line}: question 'situation': next target unknown question or outcome 'judgement-kind'" in run.out
    guided = run_cli("guide", "--content", str(root), "--lang", "en", stdin=b"")
    assert guided.code == 1 and "judgement-kind" in guided.err
    assert_clean(guided)


# --- privacy, seen from outside ------------------------------------------------------------------

@pytest.mark.skipif(STRACE is None, reason=STRACE_MISSING)
@pytest.mark.parametrize("mode", ["interactive", "answers"])
def test_strace_sees_no_write_socket_or_process(tmp_path: Path, mode: str) -> None:
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    args = ["guide", "--content", str(CONTENT), "--today", TODAY, "--lang", "en"]
    stdin = None
    if mode == "answers":
        args += ["--answers", answers_file(tmp_path, LABOUR)]
    else:
        stdin = "1\n3\n1\n2026-03-02\n3,6\n2026-05-28\n2026-05-29\n"
    result = run_under_strace(rightsbot_argv(*args), log_path=tmp_path / "strace.log", cwd=work,
                              env=clean_env(home=home), input=stdin)
    assert not result.violations, result.explain()
    assert result.returncode == 0, result.explain()
    assert "Your routes" in result.outcome.stdout
    assert not list(work.rglob("*")) and not list(home.rglob("*"))
