"""Every CLI command through a subprocess, as a user or a script would call it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rightsbot import __version__


def test_ask_prints_the_answer_with_citations_and_note(cli, mini_content: Path) -> None:
    run = cli("ask", "--content", str(mini_content), "老板拖欠工资三个月了怎么办")
    assert run.code == 0, run.err
    assert "被拖欠工资怎么办" in run.out
    assert "《中华人民共和国劳动争议调解仲裁法》第二十七条" in run.out
    assert "12348" in run.out and "不是律师意见" in run.out


def test_ask_auto_language_answers_in_english(cli, mini_content: Path) -> None:
    run = cli("ask", "--content", str(mini_content), "my employer has not paid my wages")
    assert run.code == 0, run.err
    assert "My employer has not paid my wages" in run.out
    assert "Labour Dispute Mediation and Arbitration Law" in run.out
    assert "not a lawyer's advice" in run.out


def test_ask_cite_text_prints_the_article(cli, mini_content: Path) -> None:
    run = cli("ask", "--content", str(mini_content), "--cite-text", "--lang", "zh", "讨薪 劳动仲裁")
    assert "劳动争议申请仲裁的时效期间为一年" in run.out


def test_ask_json_shape(cli, mini_content: Path) -> None:
    run = cli("ask", "--content", str(mini_content), "--json", "工资被拖欠")
    data = json.loads(run.out)
    assert set(data) == {"query", "crisis", "abstained", "results"}
    assert data["query"] == "工资被拖欠"
    assert isinstance(data["crisis"], bool) and isinstance(data["abstained"], bool)
    assert 1 <= len(data["results"]) <= 5
    first = data["results"][0]
    assert set(first) == {"id", "score", "title"} and first["id"] == "labor.wage-arrears"
    assert 0.0 <= first["score"] <= 1.0


def test_ask_batch_json_keeps_order_and_survives_bad_bytes(cli, mini_content: Path) -> None:
    stdin = "工资被拖欠\n\nweather tomorrow\n".encode() + b"\xff\xfe broken\n"
    run = cli("ask", "--content", str(mini_content), "--json", "-", stdin=stdin)
    assert run.code == 0, run.err
    lines = [json.loads(line) for line in run.out.splitlines()]
    assert [d["query"] for d in lines][:2] == ["工资被拖欠", "weather tomorrow"]
    assert len(lines) == 3
    assert lines[0]["abstained"] is False and lines[1]["abstained"] is True
    assert "UTF-8" in run.err


def test_ask_off_topic_abstains_and_points_to_12348(cli, mini_content: Path) -> None:
    run = cli("ask", "--content", str(mini_content), "--lang", "en", "what is the weather like")
    assert run.code == 1
    assert "no entry" in run.out and "12348" in run.out


@pytest.mark.parametrize("question", ["", "   ", "\x07\x1b\t\x7f"])
def test_empty_question_is_a_usage_error(cli, mini_content: Path, question: str) -> None:
    run = cli("ask", "--content", str(mini_content), "--lang", "en", question)
    assert run.code == 2
    assert "question is empty" in run.err
    assert "Traceback" not in run.err


def test_huge_question_is_cut_with_a_note(cli, mini_content: Path) -> None:
    run = cli("ask", "--content", str(mini_content), "--lang", "en", "--json", "工资" * 16_000)  # 96 kB
    assert run.code in (0, 1)
    assert "very long" in run.err
    assert len(json.loads(run.out)["query"]) == 2000
    batch = cli("ask", "--content", str(mini_content), "--json", "-", stdin=("欠薪" * 20_000 + "\n").encode())
    assert batch.code == 0 and len(json.loads(batch.out)["query"]) == 2000


def test_control_characters_are_removed(cli, mini_content: Path) -> None:
    run = cli("ask", "--content", str(mini_content), "--json", "工资\x1b[31m被拖欠\x07")
    assert "\x1b" not in run.out and "\x07" not in run.out
    assert json.loads(run.out)["results"][0]["id"] == "labor.wage-arrears"


def test_topics_json_shape(cli, mini_content: Path) -> None:
    run = cli("topics", "--content", str(mini_content), "--json")
    data = json.loads(run.out)
    assert data == [{"id": "labor.wage-arrears", "category": "labor",
                     "title": {"zh": "被拖欠工资怎么办", "en": "My employer has not paid my wages"}}]


def test_topics_text(cli, mini_content: Path) -> None:
    run = cli("topics", "--content", str(mini_content))
    assert "labor.wage-arrears" in run.out and "劳动与工资" in run.out


def test_show_json_has_both_languages_and_article_text(cli, mini_content: Path) -> None:
    run = cli("show", "--content", str(mini_content), "labor.wage-arrears", "--json")
    data = json.loads(run.out)
    assert data["title"] == {"zh": "被拖欠工资怎么办", "en": "My employer has not paid my wages"}
    citation = data["citations"][0]
    assert set(citation) >= {"law", "article", "quote", "text"}
    assert citation["quote"] in citation["text"]
    assert data["last_reviewed"] == "2026-12-01"


def test_show_text_has_both_languages(cli, mini_content: Path) -> None:
    run = cli("show", "--content", str(mini_content), "labor.wage-arrears")
    assert "被拖欠工资怎么办" in run.out and "My employer has not paid my wages" in run.out


def test_show_unknown_id_suggests_the_closest(cli, mini_content: Path) -> None:
    run = cli("show", "--content", str(mini_content), "labor.wage-arears")
    assert run.code == 1
    assert "labor.wage-arears" in run.err and "labor.wage-arrears" in run.err


def test_law_lists_and_prints_articles(cli, mini_content: Path) -> None:
    listing = cli("law", "--content", str(mini_content))
    assert "administrative-reconsideration-law" in listing.out
    for article in ("20", "第二十条", "二十"):
        run = cli("law", "--content", str(mini_content), "administrative-reconsideration-law", article)
        assert run.code == 0
        assert "第二十条 公民、法人或者其他组织认为行政行为侵犯其合法权益的" in run.out
        assert "2023-09-01 修订" in run.out


def test_law_inserted_article(cli, mini_content: Path) -> None:
    run = cli("law", "--content", str(mini_content), "criminal-law", "133之1")
    assert run.code == 0 and "第一百三十三条之一" in run.out


@pytest.mark.parametrize("args,code,message", [
    (("administrative-reconsideration-laws", "20"), 1, "administrative-reconsideration-law"),
    (("administrative-reconsideration-law", "999"), 1, "第九百九十九条"),
    (("administrative-reconsideration-law", "twenty"), 2, "twenty"),
])
def test_law_bad_input(cli, mini_content: Path, args, code: int, message: str) -> None:
    run = cli("law", "--content", str(mini_content), "--lang", "zh", *args)
    assert run.code == code
    assert message in run.err and "Traceback" not in run.err


def test_validate_clean_folder_prints_one_line(cli, mini_content: Path) -> None:
    run = cli("validate", str(mini_content))
    assert run.code == 0, run.out
    assert len(run.out.strip().splitlines()) == 1 and "Content OK" in run.out


def test_validate_reports_problems_with_path_and_line(cli, mini_content: Path) -> None:
    path = mini_content / "topics" / "labor" / "wage-arrears.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("category: labor", "category: [labor"),
                    encoding="utf-8")
    run = cli("validate", str(mini_content))
    assert run.code == 1
    assert run.out.startswith(f"{path}:") and "invalid YAML" in run.out


def test_other_commands_refuse_to_start_on_bad_content(cli, mini_content: Path) -> None:
    path = mini_content / "topics" / "labor" / "wage-arrears.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("category: labor", "category: labor\nfoo: 1"),
                    encoding="utf-8")
    for args in (("ask", "工资"), ("topics",), ("show", "labor.wage-arrears")):
        run = cli(*args, "--content", str(mini_content))
        assert run.code == 1
        assert "unknown field 'foo'" in run.err and "Traceback" not in run.err


def test_usage_errors_exit_2(cli) -> None:
    for args in (("bogus",), ("ask",), ("show",), ("ask", "--lang", "fr", "x")):
        run = cli(*args)
        assert run.code == 2, args
        assert "Traceback" not in run.err


def test_version_and_help(cli) -> None:
    assert cli("--version").out.strip() == f"rightsbot {__version__}"
    help_text = cli("--help").out
    for command in ("ask", "show", "topics", "law", "validate"):
        assert command in help_text


def test_tui_refuses_without_a_terminal(cli, mini_content: Path) -> None:
    run = cli("--content", str(mini_content), "--lang", "en", stdin=b"")
    assert run.code == 2 and "rightsbot ask" in run.err


def test_no_color_output_has_no_escape_codes(cli, mini_content: Path) -> None:
    run = cli("ask", "--content", str(mini_content), "工资被拖欠", env={"NO_COLOR": "1"})
    assert "\x1b[" not in run.out
