"""National-scale scoring benchmark: every agency's score and the overseer's summary.

8,300 agencies, the FY2568 framework (28 OIT items), random verdicts and survey aggregates.
Prints the time to score everyone (with what-if gains) and to build the national summary
(distribution by rating, pass rate, ranking, weakest indicators and items). A benchmark, not a
test: run it with `.venv/bin/python bench/scoring_national.py [--agencies N]`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openita.frameworks import schema
from openita.scoring import Inputs, Spec, score, what_if

LIBRARY_DIR = Path(__file__).resolve().parents[1] / "openita" / "frameworks" / "data"


def agencies(spec: Spec, n: int, seed: int) -> list[Inputs]:
    rng = random.Random(seed)
    survey = [x for i in spec.instruments for x in i.indicators if x not in spec.item_indicators]
    out = []
    for _ in range(n):
        quality = rng.uniform(0.6, 1.0)
        items = {c: Fraction(100 if rng.random() < quality else 0) for c in spec.items}
        indicators = {x: Fraction(rng.randint(6000, 10000), 100) for x in survey}
        out.append(Inputs(indicators, items))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--agencies", type=int, default=8300)
    parser.add_argument("--framework", default="ita-2568")
    args = parser.parse_args()
    spec = Spec.from_document(schema.dump(schema.load_yaml(LIBRARY_DIR / f"{args.framework}.yaml")))
    data = agencies(spec, args.agencies, seed=2568)

    start = time.perf_counter()
    results = [score(spec, inputs) for inputs in data]
    scored = time.perf_counter() - start
    gains = [what_if(spec, inputs)[:3] for inputs in data]
    with_gains = time.perf_counter() - start

    ratings = Counter(r.rating for r in results)
    passed = sum(r.passed for r in results)
    ranking = sorted(range(len(results)), key=lambda i: results[i].total, reverse=True)
    indicator_means = {
        n: statistics.fmean(float(r.indicators[n]) for r in results) for n in results[0].indicators
    }
    item_fail = Counter(c for inputs in data for c, v in inputs.items.items() if v < 100)
    total = time.perf_counter() - start

    print(f"framework {spec.framework}: {len(spec.items)} items, {args.agencies} agencies")
    print(f"scores:            {scored:6.2f} s ({args.agencies / scored:,.0f} agencies/s)")
    print(f"+ what-if gains:   {with_gains:6.2f} s")
    print(f"+ national summary {total:6.2f} s (target < 10 s)")
    print(f"pass rate {passed / len(results):.1%}; ratings {dict(ratings.most_common())}")
    print(
        f"top agency {results[ranking[0]].total}; weakest indicator "
        f"{min(indicator_means, key=indicator_means.__getitem__)}; most failed item "
        f"{item_fail.most_common(1)[0]}; example gains {[(g.item, str(g.gain)) for g in gains[0]]}"
    )


if __name__ == "__main__":
    main()
