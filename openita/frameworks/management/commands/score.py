"""`openita score [--json] [FILE]`: score a JSON document with the framework's rules."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from openita.frameworks import schema
from openita.frameworks.models import Framework
from openita.frameworks.services import LIBRARY_DIR
from openita.scoring import ScoringError, Spec, score
from openita.scoring.jsonio import read_inputs, write_result


def framework_document(code: str) -> dict[str, Any]:
    """The installed framework, else the shipped file of that id (no database needed)."""
    try:
        installed = Framework.objects.filter(code=code).first()
    except DatabaseError:  # not migrated yet: the shipped files still work
        installed = None
    if installed is not None:
        return dict(installed.document)
    path = LIBRARY_DIR / f"{code}.yaml"
    if not path.is_file():
        raise CommandError(f"unknown framework {code!r} (see `openita frameworks list`)")
    return schema.dump(schema.load_yaml(path))


class Command(BaseCommand):
    help = "Score indicator scores or item verdicts with a framework's rules (docs/scoring.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default="-", help="JSON file, or - for stdin")
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        doc = self._read(options["file"])
        if not isinstance(doc, dict) or not isinstance(doc.get("framework"), str):
            raise CommandError('the document needs a "framework" id, e.g. "ita-2566"')
        spec = Spec.from_document(framework_document(doc["framework"]))
        try:
            inputs = read_inputs(doc)
            out = write_result(spec, inputs, score(spec, inputs))
        except ScoringError as exc:
            raise CommandError("cannot score:\n  " + "\n  ".join(exc.problems)) from None
        if options["json"]:
            self.stdout.write(json.dumps(out, ensure_ascii=False, indent=2))
        else:
            self._table(out)

    def _read(self, name: str) -> Any:
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
            return json.loads(text)
        except OSError as exc:
            raise CommandError(f"cannot read {name}: {exc}") from None
        except json.JSONDecodeError as exc:
            raise CommandError(f"{name}: not JSON ({exc})") from None

    def _table(self, out: dict[str, Any]) -> None:
        self.stdout.write(f"{out['framework']}: ITA {out['ita']:.2f} · {out['rating']}")
        for code in ("iit", "eit", "oit"):
            if code in out:
                self.stdout.write(f"  {code.upper():4} {out[code]:6.2f}")
        for number, value in out["indicators"].items():
            self.stdout.write(f"  indicator {number:>2} {value:6.2f}")
        for gain in out.get("what_if", [])[:10]:
            line = f"  if {gain['item']} passed: {gain['ita']:.2f} (+{gain['gain']:.2f})"
            self.stdout.write(line)
