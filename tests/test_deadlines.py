"""The deadline calculator: rules, calendar, counting and validation, without the CLI.

Expected dates below were worked out by hand from the 2026 State Council schedule
(国办发明电〔2025〕7号, as shipped in chinesecalendar):
元旦 1月1日–3日 (1月4日周日上班); 春节 2月15日–23日 (2月14日周六、2月28日周六上班);
清明 4月4日–6日; 劳动节 5月1日–5日 (5月9日周六上班); 端午 6月19日–21日;
中秋 9月25日–27日 (9月20日周日上班); 国庆 10月1日–7日 (10月10日周六上班).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rightsbot.core.figures import figures_in
from rightsbot.core.laws import ArticleNumber
from rightsbot.core.loader import default_content_dir
from rightsbot.core.model import Citation, LocalText
from rightsbot.deadlines import DeadlineInputError, compute, parse_start, read_deadline_content
from rightsbot.deadlines.calendar import HolidayCalendar, OfficialYear, read_calendar, read_calendar_file
from rightsbot.deadlines.compute import add_months
from rightsbot.deadlines.counting import METHODS
from rightsbot.deadlines.model import DeadlineRule, Period
from rightsbot.deadlines.render import result_json, result_text
from rightsbot.deadlines.rules import check_citation, check_methods, read_rules
from rightsbot.deadlines.strings import STRINGS

CONTENT = default_content_dir()
D = dt.date.fromisoformat
#: The library only, so that a calendar file an author adds later cannot change these cases.
LIBRARY = HolidayCalendar()
WEEKENDS_ONLY = HolidayCalendar(use_library=False)


@pytest.fixture(scope="module")
def content():
    loaded, problems = read_deadline_content(CONTENT)
    assert problems == [], "\n".join(map(str, problems))
    return loaded


# --- the rules the issue asks for ---------------------------------------------------------

REQUIRED = [
    # id, value, unit, actor, law, article
    ("admin-reconsideration.apply", 60, "days", "you", "administrative-reconsideration-law", 20),
    ("admin-reconsideration.decision", 60, "days", "authority", "administrative-reconsideration-law", 62),
    ("admin-litigation.sue", 6, "months", "you", "administrative-litigation-law", 46),
    ("admin-litigation.after-reconsideration", 15, "days", "you", "administrative-litigation-law", 45),
    ("labor.arbitration", 1, "years", "you", "labor-dispute-mediation-arbitration-law", 27),
    ("labor.sue-after-award", 15, "days", "you", "labor-dispute-mediation-arbitration-law", 48),
    ("petition.acceptance-notice", 15, "days", "authority", "petition-work-regulations", 23),
    ("petition.handling", 60, "days", "authority", "petition-work-regulations", 34),
    ("petition.review", 30, "days", "you", "petition-work-regulations", 35),
    ("petition.re-review", 30, "days", "you", "petition-work-regulations", 36),
    ("work-injury.employer", 30, "days", "other-party", "work-injury-insurance-regulations", 17),
    ("work-injury.worker", 1, "years", "you", "work-injury-insurance-regulations", 17),
    ("state-compensation.claim", 2, "years", "you", "state-compensation-law", 39),
    ("civil.limitation", 3, "years", "you", "civil-code", 188),
    ("civil.appeal-judgment", 15, "days", "you", "civil-procedure-law", 171),
    ("civil.appeal-ruling", 10, "days", "you", "civil-procedure-law", 171),
    ("mediation.judicial-confirmation", 30, "days", "you", "people-mediation-law", 33),
    ("gov-info.reply", 20, "working-days", "authority", "government-information-disclosure-regulations", 33),
    ("land-contract.arbitration", 2, "years", "you", "rural-land-contract-dispute-mediation-arbitration-law", 18),
    ("legal-aid.decision", 7, "days", "authority", "legal-aid-law", 43),
]


@pytest.mark.parametrize(("rule_id", "value", "unit", "actor", "law", "article"), REQUIRED,
                         ids=[r[0] for r in REQUIRED])
def test_required_rule_exists_with_its_period_and_article(content, rule_id, value, unit, actor, law,
                                                          article) -> None:
    rule = content.rules[rule_id]
    assert rule.period == Period(value, unit)
    assert rule.actor == actor
    assert rule.citations[0].law == law and rule.citations[0].article == ArticleNumber(article)


def test_extensions_of_the_issue(content) -> None:
    assert content.rules["admin-reconsideration.decision"].extension.period == Period(30, "days")
    assert content.rules["petition.handling"].extension.period == Period(30, "days")
    assert content.rules["gov-info.reply"].extension.period == Period(20, "working-days")
    assert content.rules["work-injury.employer"].extension.period is None  # 适当延长: no figure


def test_every_rule_citation_resolves_and_quotes_are_verbatim(content) -> None:
    for rule in content.rules.values():
        assert rule.citations, rule.id
        for citation in rule.citations:
            assert citation.quote, rule.id
            assert check_citation(citation, content.laws, rule.path) == [], (rule.id, citation)
        assert any(rule.period.figure in figures_in(c.quote) for c in rule.citations), rule.id


def test_every_counting_method_quotes_the_statutes_verbatim(content) -> None:
    assert check_methods(METHODS, content.laws, CONTENT) == []


# --- hand-computed deadlines --------------------------------------------------------------

CASES = [
    # rule, from, deadline, weekday of deadline (0=Mon), calendar, extended deadline, what it shows
    ("civil.appeal-judgment", "2026-02-05", "2026-02-24", 1, "official", None,
     "day 15 = 2月20日, inside 春节 2月15–23日 → first day after the break"),
    ("civil.appeal-ruling", "2026-02-04", "2026-02-14", 5, "official", None,
     "day 10 = 2月14日, a make-up working Saturday → does not move"),
    ("civil.appeal-judgment", "2026-02-13", "2026-02-28", 5, "official", None,
     "day 15 = 2月28日, the second make-up Saturday → does not move"),
    ("civil.appeal-ruling", "2025-12-25", "2026-01-04", 6, "official", None,
     "day 10 = 1月4日, a make-up working Sunday → does not move"),
    ("admin-litigation.after-reconsideration", "2026-09-18", "2026-10-08", 3, "official", None,
     "day 15 = 10月3日, inside 国庆 10月1–7日 → 10月8日"),
    ("petition.review", "2026-09-01", "2026-10-08", 3, "official", None,
     "day 30 = 10月1日 → 10月8日"),
    ("mediation.judicial-confirmation", "2026-08-26", "2026-09-28", 0, "official", None,
     "day 30 = 9月25日 (中秋, Friday) → through the weekend → Monday 9月28日"),
    ("petition.acceptance-notice", "2026-03-06", "2026-03-23", 0, "official", None,
     "day 15 = Saturday 3月21日 → Monday"),
    ("legal-aid.decision", "2026-03-02", "2026-03-09", 0, "official", None,
     "start day not counted: Monday + 7 days = next Monday"),
    ("admin-litigation.sue", "2025-08-31", "2026-02-28", 5, "official", None,
     "6 months from 31 August: February has no 31st → 28 Feb, a make-up Saturday"),
    ("admin-litigation.sue", "2026-03-31", "2026-09-30", 2, "official", None,
     "6 months from 31 March → 30 September (month end), a Wednesday"),
    ("labor.arbitration", "2024-02-29", "2025-02-28", 4, "official", None,
     "1 year from 29 February → 28 February"),
    ("labor.arbitration", "2025-05-01", "2026-05-06", 2, "official", None,
     "1 year → 2026-05-01, 劳动节 5月1–5日 → 5月6日"),
    ("civil.limitation", "2023-06-20", "2026-06-22", 0, "official", None,
     "3 years → Saturday 2026-06-20 inside 端午 → Monday"),
    ("state-compensation.claim", "2024-10-01", "2026-10-08", 3, "official", None,
     "2 years → 2026-10-01 → after 国庆"),
    ("admin-reconsideration.decision", "2026-08-03", "2026-10-08", 3, "official", "2026-11-02",
     "60 days → 10月2日 (国庆) → 10月8日; +30 days from 10月2日 = Sunday 11月1日 → 11月2日"),
    ("petition.handling", "2026-08-03", "2026-10-08", 3, "official", "2026-11-02",
     "the same 60 + 30 days under 信访工作条例 第三十四条"),
    ("gov-info.reply", "2026-09-21", "2026-10-26", 0, "official", "2026-11-23",
     "20 working days over 中秋 and 国庆, 10月10日 counted; +20 working days"),
    ("admin-reconsideration.acceptance", "2026-09-30", "2026-10-13", 1, "official", None,
     "行政复议法 第八十八条: 五日 = 5 working days; 10/8, 10/9, 10/10 (make-up), 10/12, 10/13"),
    ("admin-reconsideration.supplement", "2026-02-12", "2026-03-04", 2, "official", None,
     "十日 = 10 working days across 春节 with both make-up Saturdays counted"),
    ("work-injury.employer", "2026-01-05", "2026-02-04", 2, "official", None,
     "30 days, an ordinary Wednesday"),
    ("admin-reconsideration.apply", "2026-12-01", "2027-02-01", 0, "weekends-only", None,
     "day 60 = Saturday 2027-01-30; 2027 is unknown → weekends only → Monday"),
    ("civil.appeal-judgment", "2026-12-17", "2027-01-01", 4, "weekends-only", None,
     "day 15 = 2027-01-01, a Friday: without 2027's schedule it is not known as a holiday"),
    ("gov-info.reply", "2026-12-20", "2027-01-15", 4, "mixed", "2027-02-12",
     "working days in December 2026 (official) and January 2027 (weekends only)"),
    ("civil.appeal-judgment", "2003-02-01", "2003-02-17", 0, "weekends-only", None,
     "before 2004 the library has no data: weekends only"),
]


@pytest.mark.parametrize(("rule_id", "start", "expected", "weekday", "calendar", "extended", "why"), CASES,
                         ids=[f"{c[0]}@{c[1]}" for c in CASES])
def test_hand_computed_deadline(content, rule_id, start, expected, weekday, calendar, extended, why) -> None:
    result = compute(content.rules[rule_id], D(start), LIBRARY)
    assert result.deadline == D(expected), why
    assert result.deadline.weekday() == weekday, "the hand computation's weekday is wrong"
    assert result.calendar == calendar, why
    assert result.extended_deadline == (D(extended) if extended else None), why


def test_make_up_saturday_step_says_it_does_not_move(content) -> None:
    result = compute(content.rules["civil.appeal-ruling"], D("2026-02-04"), LIBRARY)
    rest = [s for s in result.steps if s.kind == "rest-day"][0]
    assert "调休上班日" in rest.text.zh and "不顺延" in rest.text.zh and "春节" in rest.text.zh
    assert "make-up working day" in rest.text.en and "does not move" in rest.text.en
    assert rest.citation.law == "civil-procedure-law" and rest.citation.article == ArticleNumber(85)


def test_holiday_step_names_the_holiday_and_cites_the_rest_day_rule(content) -> None:
    result = compute(content.rules["civil.appeal-judgment"], D("2026-02-05"), LIBRARY)
    rest = [s for s in result.steps if s.kind == "rest-day"][0]
    assert "春节" in rest.text.zh and "Spring Festival" in rest.text.en
    assert rest.date == D("2026-02-24")
    assert "期间届满的最后一日是法定休假日的" in rest.citation.quote


def test_short_reconsideration_periods_are_working_days_with_article_88(content) -> None:
    result = compute(content.rules["admin-reconsideration.acceptance"], D("2026-09-30"), LIBRARY)
    kinds = [s.kind for s in result.steps]
    assert "short-working-days" in kinds and "working-days" in kinds and "rest-day" not in kinds
    step = result.steps[kinds.index("short-working-days")]
    assert step.citation.article == ArticleNumber(88) and "是指工作日" in step.citation.quote
    # sixty days are not among the short periods: the 60-day rule stays calendar days
    apply = compute(content.rules["admin-reconsideration.apply"], D("2026-03-02"), LIBRARY)
    assert "short-working-days" not in [s.kind for s in apply.steps]
    assert apply.deadline == D("2026-05-06")  # day 60 = 5月1日 (劳动节) → 5月6日


# --- month ends with a synthetic one-month rule ---------------------------------------------

def _rule(value: int, unit: str, counting: str = "civil-code") -> DeadlineRule:
    cite = Citation("civil-code", ArticleNumber(202), "按照年、月计算期间的，到期月的对应日为期间的最后一日")
    return DeadlineRule(f"test.{value}-{unit}", LocalText("测试", "test"), Period(value, unit),
                        LocalText("起算日", "the start"), "you", counting, (cite,))


MONTH_CASES = [
    (1, "months", "2026-01-31", "2026-02-28", "official", True),   # no 31 Feb; 28 Feb 2026 is a make-up Saturday
    (1, "months", "2028-01-31", "2028-02-29", "weekends-only", True),  # leap year, Tuesday
    (1, "months", "2025-01-31", "2025-02-28", "official", True),   # Friday
    (1, "months", "2026-03-31", "2026-04-30", "official", True),   # Thursday
    (1, "months", "2026-01-15", "2026-02-24", "official", False),  # 2月15日 is 春节 → 2月24日
    (1, "years", "2024-02-29", "2025-02-28", "official", True),
    (12, "months", "2024-02-29", "2025-02-28", "official", True),
    (2, "months", "2025-12-31", "2026-02-28", "official", True),
]


@pytest.mark.parametrize(("value", "unit", "start", "expected", "calendar", "clipped"), MONTH_CASES)
def test_month_and_year_ends(value, unit, start, expected, calendar, clipped) -> None:
    result = compute(_rule(value, unit), D(start), LIBRARY)
    assert result.deadline == D(expected)
    assert result.calendar == calendar
    month_end = [s for s in result.steps if s.kind == "month-end"][0]
    assert month_end.citation.article == ArticleNumber(202)
    assert ("没有对应日" in month_end.text.zh) == clipped


def test_add_months_never_invents_a_day() -> None:
    assert add_months(D("2026-01-31"), 1) == (D("2026-02-28"), True)
    assert add_months(D("2024-01-31"), 1) == (D("2024-02-29"), True)
    assert add_months(D("2026-11-30"), 3) == (D("2027-02-28"), True)
    assert add_months(D("2026-05-15"), 6) == (D("2026-11-15"), False)


# --- the calendar ----------------------------------------------------------------------------

def test_weekends_only_ignores_holidays_and_make_up_days(content) -> None:
    spring = compute(content.rules["civil.appeal-judgment"], D("2026-02-05"), WEEKENDS_ONLY)
    assert spring.deadline == D("2026-02-20") and spring.calendar == "weekends-only"
    assert spring.weekends_only_years == (2026,)
    makeup = compute(content.rules["civil.appeal-ruling"], D("2026-02-04"), WEEKENDS_ONLY)
    assert makeup.deadline == D("2026-02-16")  # Saturday 14th → Monday 16th without the schedule
    notes = [s for s in spring.steps if s.kind == "calendar"]
    assert any("2026" in s.text.en and "only Saturdays and Sundays" in s.text.en for s in notes)


def test_library_is_imported_lazily() -> None:
    code = ("import sys; import rightsbot.cli.main, rightsbot.cli.deadline, rightsbot.deadlines; "
            "from rightsbot.deadlines import load_deadline_content; "
            "from rightsbot.core.loader import default_content_dir; load_deadline_content(default_content_dir()); "
            "assert 'chinese_calendar' not in sys.modules, 'imported at start-up'; "
            "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), 'textual'")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


CALENDAR_2027 = """\
year: 2027
source: 测试用放假安排（不是真实通知）
holidays:
  - name: {zh: 元旦, en: New Year's Day}
    from: 2027-01-01
    to: 2027-01-03
  - name: {zh: 测试节, en: Test Day}
    from: 2027-03-10
workdays:
  - 2027-01-09
"""


def test_content_calendar_makes_a_year_official(tmp_path: Path, content) -> None:
    (tmp_path / "2027.yaml").write_text(CALENDAR_2027, encoding="utf-8")
    calendar, problems = read_calendar(tmp_path)
    assert problems == []
    day = calendar.day(D("2027-01-01"))
    assert day.rest and day.official and day.holiday == LocalText("元旦", "New Year's Day")
    assert calendar.day(D("2027-01-09")).makeup_workday and not calendar.day(D("2027-01-09")).rest
    assert calendar.day(D("2027-03-10")).rest and calendar.day(D("2027-03-11")).rest is False
    assert calendar.day(D("2027-01-16")).rest and calendar.day(D("2027-01-16")).official  # ordinary Saturday
    # day 15 = Friday 1 January 2027: now known as 元旦 → Monday 4 January, calendar official
    result = compute(content.rules["civil.appeal-judgment"], D("2026-12-17"), calendar)
    assert result.deadline == D("2027-01-04") and result.calendar == "official"
    assert any("测试用放假安排" in s.text.zh for s in result.steps if s.kind == "calendar")
    # a make-up Saturday from content does not move
    saturday = compute(content.rules["civil.appeal-ruling"], D("2026-12-30"), calendar)
    assert saturday.deadline == D("2027-01-09") and saturday.calendar == "official"


def test_content_calendar_overrides_the_library(content) -> None:
    corrected = OfficialYear(2026, "correction", {D("2026-03-09"): LocalText("测试", "test")})
    calendar = HolidayCalendar({2026: corrected})
    result = compute(content.rules["legal-aid.decision"], D("2026-03-02"), calendar)
    assert result.deadline == D("2026-03-10")


BAD_CALENDARS = [
    ("2027.yaml", CALENDAR_2027.replace("  - 2027-01-09", "  - 2027-01-11"), 10, "weekend days"),
    ("2027.yaml", CALENDAR_2027.replace("to: 2027-01-03", "to: 2026-12-20"), 6, "before 'from'"),
    ("2027.yaml", CALENDAR_2027.replace("from: 2027-03-10", "from: 2027-02-30"), 8, "2027-02-30"),
    ("2027.yaml", CALENDAR_2027.replace("from: 2027-03-10", "from: 2028-03-10"), 7, "not in 2027"),
    ("2027.yaml", CALENDAR_2027.replace("  - 2027-01-09", "  - 2027-01-02"), 10, "also listed as a holiday"),
    ("2028.yaml", CALENDAR_2027, 1, "should be '2027.yaml'"),
    ("2027.yaml", CALENDAR_2027 + "notes: x\n", 11, "unknown field 'notes'"),
    ("2027.yaml", CALENDAR_2027.replace("source: 测试用放假安排（不是真实通知）\n", ""), 1, "missing field 'source'"),
    ("2027.yaml", CALENDAR_2027.replace("to: 2027-01-03", "to: 2027-01-30"), 4, "implausible"),
    ("2027.yaml", "year: 2027\nholidays: [\n", 3, "invalid YAML"),
]


@pytest.mark.parametrize(("name", "text", "line", "message"), BAD_CALENDARS)
def test_bad_calendar_file_gives_file_and_line(tmp_path: Path, name, text, line, message) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    official, problems = read_calendar_file(path)
    assert official is None
    assert any(p.path == str(path) and p.line == line and message in p.message for p in problems), problems


# --- rule files ------------------------------------------------------------------------------

GOOD_RULE = """\
rules:
  - id: test.appeal
    name: {zh: 上诉期限, en: Appeal deadline}
    period: {value: 15, unit: days}
    start: {zh: 判决书送达之日, en: the day the judgment was served}
    actor: you
    counting: civil-procedure
    citations:
      - law: civil-procedure-law
        article: 171
        quote: 当事人不服地方人民法院第一审判决的，有权在判决书送达之日起十五日内向上一级人民法院提起上诉。
"""

BAD_RULES = [
    (GOOD_RULE.replace("unit: days", "unit: weeks"), 4, "unit must be one of"),
    (GOOD_RULE.replace("value: 15", "value: 20"), 2, "period 20 days does not appear"),
    (GOOD_RULE.replace("十五日内向上一级", "十五日内向上级"), 9, "quote is not verbatim"),
    (GOOD_RULE.replace("article: 171", "article: 9999"), 9, "has no 第九千九百九十九条"),
    (GOOD_RULE.replace("law: civil-procedure-law", "law: civil-procedure"), 9, "unknown law 'civil-procedure'"),
    (GOOD_RULE.replace("counting: civil-procedure", "counting: civil-procdure"), 7, "did you mean 'civil-procedure'"),
    (GOOD_RULE.replace("actor: you", "actor: me"), 6, "actor must be one of"),
    (GOOD_RULE.replace("    actor: you\n", "    actor: you\n    sumary: x\n"), 7, "unknown field 'sumary'"),
    (GOOD_RULE.replace("id: test.appeal", "id: other.appeal"), 2, "must start with 'test.'"),
    (GOOD_RULE.replace("    start: {zh: 判决书送达之日, en: the day the judgment was served}\n", ""), 2,
     "missing field 'start'"),
    (GOOD_RULE.replace("en: the day the judgment was served}", "en: 3 days after service}"), 2,
     "figures stated without a verbatim quote"),
    (GOOD_RULE + GOOD_RULE.replace("rules:\n", ""), 12, "duplicate rule id 'test.appeal'"),
    (GOOD_RULE.replace("name: {zh: 上诉期限, en: Appeal deadline}", "name: {zh: 上诉期限"), 4, "invalid YAML"),
    (GOOD_RULE.replace("value: 15", "value: fifteen"), 4, "whole number"),
    (GOOD_RULE.replace("        quote: 当事人", "        quotes: 当事人"), 11, "unknown field 'quotes'"),
]


@pytest.fixture(scope="module")
def laws(content):
    return content.laws


def test_good_rule_file_has_no_problems(tmp_path: Path, laws) -> None:
    (tmp_path / "test.yaml").write_text(GOOD_RULE, encoding="utf-8")
    rules, problems = read_rules(tmp_path, laws)
    assert problems == [] and list(rules) == ["test.appeal"]


@pytest.mark.parametrize(("text", "line", "message"), BAD_RULES)
def test_malformed_rule_file_gives_file_and_line(tmp_path: Path, laws, text, line, message) -> None:
    path = tmp_path / "test.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = read_rules(tmp_path, laws)
    assert any(p.path == str(path) and p.line == line and message in p.message for p in problems), \
        "\n".join(map(str, problems))
    assert all(re.match(r".+:\d+: .+", str(p)) for p in problems)


def test_counting_method_drift_is_reported_at_the_statute(tmp_path: Path, laws) -> None:
    from rightsbot.core.laws import Law

    law = laws["civil-procedure-law"]
    article = law.articles[ArticleNumber(85)]
    changed = dict(law.articles)
    changed[ArticleNumber(85)] = type(article)(article.number, article.text.replace("法定休假日后的第一日", "次日"),
                                               article.line)
    drifted = {**laws, "civil-procedure-law": Law(law.slug, law.title, law.title_en, law.version,
                                                  law.effective_date, law.kind, law.source, changed)}
    problems = check_methods(["civil-procedure"], drifted, tmp_path)
    assert problems and problems[0].line == article.line
    assert "civil-procedure-law.md" in problems[0].path and "counting method" in problems[0].message


# --- start dates -----------------------------------------------------------------------------

TODAY = D("2026-12-01")


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03-01", "2026-03-01"), (" 2026-03-01 ", "2026-03-01"), ("２０２６-０３-０１", "2026-03-01"),
    ("2028-02-29", "2028-02-29"), ("1990-01-01", "1990-01-01"), ("2031-12-01", "2031-12-01"),
])
def test_parse_start_accepts(text, expected) -> None:
    assert parse_start(text, TODAY) == D(expected)


@pytest.mark.parametrize(("text", "zh", "en"), [
    ("2026-02-30", "2026年2月只有 28 天", "February 2026 has 28 days"),
    ("2027-02-29", "2027年2月只有 28 天", "February 2027 has 28 days"),
    ("2026-04-31", "只有 30 天", "April 2026 has 30 days"),
    ("2026-13-01", "月份只能是 01 到 12", "the month must be 01 to 12"),
    ("2026-00-10", "月份只能是 01 到 12", "the month must be 01 to 12"),
    ("2026-01-00", "只有 31 天", "January 2026 has 31 days"),
    ("yesterday", "不是日期", "is not a date"),
    ("2026/03/01", "YYYY-MM-DD", "YYYY-MM-DD"),
    ("20260301", "YYYY-MM-DD", "YYYY-MM-DD"),
    ("2026-3-1", "YYYY-MM-DD", "YYYY-MM-DD"),
    ("", "不是日期", "is not a date"),
    ("1989-12-31", "太早", "too early"),
    ("0001-01-01", "太早", "too early"),
    ("2031-12-02", "太远", "too far ahead"),
    ("9999-12-31", "太远", "too far ahead"),
    ("\x1b[31m2026", "不是日期", "is not a date"),
])
def test_parse_start_refuses_with_a_clear_message(text, zh, en) -> None:
    with pytest.raises(DeadlineInputError) as caught:
        parse_start(text, TODAY)
    assert zh in caught.value.message.zh and en in caught.value.message.en
    assert "\x1b" not in caught.value.message.en


# --- properties ------------------------------------------------------------------------------

_dates = st.dates(min_value=D("1990-01-01"), max_value=D("2031-12-31"))


@settings(database=None, max_examples=300, deadline=None)
@given(data=st.data(), start=_dates, shift=st.integers(min_value=0, max_value=400))
def test_deadline_after_start_and_monotonic(content, data, start, shift) -> None:
    rule = content.rules[data.draw(st.sampled_from(sorted(content.rules)))]
    later = start + dt.timedelta(days=shift)
    first, second = compute(rule, start, LIBRARY), compute(rule, later, LIBRARY)
    assert first.deadline > start
    assert second.deadline >= first.deadline
    assert not LIBRARY.day(first.deadline).rest
    if first.extended_deadline is not None:
        assert first.extended_deadline > first.deadline
        assert second.extended_deadline >= first.extended_deadline


@settings(database=None, max_examples=200, deadline=None)
@given(start=_dates, value=st.integers(min_value=1, max_value=36),
       unit=st.sampled_from(["days", "months", "years", "working-days"]))
def test_period_arithmetic_properties(start, value, unit) -> None:
    result = compute(_rule(value, unit), start, LIBRARY)
    assert result.deadline > start
    assert not LIBRARY.day(result.deadline).rest
    if unit == "days":
        assert 0 <= (result.deadline - (start + dt.timedelta(days=value))).days <= 12
    if unit in ("months", "years"):
        raw = add_months(start, value * (12 if unit == "years" else 1))[0]
        assert raw.day == start.day or raw.day < start.day and (raw + dt.timedelta(days=1)).day == 1
        assert 0 <= (result.deadline - raw).days <= 12
    assert all(step.citation is not None for step in result.steps)


# --- rendering -------------------------------------------------------------------------------

def test_result_json_shape_and_every_step_cited(content) -> None:
    result = compute(content.rules["admin-reconsideration.decision"], D("2026-08-03"), LIBRARY)
    data = result_json(result)
    assert {"rule", "from", "deadline", "calendar", "steps", "citations", "extended_deadline"} <= set(data)
    assert data["rule"] == "admin-reconsideration.decision" and data["from"] == "2026-08-03"
    assert data["deadline"] == "2026-10-08" and data["extended_deadline"] == "2026-11-02"
    assert data["calendar"] == "official"
    for step in data["steps"]:
        assert step["text"]["zh"] and step["text"]["en"]
        assert set(step["citation"]) == {"law", "article", "quote"}
    assert all(set(c) == {"law", "article", "quote"} for c in data["citations"])
    cited = {(c["law"], c["article"]) for c in data["citations"]}
    assert ("administrative-reconsideration-law", "62") in cited
    assert ("administrative-reconsideration-law", "88") in cited and ("civil-procedure-law", "85") in cited
    assert "12348" in data["notice"]["zh"] and "12348" in data["notice"]["en"]


def test_no_extended_deadline_key_without_extension_figure(content) -> None:
    data = result_json(compute(content.rules["work-injury.employer"], D("2026-01-05"), LIBRARY))
    assert "extended_deadline" not in data
    assert any(s["kind"] == "extension" and "适当延长" in s["citation"]["quote"] for s in data["steps"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_result_text_says_estimate_and_own_assessment(content, lang) -> None:
    result = compute(content.rules["labor.arbitration"], D("2026-03-01"), LIBRARY)
    text = result_text(result, content.laws, lang)
    assert "12348" in text
    if lang == "zh":
        assert "估计" in text and "你自己判断" in text and "《中华人民共和国劳动争议调解仲裁法》第二十七条" in text
        assert "民法典》第二百零一条" in text
    else:
        assert "estimate" in text and "your own assessment" in text and "Article 27" in text
    assert re.search(r"^\d+\. ", text, re.M)


def test_every_string_has_both_languages_and_the_same_placeholders() -> None:
    for key, text in STRINGS.items():
        assert text.zh.strip() and text.en.strip(), key
        assert set(re.findall(r"{(\w+)}", text.zh)) == set(re.findall(r"{(\w+)}", text.en)), key


def test_rules_and_calendar_ship_inside_content() -> None:
    assert sorted(p.name for p in (CONTENT / "deadlines").glob("*.yaml"))
    assert (CONTENT / "calendar" / "README.md").is_file()
