"""The fitted parts of the search: the n-gram models (crisis, scope) and the calibration tool's fits.

Each fit is checked on small data whose answer is known, so a broken optimiser fails here
rather than silently shipping worse weights.
"""

from __future__ import annotations

import math

from rightsbot.core.loader import default_content_dir, read_content

from rightsbot.search.calibrate import fit, fit_rerank
from rightsbot.search import prebuilt, scope_model
from rightsbot.search.crisis_model import THRESHOLD, VETO, CrisisModel, features, shipped_model, train
from rightsbot.search.engine import CONFIDENCE_FEATURES, RERANK_FEATURES, SearchIndex, Tuning


def test_features_cover_chinese_and_english_ngrams() -> None:
    found = features("着火了 help me")
    assert {"c:着", "b:着火", "t:着火了", "w:help", "p:help me"} <= found
    assert not any(f.startswith("c: ") for f in found)


def test_model_file_round_trip() -> None:
    model = CrisisModel({"b:着火": 2.5, "w:fire": 1.25, "c:的": -0.5}, -1.5)
    again = CrisisModel.parse(model.dump())
    assert again.bias == model.bias and again.weights == model.weights
    assert math.isclose(again.score("着火"), -1.5 + 2.5 + model.weights.get("c:着", 0.0) + model.weights.get("c:火", 0.0))


def test_training_separates_a_toy_set() -> None:
    danger = ["房子着火了", "着火了快跑", "楼下着火", "厨房着火了"]
    calm = ["工资拖欠", "拖欠工资怎么办", "工资没发", "拖了工资"]
    model = train([(t, 1) for t in danger] + [(t, 0) for t in calm], min_count=1)
    assert model.score("仓库着火了") > model.score("公司拖欠工资")
    assert model.weights["b:着火"] > 0 > model.weights["b:工资"]


def test_shipped_model_is_loaded_and_sane() -> None:
    model = shipped_model()
    assert len(model.weights) > 1000
    assert model.score("救命 着火了 快来人") > THRESHOLD
    assert model.score("劳动仲裁要交钱吗") < THRESHOLD


def test_crisis_model_overrules_the_rules_only_far_below_its_threshold() -> None:
    model = CrisisModel({"b:杀了": -3.0, "b:着火": 4.0}, 0.0)
    assert VETO < THRESHOLD
    calm, danger, neutral = model.score("游戏boss杀了我"), model.score("着火"), model.score("工资")
    assert not model.decide(calm, rules=True, story=False)  # the model overrules a rule match
    assert model.decide(danger, rules=False, story=False)  # the model alone is sure
    assert not model.decide(danger, rules=False, story=True)  # ... but not about a story
    assert model.decide(neutral, rules=True, story=False)  # in between: the rules decide
    assert not model.decide(neutral, rules=False, story=False)


def test_shipped_scope_model_tells_the_domain_from_everything_else() -> None:
    model = scope_model.shipped_model()
    assert len(model.weights) > 1000
    inside = ["老板拖欠工资怎么办", "申请行政复议的期限", "how do I apply for legal aid"]
    outside = ["明天会下雨吗", "红烧肉怎么做", "how do I renew my passport"]
    assert min(model.score(t) for t in inside) > max(model.score(t) for t in outside)
    assert all(abs(scope_model.scope_score(model, t * 50)) <= scope_model.LIMIT for t in inside + outside)


def test_out_of_fold_scores_come_from_models_that_did_not_see_the_sample() -> None:
    # every sample says 工资 (a word the fixed data marks as in scope) yet is labelled out of
    # scope, and also carries two characters no other text has, each text occurring twice. A
    # model that saw the twins learns their own characters as out of scope; out of fold, a
    # twin is seen at most once (below the two-occurrence minimum), so only 工资 speaks
    chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"
    texts = [("工资" + chars[i:i + 2], 0) for i in range(0, len(chars), 2)]
    samples = texts + texts
    fixed = [("工资的事", 1), ("工资没发", 1), ("天气很好", 0), ("今天天气", 0)] * 3
    seen = train(fixed + samples, steps=scope_model.STEPS, l2=scope_model.L2)
    held_out = scope_model.out_of_fold(fixed, samples, folds=5)
    assert len(held_out) == len(samples)
    seen_mean = sum(seen.score(t) for t, _ in samples) / len(samples)
    assert sum(held_out) / len(held_out) > seen_mean + 1.0


def test_confidence_fit_learns_the_direction_of_each_feature() -> None:
    rows = [[x / 10, 1 - x / 10] for x in range(11)] * 3
    labels = [1 if r[0] > 0.5 else 0 for r in rows]
    weights, bias = fit(rows, labels, steps=500)
    assert weights[0] > 0 > weights[1]
    score = lambda r: bias + weights[0] * r[0] + weights[1] * r[1]  # noqa: E731
    assert score([0.9, 0.1]) > 0 > score([0.1, 0.9])


def test_rerank_fit_prefers_the_feature_that_marks_the_right_candidate() -> None:
    k = len(RERANK_FEATURES)
    good = [0.0] * k
    good[RERANK_FEATURES.index("closest")] = 1.0
    bad = [0.0] * k
    bad[RERANK_FEATURES.index("fused")] = 1.0
    weights = fit_rerank([([good, bad], [1, 0]), ([bad, good], [0, 1])], steps=200)
    assert weights[RERANK_FEATURES.index("closest")] > weights[RERANK_FEATURES.index("fused")]


def test_shipped_weights_name_every_feature(mini_content) -> None:
    tuning = Tuning()
    assert set(tuning.rerank_weights) == set(RERANK_FEATURES)
    assert set(tuning.confidence_weights) == set(CONFIDENCE_FEATURES)
    kb, problems = read_content(mini_content)
    assert kb is not None and not problems
    info = SearchIndex(kb).explain("老板拖欠工资怎么办")
    assert set(CONFIDENCE_FEATURES) <= set(info) and 0.0 <= info["confidence"] <= 1.0


def test_shipped_term_table_matches_the_shipped_content() -> None:
    """The prebuilt terms (rightsbot/search/data/terms.tsv) are what splitting the shipped
    content's text from scratch gives; after a content or tokeniser change, regenerate them
    with ``python -m rightsbot.search.prebuilt --write``."""
    kb, problems = read_content(default_content_dir())
    assert kb is not None and not problems
    fresh = SearchIndex(kb, prebuilt=False)
    table = prebuilt.shipped(fresh.terms_fingerprint)
    assert table is not None, "terms.tsv was made for other synonyms or keywords: regenerate it"
    assert table == fresh.knowledge_terms(), "terms.tsv is stale: python -m rightsbot.search.prebuilt --write"


def test_term_table_round_trip_and_refusals() -> None:
    terms = {"a\tb\nc\\d": {"words": ["工资", "wag"], "bigrams": [], "pinyin": ["gong_zi"]}}
    table = prebuilt.Table(terms, {"A\tB\nC\\D": "a\tb\nc\\d"})
    text = prebuilt.dump("k1", table)
    assert prebuilt.parse(text, "k1") == table
    assert prebuilt.parse(text, "k2") is None  # made for other synonyms or taught words
    assert prebuilt.parse(text.replace("gong_zi", "gong_zi\textra"), "k1") is None  # damaged


def test_an_index_without_the_table_ranks_the_same(mini_content) -> None:
    kb, problems = read_content(mini_content)
    assert kb is not None and not problems
    with_table, without = SearchIndex(kb), SearchIndex(kb, prebuilt=False)
    for question in ("老板拖欠工资怎么办", "my boss has not paid me", "天气"):
        assert with_table.search(question) == without.search(question)
