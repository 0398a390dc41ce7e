"""Maintainer tool: fit the re-ranking weights, the confidence weights and the abstention
threshold on the tuning question sets (never the test sets), and print them for :mod:`.engine`.

    python -m rightsbot.search.calibrate [--false-abstention 0.03]

Re-ranking: for every in-scope, non-crisis tuning question the features of
:data:`.engine.RERANK_FEATURES` of its best-ranked entries are recorded; a listwise softmax
regression learns weights that put an acceptable entry first. Confidence: with those weights
in place, the features of :data:`.engine.CONFIDENCE_FEATURES` of each question's best entry are
recorded (the scope model's score out of fold: each question scored by a model that did not
see it), labelled in scope (an entry is expected) or out of scope (``expect: []``), and a
logistic regression with the two classes weighted equally separates them; the threshold is the
confidence below which the chosen share of in-scope questions falls. Pure Python, no files
written: it prints, and a maintainer copies the figures into :mod:`.engine`.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .engine import CONFIDENCE_FEATURES, RERANK_FEATURES, SearchIndex
from .evaluate import TUNING_SETS, load_questions, shipped_knowledge_base
from .scope_model import labelled, out_of_fold


def collect(index: SearchIndex, paths: Sequence[Path],
            scope: dict[str, float] | None = None) -> tuple[list[list[float]], list[int]]:
    """Feature rows and labels (1 in scope, 0 out of scope) of the non-crisis questions;
    ``scope`` replaces the shipped scope model's score of a question by an out-of-fold one."""
    rows: list[list[float]] = []
    labels: list[int] = []
    for path in paths:
        for item in load_questions(path):
            if item.crisis:
                continue
            info = index.explain(item.q)
            if "closest" not in info:  # nothing matched at all: abstains whatever the weights
                continue
            if scope is not None and item.q in scope:
                info["scope"] = scope[item.q]
            rows.append([float(info[name]) for name in CONFIDENCE_FEATURES])
            labels.append(1 if item.expect else 0)
    return rows, labels


def rerank_groups(index: SearchIndex, paths: Sequence[Path]) -> list[tuple[list[list[float]], list[int]]]:
    """Per in-scope question: the re-ranking features of its candidates and which are acceptable."""
    groups: list[tuple[list[list[float]], list[int]]] = []
    for path in paths:
        for item in load_questions(path):
            if item.crisis or not item.expect:
                continue
            candidates = index.explain(item.q).get("rerank", [])
            labels = [1 if entry_id in item.expect else 0 for entry_id, _ in candidates]
            if any(labels):
                groups.append(([[float(f[name]) for name in RERANK_FEATURES] for _, f in candidates], labels))
    return groups


def fit_rerank(groups: list[tuple[list[list[float]], list[int]]], steps: int = 400, rate: float = 0.5,
               l2: float = 1e-3) -> list[float]:
    """Listwise softmax regression: raise the probability of the acceptable candidates."""
    k = len(RERANK_FEATURES)
    w = [0.0] * k
    for _ in range(steps):
        grad = [0.0] * k
        for rows, labels in groups:
            scores = [sum(wj * xj for wj, xj in zip(w, row)) for row in rows]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            good = sum(labels)
            for row, e, y in zip(rows, exps, labels):
                g = e / total - y / good
                for j in range(k):
                    grad[j] += g * row[j]
        w = [wj - rate * (gj / len(groups) + l2 * wj) for wj, gj in zip(w, grad)]
    return w


def fit(rows: list[list[float]], labels: list[int], steps: int = 3000, rate: float = 0.3,
        l2: float = 1e-3) -> tuple[list[float], float]:
    """Class-balanced logistic regression by gradient descent on standardised features;
    returns weights and bias for the raw features."""
    n, k = len(rows), len(rows[0])
    mean = [sum(r[j] for r in rows) / n for j in range(k)]
    std = [math.sqrt(sum((r[j] - mean[j]) ** 2 for r in rows) / n) or 1.0 for j in range(k)]
    x = [[(r[j] - mean[j]) / std[j] for j in range(k)] for r in rows]
    positives = sum(labels)
    balance = [1.0 if y else positives / max(1, n - positives) for y in labels]
    w = [0.0] * k
    b = 0.0
    for _ in range(steps):
        grad = [0.0] * k
        grad_b = 0.0
        for xi, yi, ci in zip(x, labels, balance):
            z = b + sum(wj * xj for wj, xj in zip(w, xi))
            g = (1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z)))) - yi) * ci
            grad_b += g
            for j in range(k):
                grad[j] += g * xi[j]
        w = [wj - rate * (gj / n) - l2 * wj for wj, gj in zip(w, grad)]
        b -= rate * grad_b / n
    raw = [wj / sj for wj, sj in zip(w, std)]
    return raw, b - sum(wj * mj for wj, mj in zip(raw, mean))


def main(argv: Sequence[str] | None = None) -> int:
    """Fit and print the weights, bias and threshold."""
    parser = argparse.ArgumentParser(prog="python -m rightsbot.search.calibrate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--false-abstention", type=float, default=0.03,
                        help="share of in-scope tuning questions allowed below the threshold")
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "tests" / "data")
    args = parser.parse_args(argv)
    kb = shipped_knowledge_base()
    paths = [args.data / name for name in TUNING_SETS]
    index = SearchIndex(kb)
    rerank = dict(zip(RERANK_FEATURES, fit_rerank(rerank_groups(index, paths))))
    index = SearchIndex(kb, replace(index.tuning, rerank_weights=rerank))
    phrasings = [(index.prepare(q), 1) for entry in kb.entries.values() for q in entry.questions.all()]
    samples, originals = labelled(args.data, index.prepare)
    scope = dict(zip(originals, out_of_fold(phrasings, samples)))
    rows, labels = collect(index, paths, scope)
    weights, bias = fit(rows, labels)
    scores = [1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, bias + sum(w * v for w, v in zip(weights, r))))))
              for r in rows]
    in_scope = sorted(s for s, y in zip(scores, labels) if y)
    threshold = in_scope[int(args.false_abstention * len(in_scope))]
    rejected = sum(1 for s, y in zip(scores, labels) if not y and s < threshold) / max(1, labels.count(0))
    print("RERANK_WEIGHTS = {" + ", ".join(f'"{name}": {w:.3f}' for name, w in rerank.items()) + "}")
    print("CONFIDENCE_WEIGHTS = {" + ", ".join(f'"{name}": {w:.3f}' for name, w in zip(CONFIDENCE_FEATURES, weights)) + "}")
    print(f"CONFIDENCE_BIAS = {bias:.3f}")
    print(f"threshold = {threshold:.3f}  # {len(in_scope)} in scope, {labels.count(0)} out of scope; "
          f"out-of-scope rejected {rejected:.3f} at false abstention {args.false_abstention:.3f}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
