"""Is this a matter the knowledge base covers at all? An n-gram model of the vocabulary of
its topics against that of everything else people type.

The index measures how well a question matches the *best* entry; a near-domain question
(离婚时房子怎么分, "how do I renew my passport") can match an entry's words well enough and still
be about something no entry covers. This model has read the entries' own example questions
and the in-scope tuning questions as "yes", and about a thousand out-of-scope tuning messages
(family law, tax, visas, traffic points, everyday questions, noise) as "no"; its score is one
of the features the confidence is computed from (:data:`.engine.CONFIDENCE_FEATURES`).

Its weights ship in ``data/scope-weights.tsv`` and are read on the first question.
Maintainers regenerate them from the tuning sets (never the test sets):

    python -m rightsbot.search.scope_model --write
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from .ngram import NgramModel, train

WEIGHTS_FILE = "scope-weights.tsv"
#: Training length and L2 penalty of the shipped weights.
STEPS, L2 = 1500, 1e-4
#: Scores are clipped to this range before they enter the confidence, so one odd message
#: cannot dominate the other features.
LIMIT = 10.0


@lru_cache(maxsize=1)
def shipped_model() -> NgramModel:
    """The model whose weights ship with the package (read once)."""
    return NgramModel.shipped(WEIGHTS_FILE)


def clipped(score: float) -> float:
    """A score clipped to +-:data:`LIMIT`, as the confidence takes it."""
    return max(-LIMIT, min(LIMIT, score))


def scope_score(model: NgramModel, text: str) -> float:
    """The model's clipped log-odds that ``text`` (normalised) is in scope."""
    return clipped(model.score(text))


def labelled(data: Path, prepare: Callable[[str], str]) -> tuple[list[tuple[str, int]], list[str]]:
    """The tuning questions that are not crises, prepared as the search prepares a question,
    labelled 1 in scope and 0 out of scope; and their original texts, in the same order."""
    from .evaluate import TUNING_SETS, load_questions

    samples: list[tuple[str, int]] = []
    originals: list[str] = []
    for name in TUNING_SETS:
        for item in load_questions(data / name):
            if not item.crisis:
                samples.append((prepare(item.q), 1 if item.expect else 0))
                originals.append(item.q)
    return samples, originals


def out_of_fold(fixed: Sequence[tuple[str, int]], samples: Sequence[tuple[str, int]], folds: int = 5,
                seed: int = 7) -> list[float]:
    """Scores of ``samples``, each by a model that did not see it (trained on ``fixed`` and the
    other folds): what the calibration must see, or it would trust the model too much."""
    order = list(range(len(samples)))
    random.Random(seed).shuffle(order)
    fold = {i: k % folds for k, i in enumerate(order)}
    scores = [0.0] * len(samples)
    for k in range(folds):
        model = train(list(fixed) + [s for i, s in enumerate(samples) if fold[i] != k], steps=STEPS, l2=L2)
        for i, (text, _) in enumerate(samples):
            if fold[i] == k:
                scores[i] = scope_score(model, text)
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    """Train on the entries' example questions and the tuning sets; print (or with --write,
    store) the weights."""
    from .engine import SearchIndex
    from .evaluate import shipped_knowledge_base

    parser = argparse.ArgumentParser(prog="python -m rightsbot.search.scope_model",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "tests" / "data")
    parser.add_argument("--write", action="store_true", help=f"replace data/{WEIGHTS_FILE}")
    args = parser.parse_args(argv)
    kb = shipped_knowledge_base()
    index = SearchIndex(kb)
    phrasings = [(index.prepare(q), 1) for entry in kb.entries.values() for q in entry.questions.all()]
    samples, _ = labelled(args.data, index.prepare)
    model = train(phrasings + samples, steps=STEPS, l2=L2)
    text = model.dump()
    if args.write:
        (Path(__file__).parent / "data" / WEIGHTS_FILE).write_text(text, encoding="utf-8")
    print(f"{len(phrasings)} example questions and {len(samples)} tuning questions "
          f"({sum(1 for _, y in samples if not y)} out of scope); {text.count(chr(10)) - 1} features")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
