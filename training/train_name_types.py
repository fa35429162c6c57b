"""Train ``pactgraph.extract.name_types`` from scratch and write its weights.

The examples are the capitalised names the rules leave to their frame (``extract.name_mentions``)
in articles with gold: a name is a Person or an Organization when the gold's entities list it
so (by name or alias), else Neither. The model is a multinomial logistic regression over the
features of ``name_types.features``, fitted by full-batch Adam from zero weights for a fixed
number of steps, so the same corpora give the same file, byte for byte.

    python training/train_name_types.py                  # the default corpora, into the package
    python training/train_name_types.py --folds 5        # and print cross-validated precision

Only tuning corpora are read: the blind corpus's tune half and the two probe corpora. Never its
test half, which is how the model is judged.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

from pactgraph.articles import read_article
from pactgraph.evaluation import names_match
from pactgraph.extract import name_mentions, name_types
from pactgraph.listing import find_articles

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "corpus" / "blind" / "tune", ROOT / "corpus" / "probe", ROOT / "corpus" / "probe2"]
OUT = ROOT / "src" / "pactgraph" / "extract" / "name_types.json"
ORG_TYPES = {"Organization", "Company", "GovernmentBody"}


def examples(corpus: Path) -> list[tuple[str, set[str], str]]:
    """(article stem, features, label) for every candidate name of every article with gold."""
    found = []
    for path in find_articles([corpus / "articles"]):
        gold_path = corpus / "gold" / f"{path.stem}.json"
        if not gold_path.exists():
            continue
        entities = json.loads(gold_path.read_text(encoding="utf-8")).get("entities", [])
        forms = [(e["type"], [e["name"], *e.get("aliases", [])]) for e in entities]
        article = read_article(path)
        for m in name_mentions(article):
            label = name_types.NEITHER
            for kind, names in forms:
                if m.name in names or names_match(m.name, names):
                    label = {"Person": name_types.PERSON, **dict.fromkeys(ORG_TYPES, name_types.ORGANIZATION)}.get(
                        kind, name_types.NEITHER
                    )
                    break
            found.append((path.stem, name_types.features(m.name, article.body, m.start, m.end), label))
    return found


def fit(data, *, l2: float, steps: int, min_count: int) -> dict[str, list[float]]:
    """Weights per feature (seen at least ``min_count`` times) and label, in ``LABELS`` order."""
    counts = Counter(f for _, feats, _ in data for f in feats)
    names = sorted(f for f, c in counts.items() if c >= min_count or f == "bias")
    index = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for row, (_, feats, _) in enumerate(data):
        for f in feats:
            if f in index:
                rows.append(row)
                cols.append(index[f])
    rows_a, cols_a = np.array(rows), np.array(cols)
    n, width, k = len(data), len(names), len(name_types.LABELS)
    truth = np.zeros((n, k))
    truth[np.arange(n), [name_types.LABELS.index(label) for _, _, label in data]] = 1
    weights = np.zeros((width, k))
    first, second = np.zeros_like(weights), np.zeros_like(weights)
    for step in range(1, steps + 1):
        scores = np.stack([np.bincount(rows_a, weights=weights[cols_a, c], minlength=n) for c in range(k)], 1)
        scores -= scores.max(1, keepdims=True)
        chances = np.exp(scores)
        chances /= chances.sum(1, keepdims=True)
        error = chances - truth
        grad = np.stack([np.bincount(cols_a, weights=error[rows_a, c], minlength=width) for c in range(k)], 1)
        grad = grad / n + l2 * weights / n
        first = 0.9 * first + 0.1 * grad
        second = 0.999 * second + 0.001 * grad * grad
        weights -= 0.05 * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    return {f: [round(float(w), 3) for w in weights[i]] for f, i in index.items() if np.abs(weights[i]).max() >= 0.01}


def cross_validate(data, folds: int, **options) -> None:
    """Precision and recall of each label above the threshold, on articles left out of training."""
    hits, chosen, total = Counter(), Counter(), Counter()
    for fold in range(folds):
        weights = fit([d for d in data if zlib.crc32(d[0].encode()) % folds != fold], **options)
        for stem, feats, label in data:
            if zlib.crc32(stem.encode()) % folds != fold:
                continue
            total[label] += 1
            scores = [sum(weights.get(f, [0.0] * 3)[c] for f in feats) for c in range(3)]
            top = max(range(3), key=lambda c: scores[c])
            chance = 1 / sum(np.exp(np.array(scores) - scores[top]))
            if chance >= name_types.THRESHOLD:
                chosen[name_types.LABELS[top]] += 1
                hits[name_types.LABELS[top]] += name_types.LABELS[top] == label
    for label in (name_types.PERSON, name_types.ORGANIZATION):
        print(
            f"{label}: precision {hits[label] / max(1, chosen[label]):.2f}, "
            f"recall {hits[label] / max(1, total[label]):.2f} of {total[label]} (threshold {name_types.THRESHOLD})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=CORPORA, help="folders with articles/ and gold/")
    parser.add_argument("--out", type=Path, default=OUT, help="the weights file to write")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty")
    parser.add_argument("--steps", type=int, default=400, help="optimisation steps")
    parser.add_argument("--min-count", type=int, default=2, help="drop features seen fewer times")
    parser.add_argument("--folds", type=int, default=0, help="also print cross-validated precision")
    args = parser.parse_args()
    data = [example for corpus in args.corpora for example in examples(corpus)]
    options = {"l2": args.l2, "steps": args.steps, "min_count": args.min_count}
    if args.folds:
        cross_validate(data, args.folds, **options)
    weights = fit(data, **options)
    labels = Counter(label for _, _, label in data)
    model = {
        "about": "pactgraph name types: logistic regression trained from scratch by training/train_name_types.py",
        "labels": list(name_types.LABELS),
        "corpora": [str(c.relative_to(ROOT)) if c.is_relative_to(ROOT) else str(c) for c in args.corpora],
        "examples": dict(sorted(labels.items())),
        "options": options,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, sort_keys=False, indent=0) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(weights)} features from {len(data)} names {dict(sorted(labels.items()))}")


if __name__ == "__main__":
    main()
