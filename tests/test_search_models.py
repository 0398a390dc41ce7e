"""The fitted parts of the search: the crisis n-gram model and the calibration tool's fits.

Each fit is checked on small data whose answer is known, so a broken optimiser fails here
rather than silently shipping worse weights.
"""

from __future__ import annotations

import math

from rightsbot.core.loader import read_content

from rightsbot.search.calibrate import fit, fit_rerank
from rightsbot.search.crisis_model import THRESHOLD, CrisisModel, features, shipped_model, train
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
