"""Search quality on the held-out test question sets, with the shipped content.

The test set was replaced on 2026-12-02 by a fresh one from three authors who saw only the
topic list; the old one, whose aggregate had been printed about ten times, is now the tuning
set ``questions-dev4.yaml``.

The dev sets (``questions-dev*.yaml``, ``questions-crisis-dev.yaml``) tune; the test sets
(``questions-test.yaml``, ``questions-crisis-test.yaml``, ``questions-abstain-test.yaml``) only judge. The targets are the
issue's: top-1 >= 0.90, top-3 >= 0.97, out-of-scope rejected >= 0.95, false abstention <= 0.05,
crisis recall 1.0 and no crisis false positives.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rapidfuzz import fuzz

from rightsbot.core.loader import default_content_dir, read_content
from rightsbot.search import SearchIndex
from rightsbot.search.evaluate import LabelledQuestion, Quality, load_questions, measure
from rightsbot.search.normalize import normalise

DATA = Path(__file__).parent / "data"
#: A question this close (rapidfuzz ratio) to an entry's example phrasing would test recall
#: of the content rather than search.
LEAK_RATIO = 85
#: Targets and floors (see the comments at the tests).
TOP1, TOP3, CRISIS_HELD_OUT = 0.90, 0.97, 0.80
# Compared after normalisation (traditional -> simplified, width, case), so a traditional
# copy of an example question counts as a copy.


@pytest.fixture(scope="module")
def kb():
    knowledge, problems = read_content(default_content_dir())
    assert knowledge is not None and not problems
    return knowledge


@pytest.fixture(scope="module")
def test_questions() -> list[LabelledQuestion]:
    return load_questions(DATA / "questions-test.yaml")


@pytest.fixture(scope="module")
def index(kb) -> SearchIndex:
    return SearchIndex(kb)


@pytest.fixture(scope="module")
def quality(index, test_questions) -> Quality:
    return measure(index.search, test_questions)


def test_question_set_ids_exist(kb, test_questions) -> None:
    unknown = {i for q in test_questions for i in q.expect if i not in kb.entries}
    assert not unknown


@pytest.mark.parametrize("name", ["questions-test.yaml", "questions-crisis-test.yaml", "questions-abstain-test.yaml"])
def test_no_test_question_copies_an_example_phrasing(kb, name: str) -> None:
    phrasings = [(e.id, p) for e in kb.entries.values() for p in e.questions.all()]
    prepared = [(entry_id, p, normalise(p)) for entry_id, p in phrasings]
    leaks = []
    for question in load_questions(DATA / name):
        text = normalise(question.q)
        for entry_id, phrasing, normalised in prepared:
            score = fuzz.ratio(text, normalised)
            if score >= LEAK_RATIO:
                leaks.append(f"{question.q!r} ~ {entry_id}: {phrasing!r} ({score:.0f})")
    assert not leaks, "test questions too close to entry phrasings:\n" + "\n".join(leaks)


# The targets on the held-out set. Failure messages carry numbers only: printing
# test-set misses would invite tuning on them.


def test_top1_target(quality: Quality) -> None:
    assert quality.top1 >= TOP1, f"top-1 {quality.top1:.3f}"


def test_top3_target(quality: Quality) -> None:
    assert quality.top3 >= TOP3, f"top-3 {quality.top3:.3f}"


def test_top3_of_topics_shown(quality: Quality) -> None:
    """The right entry is among the first three topics shown, as an answer or, when the search
    abstains, among the closest topics it offers instead."""
    assert quality.shown_top3 >= TOP3, f"top-3 shown {quality.shown_top3:.3f}"


def test_out_of_scope_rejected(quality: Quality) -> None:
    assert quality.oos_rejected >= 0.95, f"rejected {quality.oos_rejected:.3f}"


def test_abstention_on_the_held_out_check_set(index: SearchIndex) -> None:
    """The abstention targets again, on a second held-out set with 200 out-of-scope and 160
    in-scope questions (the test set has 44 out-of-scope ones: one answer is 2.3 points)."""
    quality = measure(index.search, load_questions(DATA / "questions-abstain-test.yaml"))
    assert quality.oos_rejected >= 0.95, f"rejected {quality.oos_rejected:.3f}"
    assert quality.false_abstention <= 0.05, f"false abstention {quality.false_abstention:.3f}"
    assert quality.top1 >= TOP1, f"top-1 {quality.top1:.3f}"


def test_false_abstention(quality: Quality) -> None:
    assert quality.false_abstention <= 0.05, f"false abstention {quality.false_abstention:.3f}"


def test_no_crisis_false_positives(quality: Quality) -> None:
    assert quality.crisis_false_positives == 0, f"{quality.crisis_false_positives} false positives"


def test_crisis_recall_target(quality: Quality) -> None:
    assert quality.crisis_recall == 1.0, f"crisis recall {quality.crisis_recall:.3f}"


def test_held_out_crisis_messages(index: SearchIndex) -> None:
    """A second held-out set, of crisis and alarming-but-safe messages only, written after the
    crisis rules were last tuned: recall is not yet 1.0 there (see benchmarks/RESULTS.md);
    this floor guards what is reached."""
    quality = measure(index.search, load_questions(DATA / "questions-crisis-test.yaml"))
    assert quality.crisis_recall >= CRISIS_HELD_OUT, f"crisis recall {quality.crisis_recall:.3f}"
    assert quality.crisis_false_positives <= 2, f"{quality.crisis_false_positives} false positives"


@pytest.mark.parametrize("name, top1, oos", [("questions-dev.yaml", 0.95, 0.95), ("questions-dev2.yaml", 0.95, 0.93),
                                             ("questions-dev3.yaml", 0.95, 0.92), ("questions-dev4.yaml", 0.90, 0.93)])
def test_tuning_sets_stay_tuned(index: SearchIndex, name: str, top1: float, oos: float) -> None:
    """The dev sets tuned the engine; a drop here means a change undid earlier work."""
    quality = measure(index.search, load_questions(DATA / name))
    assert quality.top1 >= top1 and quality.shown_top3 >= 0.97, (quality.top1, quality.shown_top3)
    assert quality.oos_rejected >= oos and quality.false_abstention <= 0.03
    assert quality.crisis_recall == 1.0 and quality.crisis_false_positives == 0


@pytest.mark.parametrize("name", ["questions-oos-dev.yaml", "questions-oos-dev2.yaml"])
def test_out_of_scope_tuning_sets_stay_tuned(index: SearchIndex, name: str) -> None:
    quality = measure(index.search, load_questions(DATA / name))
    assert quality.oos_rejected >= 0.95, f"rejected {quality.oos_rejected:.3f}"


@pytest.mark.parametrize("name, fp", [("questions-crisis-dev.yaml", 3), ("questions-crisis-dev2.yaml", 4),
                                      ("questions-crisis-dev3.yaml", 40)])
def test_crisis_tuning_sets_stay_tuned(index: SearchIndex, name: str, fp: int) -> None:
    """Levels reached on the crisis tuning sets (the third holds the hardest look-alikes:
    games, sports, hyperbole, the past told calmly)."""
    quality = measure(index.search, load_questions(DATA / name))
    assert quality.crisis_recall >= 0.98 and quality.crisis_false_positives <= fp, (
        quality.crisis_recall, quality.crisis_false_positives)
