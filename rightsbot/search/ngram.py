"""A small logistic model over character and word n-grams, shared by the crisis model
(:mod:`.crisis_model`) and the scope model (:mod:`.scope_model`).

Both ask a yes/no question of a whole message whose answer lies in its *vocabulary* more than
in any one word the rules or the index know: 血, 不醒, 楼顶 for danger; 离婚, 签证, 红烧肉 for
"not a matter this knowledge base covers". Pure Python: the weights ship as a text file (bias
on the first line, then ``feature<TAB>weight``) and are read once; training is a maintainer's
job and never runs in the app.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from typing import TypeVar

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def features(text: str) -> set[str]:
    """The n-grams of normalised text: Chinese characters, bigrams and trigrams; English words
    and word pairs."""
    found: set[str] = set()
    for run in _CJK_RUN.findall(text):
        for i in range(len(run)):
            found.add("c:" + run[i])
            if i + 1 < len(run):
                found.add("b:" + run[i:i + 2])
            if i + 2 < len(run):
                found.add("t:" + run[i:i + 3])
    words = _WORD.findall(text)
    for i, word in enumerate(words):
        found.add("w:" + word)
        if i + 1 < len(words):
            found.add("p:" + word + " " + words[i + 1])
    return found


_Model = TypeVar("_Model", bound="NgramModel")


class NgramModel:
    """Feature weights and a bias; :meth:`score` is the log-odds of the model's "yes"."""

    def __init__(self, weights: dict[str, float], bias: float):
        self.weights = weights
        """Weight of each n-gram feature."""
        self.bias = bias
        """Log-odds of a message with no known feature."""

    def score(self, text: str) -> float:
        """Log-odds of "yes" for ``text`` (normalised)."""
        return self.score_features(features(text))

    def score_features(self, found: set[str]) -> float:
        """Log-odds of "yes" for a text whose :func:`features` are ``found`` (so two models can
        share one pass over a long question)."""
        get = self.weights.get
        return self.bias + sum(get(f, 0.0) for f in found)

    @classmethod
    def parse(cls: type[_Model], text: str) -> _Model:
        """Read a weights file's text (one split, not a loop: it is read at start-up)."""
        head, _, body = text.partition("\n")
        fields = body.replace("\n", "\t").split("\t")
        if fields and not fields[-1]:
            fields.pop()
        return cls(dict(zip(fields[::2], map(float, fields[1::2]))), float(head.split("\t")[-1]))

    @classmethod
    def shipped(cls: type[_Model], name: str) -> _Model:
        """The model whose weights ship as ``search/data/<name>``."""
        return cls.parse(resources.files("rightsbot.search").joinpath("data", name).read_text(encoding="utf-8"))

    def dump(self) -> str:
        """The weights file's text (features sorted, so a change reads as a diff; weights
        below 0.01 dropped)."""
        rows = [f"bias\t{self.bias:.4f}"]
        rows += [f"{f}\t{w:.3f}" for f, w in sorted(self.weights.items()) if abs(w) >= 0.01]
        return "\n".join(rows) + "\n"


def train(samples: Sequence[tuple[str, int]], l2: float = 1e-3, steps: int = 300, rate: float = 0.5,
          min_count: int = 2) -> NgramModel:
    """Class-balanced logistic regression by full-batch gradient descent (pure Python)."""
    rows = [features(text) for text, _ in samples]
    labels = [label for _, label in samples]
    counts = Counter(f for row in rows for f in row)
    vocabulary = sorted(f for f, n in counts.items() if n >= min_count)
    position = {f: i for i, f in enumerate(vocabulary)}
    indexed = [[position[f] for f in row if f in position] for row in rows]
    positives = sum(labels)
    balance = [(len(labels) - positives) / max(1, positives) if y else 1.0 for y in labels]
    w = [0.0] * len(vocabulary)
    bias = -2.0
    n = len(labels)
    for _ in range(steps):
        grad = [0.0] * len(vocabulary)
        grad_b = 0.0
        for row, y, c in zip(indexed, labels, balance):
            z = bias + sum(w[j] for j in row)
            g = (1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z)))) - y) * c
            grad_b += g
            for j in row:
                grad[j] += g
        w = [wj - rate * (gj / n + l2 * wj) for wj, gj in zip(w, grad)]
        bias -= rate * grad_b / n
    return NgramModel(dict(zip(vocabulary, w)), bias)
