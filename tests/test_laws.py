"""The statute parser and article numbers: every shipped article reachable by number."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rightsbot.core.laws import ArticleNumber, load_laws, normalise_quote, parse_law
from rightsbot.core.numerals import cn_to_int, int_to_cn, parse_number

from .conftest import CONTENT

LAWS, LAW_PROBLEMS = load_laws(CONTENT / "laws")


def test_shipped_statutes_parse_without_problems() -> None:
    assert LAW_PROBLEMS == []
    assert LAWS, "no statute files found"


@pytest.mark.parametrize("slug", sorted(LAWS))
def test_article_count_matches_front_matter(slug: str) -> None:
    text = (CONTENT / "laws" / f"{slug}.md").read_text(encoding="utf-8")
    declared = int(re.search(r"^article_count: (\d+)$", text, re.M).group(1))
    last = re.search(r'^last_article: "(.+)"$', text, re.M).group(1)
    law = LAWS[slug]
    assert len(law.articles) == declared
    assert max(n for n in law.numbers() if n.sub == 0).chinese == last


def test_inserted_article_and_conversions() -> None:
    criminal = LAWS.get("criminal-law")
    if criminal is None:
        pytest.skip("criminal law not shipped")
    number = ArticleNumber.parse("第一百三十三条之一")
    assert number == ArticleNumber.parse("133之1") == ArticleNumber(133, 1)
    assert number.chinese == "第一百三十三条之一"
    assert "驾驶机动车" in criminal.article(number).text
    # the editorial footnote after the last article is not part of it
    assert not criminal.article(ArticleNumber(452)).text.rstrip().endswith("日期确定。")


def test_article_text_includes_later_paragraphs() -> None:
    law = LAWS["labor-dispute-mediation-arbitration-law"]
    text = law.article(ArticleNumber(27)).text
    assert text.startswith("劳动争议申请仲裁的时效期间为一年")
    assert "劳动关系存续期间因拖欠劳动报酬发生争议的" in text
    assert "第二十八条" not in text
    lines = (CONTENT / "laws" / "labor-dispute-mediation-arbitration-law.md").read_text(encoding="utf-8").splitlines()
    assert lines[law.article(ArticleNumber(27)).line - 1].startswith("第二十七条 ")


@pytest.mark.parametrize("value,expected", [
    (20, ArticleNumber(20)), ("20", ArticleNumber(20)), ("第二十条", ArticleNumber(20)),
    ("二十", ArticleNumber(20)), ("１０５", ArticleNumber(105)), ("133之1", ArticleNumber(133, 1)),
    ("第一千二百六十条", ArticleNumber(1260)),
])
def test_article_number_forms(value: object, expected: ArticleNumber) -> None:
    assert ArticleNumber.parse(value) == expected


@pytest.mark.parametrize("value", [0, -3, "", "abc", "第条", True, None, 1.5, "二十x"])
def test_bad_article_numbers_are_refused(value: object) -> None:
    with pytest.raises(ValueError):
        ArticleNumber.parse(value)


@given(st.integers(min_value=1, max_value=9999))
def test_numeral_round_trip(number: int) -> None:
    assert cn_to_int(int_to_cn(number)) == number
    assert parse_number(str(number)) == number


@pytest.mark.parametrize("number,text", [(10, "十"), (11, "十一"), (20, "二十"), (105, "一百零五"),
                                         (110, "一百一十"), (1001, "一千零一"), (1260, "一千二百六十")])
def test_statute_style_numerals(number: int, text: str) -> None:
    assert int_to_cn(number) == text


def test_every_article_key_round_trips_through_its_chinese_form() -> None:
    for law in LAWS.values():
        for number in law.numbers():
            assert ArticleNumber.parse(number.chinese) == number
            assert ArticleNumber.parse(number.key) == number


def test_quote_normalisation_folds_width_and_space() -> None:
    assert normalise_quote("（一）a ：b，c") == normalise_quote("(一)a:b,c")
    assert normalise_quote("六十 日") == "六十日"


def test_neighbour_and_find() -> None:
    law = LAWS["administrative-reconsideration-law"]
    assert law.neighbour(ArticleNumber(20), 1) == ArticleNumber(21)
    assert law.neighbour(ArticleNumber(1), -1) is None
    assert ArticleNumber(20) in law.find("六十日内提出行政复议申请")


@pytest.mark.parametrize("text,message", [
    ("no front matter", "front matter"),
    ("---\ntitle: x\n", "not closed"),
    ("---\ntitle: [\n---\n第一条 x\n", "not valid YAML"),
    ("---\ntitle: x\nversion: v\neffective_date: d\n---\n# t\n", "no article lines"),
    ("---\ntitle: x\nversion: v\neffective_date: d\n---\n第一条 a\n第一条 b\n", "duplicate article"),
])
def test_malformed_statute_files_are_reported(text: str, message: str) -> None:
    _, problems = parse_law(text, "x")
    assert any(message in p.message for p in problems), problems


def test_missing_statute_folder_is_a_problem(tmp_path: Path) -> None:
    laws, problems = load_laws(tmp_path / "nope")
    assert laws == {} and "not found" in problems[0].message
