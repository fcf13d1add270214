"""`openita score`: the engine's results from a JSON document, by file or standard input."""

import io
import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from openita.scoring import Inputs, score
from tests.scoring.test_engine import LABELS

pytestmark = pytest.mark.django_db
INDICATORS = {"1": 93.55, "2": 90.1, "3": 88.2, "4": 91, "5": 87.5, "6": 92.3, "7": 89.9,
              "8": 86.4, "9": 80.0, "10": 65.56}  # fmt: skip


def run_file(tmp_path, doc) -> dict:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    call_command("score", str(path), "--json", stdout=out)
    return json.loads(out.getvalue())


def test_it_scores_indicator_scores(tmp_path):
    out = run_file(tmp_path, {"framework": "ita-2566", "indicators": INDICATORS})
    assert (out["iit"], out["eit"], out["oit"], out["ita"]) == (90.07, 89.53, 72.78, 82.99)
    assert out["rating"] == "ต้องปรับปรุง" and out["passed"] is False
    assert out["indicators"]["10"] == 65.56


def test_it_scores_item_verdicts_like_the_engine(tmp_path):
    items = {code: "pass" for code in LABELS.items}
    failed = [c for c, s in LABELS.items.items() if s == "9.3"][:1]
    items.update(dict.fromkeys(failed, "fail"))
    surveys = {str(n): 90 for n in range(1, 9)}
    out = run_file(tmp_path, {"framework": "ita-2566", "indicators": surveys, "items": items})
    engine = score(LABELS, Inputs(
        indicators={n: 90 for n in range(1, 9)},
        items={c: 0 if c in failed else 100 for c in LABELS.items},
    ))  # fmt: skip
    # 0.6 × 90 + 0.4 × mean(ind. 9 = 100 − 25/5, ind. 10 = 100) = 54 + 39
    assert out["ita"] == float(engine.total) == 93.0
    assert out["sub_indicators"]["9.3"] == 75.0
    assert out["what_if"] == [{"item": failed[0], "ita": 94.0, "gain": 1.0, "rating": "ผ่านดี"}]


def test_it_reads_standard_input_through_the_real_command(tmp_path):
    doc = json.dumps({"framework": "ita-2565", "indicators": dict.fromkeys(INDICATORS, 84.995)})
    env = {"OPENITA_DEBUG": "1", "OPENITA_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "openita", "score", "--json"],
        input=doc,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert (out["ita"], out["rating"], out["passed"]) == (85.0, "A", True)


@pytest.mark.parametrize(
    ("doc", "says"),
    [
        ("not json", "not JSON"),
        ({"indicators": {}}, '"framework"'),
        ({"framework": "ita-1999", "indicators": {"1": 1}}, "unknown framework"),
        ({"framework": "ita-2566", "indicators": {"1": "lots"}}, "is not a number"),
        ({"framework": "ita-2566", "items": {"O1": "maybe"}}, "is not a verdict"),
        ({"framework": "ita-2566", "indicators": {"1": 120}}, "outside 0-100"),
        ({"framework": "ita-2566"}, "give 'indicators'"),
    ],
)
def test_it_explains_what_it_cannot_score(tmp_path, doc, says):
    path = tmp_path / "in.json"
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    with pytest.raises(CommandError, match=says):
        call_command("score", str(path), "--json", stdout=io.StringIO())
