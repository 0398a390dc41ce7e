"""A second opinion on danger: a small logistic model over character and word n-grams.

The rules of :mod:`.crisis` are precise but only know the phrasings someone wrote down; a
message in words nobody foresaw (池塘边只剩我弟的拖鞋, "there's blood all over the sink")
slips past them. This model, trained on a few thousand labelled messages, scores the
*vocabulary* of danger instead -- 血, 不醒, 楼顶, 农药, "won't stop", "locked in" -- and says
"crisis" when the score is high. The search treats a message as a crisis when the rules *or*
this model say so; a false alarm costs the emergency numbers shown before the legal answer,
a missed one may cost a life.

Its weights ship in ``data/crisis-weights.tsv`` (bias on the first line, then ``feature<TAB>weight``)
and are read on the first question. Maintainers regenerate them from the tuning question sets
(never the test sets) and the knowledge base's own example questions (as non-crisis text):

    python -m rightsbot.search.crisis_model --write
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
WEIGHTS_FILE = "crisis-weights.tsv"
#: Score (log-odds) above which the model calls a message a crisis. Chosen by five-fold
#: cross-validation on the training messages: together with the rules it adds about a sixth
#: more of the crises for one false alarm in five hundred ordinary messages.
THRESHOLD = 1.5
#: The tuning question sets the model learns from (the test sets are never among them).
TRAINING_SETS = ("questions-dev.yaml", "questions-dev2.yaml", "questions-dev3.yaml", "questions-crisis-dev.yaml")


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


class CrisisModel:
    """Feature weights and a bias; :meth:`score` is the log-odds that a message is a crisis."""

    def __init__(self, weights: dict[str, float], bias: float):
        self.weights = weights
        """Weight of each n-gram feature."""
        self.bias = bias
        """Log-odds of a message with no known feature."""

    def score(self, text: str) -> float:
        """Log-odds that ``text`` (normalised) expresses danger to life now."""
        get = self.weights.get
        return self.bias + sum(get(f, 0.0) for f in features(text))

    def says_crisis(self, text: str) -> bool:
        """True when the score passes :data:`THRESHOLD`."""
        return self.score(text) > THRESHOLD

    @classmethod
    def parse(cls, text: str) -> CrisisModel:
        """Read the weights file's text (one split, not a loop: it is read at start-up)."""
        head, _, body = text.partition("\n")
        fields = body.replace("\n", "\t").split("\t")
        if fields and not fields[-1]:
            fields.pop()
        return cls(dict(zip(fields[::2], map(float, fields[1::2]))), float(head.split("\t")[-1]))

    def dump(self) -> str:
        """The weights file's text (features sorted, so a change reads as a diff)."""
        rows = [f"bias\t{self.bias:.4f}"]
        rows += [f"{f}\t{w:.3f}" for f, w in sorted(self.weights.items()) if abs(w) >= 0.01]
        return "\n".join(rows) + "\n"


@lru_cache(maxsize=1)
def shipped_model() -> CrisisModel:
    """The model whose weights ship with the package (read once)."""
    text = resources.files("rightsbot.search").joinpath("data", WEIGHTS_FILE).read_text(encoding="utf-8")
    return CrisisModel.parse(text)


def train(samples: Sequence[tuple[str, int]], l2: float = 1e-3, steps: int = 300, rate: float = 0.5,
          min_count: int = 2) -> CrisisModel:
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
    return CrisisModel(dict(zip(vocabulary, w)), bias)


def training_samples(data: Path) -> list[tuple[str, int]]:
    """The labelled messages, prepared as the search prepares a question, plus every example
    question of the knowledge base except the emergency entry's, as non-crisis text."""
    from ..core.loader import default_content_dir, read_content
    from ..core.text import clean_question
    from .engine import EMERGENCY_ID, SearchIndex
    from .evaluate import load_questions
    from .normalize import normalise

    kb, problems = read_content(default_content_dir(), authoring_checks=False)
    if kb is None or problems:
        raise SystemExit("content has problems; run `rightsbot validate`")
    index = SearchIndex(kb)

    def prepare(text: str) -> str:
        return index.fix_typos(index.read_pinyin(normalise(clean_question(text)[0])))

    samples = [(prepare(item.q), int(item.crisis)) for name in TRAINING_SETS for item in load_questions(data / name)]
    samples += [(prepare(q), 0) for entry in kb.entries.values() if entry.id != EMERGENCY_ID
                for q in entry.questions.all()]
    return samples


def main(argv: Sequence[str] | None = None) -> int:
    """Train on the tuning sets and print (or with --write, store) the weights."""
    parser = argparse.ArgumentParser(prog="python -m rightsbot.search.crisis_model",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "tests" / "data")
    parser.add_argument("--write", action="store_true", help=f"replace data/{WEIGHTS_FILE}")
    args = parser.parse_args(argv)
    samples = training_samples(args.data)
    model = train(samples)
    text = model.dump()
    if args.write:
        (Path(__file__).parent / "data" / WEIGHTS_FILE).write_text(text, encoding="utf-8")
    found = sum(1 for t, y in samples if y and model.says_crisis(t))
    false = sum(1 for t, y in samples if not y and model.says_crisis(t))
    print(f"{len(samples)} messages ({sum(y for _, y in samples)} crises), {text.count(chr(10)) - 1} features; "
          f"on its own training data: {found} crises found, {false} false alarms")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
