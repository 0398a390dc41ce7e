"""The shipped knowledge base: complete, bilingual, cited, and every figure quoted verbatim."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from rightsbot.core.figures import figures_in
from rightsbot.core.laws import normalise_quote
from rightsbot.core.loader import load_content, read_content
from rightsbot.core.model import LANGS
from rightsbot.core.validation import unquoted_figures

from .conftest import CONTENT

KB = load_content(CONTENT)
REQUIRED = [t["id"] for t in yaml.safe_load(
    (CONTENT.parent / "tests" / "data" / "required-topics.yaml").read_text(encoding="utf-8"))["topics"]] \
    if (CONTENT.parent / "tests" / "data" / "required-topics.yaml").exists() else []
ENTRIES = list(KB.entries.values())
IDS = [e.id for e in ENTRIES]


def test_shipped_content_validates() -> None:
    kb, problems = read_content(CONTENT)
    assert problems == [], "\n".join(map(str, problems))


def test_every_required_topic_is_present_once() -> None:
    assert len(REQUIRED) == 47
    assert sorted(set(REQUIRED) - set(KB.entries)) == []


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_entry_has_enough_phrasings_and_keywords(entry) -> None:
    assert len(entry.questions.zh) >= 8
    assert len(entry.questions.en) >= 4
    assert entry.keywords.zh and entry.keywords.en


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_figure_is_backed_by_a_quote(entry) -> None:
    assert unquoted_figures(entry) == set()


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_quotes_are_verbatim(entry) -> None:
    for citation in entry.citations:
        article = KB.laws[citation.law].article(citation.article)
        assert article is not None, f"{citation.law} {citation.article}"
        if citation.quote:
            assert normalise_quote(citation.quote) in normalise_quote(article.text)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_both_languages_state_the_same_figures(entry) -> None:
    zh = figures_in(entry.summary.zh + entry.answer.zh)
    en = figures_in(entry.summary.en + entry.answer.en)
    exempt = set().union(*(figures_in(x.figure) for x in entry.exempt)) if entry.exempt else set()
    assert (zh - exempt) == (en - exempt), f"zh only: {zh - en}; en only: {en - zh}"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_english_names_the_chinese_title_beside_the_law(entry) -> None:
    assert "《" in entry.answer.en, "the English answer should give the Chinese title of a law it cites"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_entry_is_reviewed_and_points_to_free_help(entry) -> None:
    assert dt.date(2026, 1, 1) <= entry.last_reviewed <= dt.date.today()
    for lang in LANGS:
        text = entry.answer.get(lang) + " ".join(entry.hotlines)
        assert re.search(r"12348|12333|12315|110|12309|12388|12345", text), lang


def test_emergency_entry_is_short_and_has_the_four_numbers() -> None:
    entry = KB.entries["safety.emergency"]
    assert list(entry.hotlines)[:4] == ["110", "120", "119", "12356"]
    for lang in LANGS:
        for number in ("110", "120", "119", "12356"):
            assert number in entry.summary.get(lang) + entry.answer.get(lang)
    assert len(entry.answer.zh) < 900


def test_hotline_entry_explains_every_national_hotline() -> None:
    entry = KB.entries["general.hotlines"]
    for number in ("12345", "12348", "12333", "12315", "12309", "12388", "12368", "12356"):
        for lang in LANGS:
            assert number in entry.answer.get(lang), (number, lang)


def test_constitutional_basis_is_cited_where_it_applies() -> None:
    cites = {(e.id, c.law, c.article.key) for e in ENTRIES for c in e.citations}
    assert ("petition.retaliation", "constitution", "41") in cites
    assert ("safety.unlawful-detention", "constitution", "37") in cites
    assert any(law == "constitution" and art == "41" and eid.startswith("petition.") for eid, law, art in cites)


def test_current_texts_only() -> None:
    titles = {law.title for law in KB.laws.values()}
    assert "信访条例" not in titles and "法律援助条例" not in titles
    assert KB.laws["administrative-reconsideration-law"].version.startswith("2023")
    assert KB.laws["public-security-administration-punishments-law"].version.startswith("2025")
    assert KB.laws["civil-procedure-law"].version.startswith("2023")
    assert KB.laws["food-safety-law"].version.startswith("2025")


def test_every_shipped_statute_is_cited_and_verbatim_from_its_source() -> None:
    cited = {c.law for e in ENTRIES for c in e.citations}
    assert set(KB.laws) <= cited | {"civil-code"}, sorted(set(KB.laws) - cited)
    shared = CONTENT.parent.parent / "shared" / "laws"
    if not shared.is_dir():
        pytest.skip("shared/laws not beside the checkout: cannot compare with the source copy")
    for slug in KB.laws:
        assert (CONTENT / "laws" / f"{slug}.md").read_bytes() == (shared / f"{slug}.md").read_bytes(), slug


def test_related_paths_are_followable() -> None:
    kb = KB.entries
    assert "petition.review" in kb["petition.handling-time"].related or \
        "petition.review" in kb["petition.acceptance"].related
    assert "admin-litigation.deadline" in kb["admin-reconsideration.process"].related or \
        "admin-litigation.deadline" in kb["admin-reconsideration.deadline"].related
    for entry in ENTRIES:
        assert entry.related, f"{entry.id} has no related entries"
