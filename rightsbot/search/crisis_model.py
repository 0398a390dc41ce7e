"""A second opinion on danger: a small logistic model over character and word n-grams.

The rules of :mod:`.crisis` are precise but only know the phrasings someone wrote down; a
message in words nobody foresaw (池塘边只剩我弟的拖鞋, "there's blood all over the sink")
slips past them. This model, trained on a few thousand labelled messages, scores the
*vocabulary* of danger instead -- 血, 不醒, 楼顶, 农药, "won't stop", "locked in" -- and says
"crisis" when the score is high. The search treats a message as a crisis when the rules say so
and the model does not overrule them (a very low score: a figure of speech, a question about
the law), or when the model alone is sure; a false alarm costs the emergency numbers shown
before the legal answer, a missed one may cost a life.

Its weights ship in ``data/crisis-weights.tsv`` (bias on the first line, then ``feature<TAB>weight``)
and are read on the first question. Maintainers regenerate them from the tuning question sets
(never the test sets) and the knowledge base's own example questions (as non-crisis text):

    python -m rightsbot.search.crisis_model --write
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .ngram import NgramModel, features, train

__all__ = ["L2", "STEPS", "THRESHOLD", "VETO", "CrisisModel", "features", "shipped_model", "train", "training_samples"]

WEIGHTS_FILE = "crisis-weights.tsv"
#: Score (log-odds) above which the model alone calls a message a crisis.
THRESHOLD = 0.75
#: Score below which the model overrules the rules: the rules match words (跳楼, "kill me"),
#: the model has seen them in thousands of calm questions ("跳楼讨薪会被拘留吗", "this paperwork
#: is going to kill me"). THRESHOLD, VETO and the training length were chosen together by
#: five-fold cross-validation on the tuning messages (1,145 crises, 3,723 other messages):
#: recall 0.955 with 53 false alarms, against 0.889 with 73 for the model alone at 1.5 (and
#: shorter training) and 0.66 with 57 for the rules alone.
VETO = -2.0
#: Training length and L2 penalty of the shipped weights (chosen with the thresholds).
STEPS, L2 = 1500, 1e-4


class CrisisModel(NgramModel):
    """The crisis model: :meth:`score` is the log-odds that a message expresses danger to
    life now."""

    @staticmethod
    def decide(score: float, rules: bool, story: bool) -> bool:
        """Whether a message with this model ``score`` is a crisis, given whether the rules of
        :mod:`.crisis` matched it and whether it is about a story or the news: the rules,
        unless the score is below :data:`VETO` (a figure of speech, a question about the
        law, the past); or the score alone above :data:`THRESHOLD`, unless it is a story."""
        return (rules and score >= VETO) or (score > THRESHOLD and not story)


@lru_cache(maxsize=1)
def shipped_model() -> CrisisModel:
    """The model whose weights ship with the package (read once)."""
    return CrisisModel.shipped(WEIGHTS_FILE)


def training_samples(data: Path) -> list[tuple[str, int]]:
    """The labelled messages, prepared as the search prepares a question, plus every example
    question of the knowledge base except the emergency entry's, as non-crisis text."""
    from .engine import EMERGENCY_ID, SearchIndex
    from .evaluate import TUNING_SETS, load_questions, shipped_knowledge_base

    kb = shipped_knowledge_base()
    index = SearchIndex(kb)

    samples = [(index.prepare(item.q), int(item.crisis)) for name in TUNING_SETS for item in load_questions(data / name)]
    samples += [(index.prepare(q), 0) for entry in kb.entries.values() if entry.id != EMERGENCY_ID
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
    trained = train(samples, steps=STEPS, l2=L2)
    model = CrisisModel(trained.weights, trained.bias)
    text = model.dump()
    if args.write:
        (Path(__file__).parent / "data" / WEIGHTS_FILE).write_text(text, encoding="utf-8")
    alone = [(model.decide(model.score(t), rules=False, story=False), y) for t, y in samples]
    found = sum(1 for said, y in alone if said and y)
    false = sum(1 for said, y in alone if said and not y)
    print(f"{len(samples)} messages ({sum(y for _, y in samples)} crises), {text.count(chr(10)) - 1} features; "
          f"on its own training data: {found} crises found, {false} false alarms")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
