"""National-scale benchmark against a real database: rescore every agency, build the
overseer dashboard.

1. Creates a throwaway PostgreSQL database (default ``openita_bench`` on 127.0.0.1), migrates
   it and installs the FY2568 framework (28 OIT items).
2. Bulk-inserts 8,300 agencies, each with a submitted response set, a released review with
   28 verdicts and 8 survey indicator scores.
3. Times ``review.results.recompute_all`` (every score from the stored verdicts) and
   ``review.overview.build`` (the national overseer dashboard), then drops the database.

Run: ``.venv/bin/python bench/overview_national.py [--agencies N] [--keep]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def recreate(server: str, name: str) -> None:
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    os.environ.update(
        DATABASE_URL=url,
        OPENITA_DEBUG="1",
        OPENITA_DATA_DIR=tempfile.mkdtemp(),
        DJANGO_SETTINGS_MODULE="openita.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def populate(n: int, seed: int) -> object:
    from openita.agencies.models import Agency
    from openita.disclosure.models import ItemResponse, ResponseSet
    from openita.frameworks.services import LIBRARY_DIR, install_file
    from openita.review.models import ItemReview, Review
    from openita.surveys.models import SurveyScore

    rng = random.Random(seed)
    framework, _ = install_file(LIBRARY_DIR / "ita-2568.yaml", by=None)
    items = list(framework.items.all())
    provinces = [f"จังหวัด{i:02d}" for i in range(77)]
    agencies = Agency.objects.bulk_create(
        Agency(name=f"หน่วยงานทดสอบ {i:05d}", kind="sao", province=provinces[i % 77])
        for i in range(n)
    )
    sets = ResponseSet.objects.bulk_create(
        ResponseSet(agency=a, framework=framework, status="submitted") for a in agencies
    )
    responses = ItemResponse.objects.bulk_create(
        (ItemResponse(response_set=s, item=i, status="submitted") for s in sets for i in items),
        batch_size=5000,
    )
    reviews = Review.objects.bulk_create(Review(response_set=s, status="released") for s in sets)
    by_set = {r.response_set_id: r for r in reviews}
    quality = {s.pk: rng.uniform(0.6, 1.0) for s in sets}
    ItemReview.objects.bulk_create(
        (
            ItemReview(
                review=by_set[r.response_set_id],
                response=r,
                is_draft=False,
                score=Decimal(100 if rng.random() < quality[r.response_set_id] else 0),
            )
            for r in responses
        ),
        batch_size=5000,
    )
    SurveyScore.objects.bulk_create(
        (
            SurveyScore(
                agency=a,
                framework=framework,
                indicator=k,
                source="imported",
                instrument="IIT" if k <= 5 else "EIT",
                score=Decimal(rng.randint(6000, 10000)) / 100,
            )
            for a in agencies
            for k in range(1, 9)
        ),
        batch_size=5000,
    )
    return framework


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--agencies", type=int, default=8300)
    parser.add_argument("--server", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--name", default="openita_bench")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    recreate(args.server, args.name)
    setup_django(f"{args.server}/{args.name}")
    start = time.perf_counter()
    framework = populate(args.agencies, seed=2568)
    print(f"populated {args.agencies} agencies in {time.perf_counter() - start:.1f} s")

    from django.db import connection

    from openita.agencies.models import Agency
    from openita.review import overview
    from openita.review.results import recompute_all

    start = time.perf_counter()
    count = recompute_all(framework, include_final=True)
    rescored = time.perf_counter() - start
    start = time.perf_counter()
    board = overview.build(Agency.objects.all(), overview.Filters(), today=dt.date(2026, 11, 21))
    built = time.perf_counter() - start
    print(f"recompute_all: {count} reviews in {rescored:.2f} s")
    print(f"overseer dashboard: {len(board.agencies)} agencies in {built:.2f} s")
    print(
        f"total {rescored + built:.2f} s (target < 10 s); pass rate "
        f"{board.passed}/{board.rated}; mean ITA {board.mean_ita}"
    )
    connection.close()
    if not args.keep:
        with psycopg.connect(f"{args.server}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{args.name}"')


if __name__ == "__main__":
    main()
