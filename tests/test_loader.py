"""The loader and validator: a valid folder loads into typed objects; each kind of mistake
an author can make is reported with its file and line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from rightsbot.core.errors import ContentError
from rightsbot.core.figures import Figure, figures_in
from rightsbot.core.laws import ArticleNumber
from rightsbot.core.loader import load_content, read_content
from rightsbot.core.model import Entry, LocalText

ENTRY = Path("topics") / "labor" / "wage-arrears.yaml"


def _edit(root: Path, old: str, new: str, count: int = 1) -> Path:
    path = root / ENTRY
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text changed: {old!r} not found"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def _problems(root: Path) -> list[str]:
    _, problems = read_content(root)
    return [str(p) for p in problems]


def test_valid_folder_loads_typed_immutable_objects(mini_content: Path) -> None:
    kb = load_content(mini_content)
    entry = kb.entries["labor.wage-arrears"]
    assert isinstance(entry, Entry) and isinstance(entry.title, LocalText)
    assert entry.last_reviewed <= dt.date.today()
    assert entry.citations[0].article == ArticleNumber(9)
    assert len(entry.questions.zh) >= 8 and len(entry.questions.en) >= 4
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.id = "x"  # type: ignore[misc]
    assert kb.hotlines["12348"].name.zh


def test_malformed_yaml_names_file_and_line(mini_content: Path) -> None:
    path = _edit(mini_content, "category: labor", "category: [labor")
    problems = _problems(mini_content)
    assert any(p.startswith(f"{path}:") and "invalid YAML" in p for p in problems), problems
    line = int(re.match(rf"{re.escape(str(path))}:(\d+):", problems[0]).group(1))
    assert 2 <= line <= 4


def test_missing_language_is_reported_at_its_line(mini_content: Path) -> None:
    path = _edit(mini_content, "  en: My employer has not paid my wages\n", "")
    problems = _problems(mini_content)
    assert f"{path}:{_line_of(path, 'title:')}: missing title.en" in problems


def test_unknown_field_is_an_error(mini_content: Path) -> None:
    path = _edit(mini_content, "category: labor", "category: labor\nsumary: typo")
    problems = _problems(mini_content)
    assert any(p.startswith(f"{path}:{_line_of(path, 'sumary')}:") and "unknown field 'sumary'" in p
               for p in problems), problems


def test_duplicate_id_is_reported(mini_content: Path) -> None:
    source = mini_content / ENTRY
    copy = source.with_name("wage-arrears-copy.yaml")
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    problems = _problems(mini_content)
    assert any("duplicate id 'labor.wage-arrears'" in p for p in problems), problems


def test_citation_to_missing_article(mini_content: Path) -> None:
    path = _edit(mini_content, "{law: labor-dispute-mediation-arbitration-law, article: 53,",
                 "{law: labor-dispute-mediation-arbitration-law, article: 530,")
    problems = _problems(mini_content)
    line = _line_of(path, "article: 530")
    assert any(p.startswith(f"{path}:{line}:") and "has no 第五百三十条" in p for p in problems), problems


def test_citation_to_missing_law(mini_content: Path) -> None:
    _edit(mini_content, "{law: labor-contract-law,", "{law: labour-contract-law,")
    assert any("unknown law 'labour-contract-law'" in p for p in _problems(mini_content))


def test_quote_not_in_article(mini_content: Path) -> None:
    path = _edit(mini_content, 'quote: "劳动争议仲裁不收费。"', 'quote: "劳动争议仲裁收费。"')
    problems = _problems(mini_content)
    line = _line_of(path, "劳动争议仲裁收费。")
    assert any(p.startswith(f"{path}:{line}:") and "not verbatim" in p for p in problems), problems


def test_quote_matches_despite_width_and_spacing(mini_content: Path) -> None:
    _edit(mini_content, "认为符合受理条件的，应当受理", "认为符合受理条件的, 应当 受理")
    assert _problems(mini_content) == []


def test_figure_without_quote_is_reported(mini_content: Path) -> None:
    _edit(mini_content, "2. 算清楚欠了多少、欠了哪几个月。", "2. 算清楚欠了多少，七日内去投诉。")
    problems = _problems(mini_content)
    assert any("7 day" in p and "without a verbatim quote" in p for p in problems), problems


def test_exempt_figure_with_reason_passes(mini_content: Path) -> None:
    _edit(mini_content, "2. 算清楚欠了多少、欠了哪几个月。", "2. 算清楚欠了多少，最好七日内去投诉。")
    path = mini_content / ENTRY
    path.write_text(path.read_text(encoding="utf-8") +
                    'exempt:\n  - {figure: "七日", reason: "practical advice, not a legal deadline"}\n',
                    encoding="utf-8")
    assert _problems(mini_content) == []


@pytest.mark.parametrize("value,message", [("2099-01-01", "in the future"),
                                           ("2026-02-30", "invalid value"),
                                           ("'01/02/2026'", "real date")])
def test_bad_review_dates(mini_content: Path, value: str, message: str) -> None:
    _edit(mini_content, "last_reviewed: 2026-12-01", f"last_reviewed: {value}")
    assert any(message in p for p in _problems(mini_content)), _problems(mini_content)


def test_related_and_hotline_must_exist(mini_content: Path) -> None:
    _edit(mini_content, "related: []", "related: [labor.nope]")
    _edit(mini_content, 'hotlines: ["12333", "12348"]', 'hotlines: ["12333", "99999"]')
    problems = _problems(mini_content)
    assert any("related id 'labor.nope' does not exist" in p for p in problems)
    assert any("hotline '99999' is not in hotlines.yaml" in p for p in problems)


def test_file_name_and_category_must_match_id(mini_content: Path) -> None:
    _edit(mini_content, "id: labor.wage-arrears", "id: labor.unpaid")
    assert any("should be 'unpaid.yaml'" in p for p in _problems(mini_content))


def test_non_utf8_and_empty_files(mini_content: Path) -> None:
    (mini_content / ENTRY).write_bytes(b"id: \xff\xfe\n")
    empty = mini_content / "topics" / "labor" / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    problems = _problems(mini_content)
    assert any("not UTF-8" in p for p in problems)
    assert any(p.startswith(f"{empty}:1:") and "empty" in p for p in problems)


def test_duplicate_key_is_an_error(mini_content: Path) -> None:
    _edit(mini_content, "category: labor", "category: labor\ncategory: labor")
    assert any("duplicate key 'category'" in p for p in _problems(mini_content))


def test_load_content_raises_with_every_problem(mini_content: Path) -> None:
    _edit(mini_content, "category: labor", "category: labor\nsumary: typo")
    _edit(mini_content, 'quote: "劳动争议仲裁不收费。"', 'quote: "免费"')
    with pytest.raises(ContentError) as info:
        load_content(mini_content)
    assert len(info.value.problems) >= 2


def test_missing_folder(tmp_path: Path) -> None:
    kb, problems = read_content(tmp_path / "none")
    assert kb is None and "not found" in problems[0].message


@pytest.mark.parametrize("text,expected", [
    ("自知道之日起六十日内", {Figure(60, "day")}),
    ("within 60 days and 15 working days", {Figure(60, "day"), Figure(15, "workday")}),
    ("二倍的工资; double wages", {Figure(2, "times")}),
    ("不足五百元的，为五百元; at least 500 yuan; RMB 500", {Figure(500, "yuan")}),
    ("百分之五十 / 50%", {Figure(50, "percent")}),
    ("2026年1月1日施行, since 2024, 拨打12348, 第二十条", set()),
    ("three months and one year", {Figure(3, "month"), Figure(1, "year")}),
    ("12 or 24 hours; 5 to 10 days", {Figure(12, "hour"), Figure(24, "hour"), Figure(5, "day"), Figure(10, "day")}),
    ("three, five, seven and ten days", {Figure(3, "day"), Figure(5, "day"), Figure(7, "day"), Figure(10, "day")}),
    ("收到后15日内；生效后三十日内", {Figure(15, "day"), Figure(30, "day")}),
    ("最后一日是法定休假日的，以次日为最后一日；第六十日", set()),
    ("不超过1万元的每件交纳50元", {Figure(10000, "yuan"), Figure(50, "yuan")}),
    ("退一赔三", {Figure(3, "times")}),
])
def test_figure_extraction(text: str, expected: set[Figure]) -> None:
    assert figures_in(text) == expected
