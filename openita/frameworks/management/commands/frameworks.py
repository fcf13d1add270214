"""`openita frameworks list|show|validate|import|export|load`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from openita.frameworks import excel, schema, services
from openita.frameworks.models import Framework


class Command(BaseCommand):
    help = "Browse, validate, import and export assessment frameworks."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="frameworks in the library")
        listing.add_argument("--json", action="store_true")
        show = sub.add_parser("show", help="one framework, whole")
        show.add_argument("id")
        show.add_argument("--json", action="store_true")
        validate = sub.add_parser("validate", help="check .yaml or .xlsx files, load nothing")
        validate.add_argument("files", nargs="+", type=Path)
        imp = sub.add_parser("import", help="validate and install .yaml or .xlsx files")
        imp.add_argument("files", nargs="+", type=Path)
        export = sub.add_parser("export", help="write a framework as .xlsx, .yaml or .json")
        export.add_argument("id")
        export.add_argument("out", type=Path)
        sub.add_parser("load", help="install every framework shipped with OpenITA")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, "do_" + options["action"])(**options)

    def do_list(self, *, json: bool = False, **_: Any) -> None:
        rows = [
            {
                "id": fw.code, "fiscal_year": fw.fiscal_year, "name": fw.name,
                "owner": fw.owner, "oit_items": fw.n_items, "complete": fw.complete,
                "confidence": fw.confidence, "previous": fw.previous_code or None,
            }
            for fw in Framework.objects.order_by("fiscal_year", "code").annotate_items()
        ]  # fmt: skip
        if json:
            self.stdout.write(_dumps(rows))
            return
        for r in rows:
            partial = "" if r["complete"] else "  (partial)"
            self.stdout.write(
                f"{r['id']:<22} FY{r['fiscal_year']}  {r['oit_items']:>3} items  "
                f"{r['confidence']:<13} {r['name']}{partial}"
            )

    def do_show(self, *, id: str, json: bool = False, **_: Any) -> None:
        fw = _get(id)
        if json:
            self.stdout.write(_dumps(fw.document))
            return
        self.stdout.write(f"{fw.code} — {fw.name} (FY{fw.fiscal_year}, {fw.confidence})")
        for item in fw.items.all():
            self.stdout.write(f"  {item.code:<4} [{item.sub_indicator}] {item.title}")
            for text in item.element_texts():
                self.stdout.write(f"        - {text}")

    def do_validate(self, *, files: list[Path], **_: Any) -> None:
        failed = 0
        for path in files:
            try:
                fw = _read(path)
            except schema.FrameworkFileError as exc:
                failed += 1
                self.stderr.write(str(exc))
            else:
                self.stdout.write(
                    f"{path}: ok ({fw.id}, FY{fw.fiscal_year}, {len(fw.items)} items)"
                )
        if failed:
            raise CommandError(f"{failed} file(s) failed validation; nothing was loaded")

    def do_import(self, *, files: list[Path], **_: Any) -> None:
        for path in files:
            try:
                framework, changed = services.install(_read(path), source=path.name, by=None)
            except schema.FrameworkFileError as exc:
                raise CommandError(f"{exc}\nNothing from {path} was loaded.") from None
            except services.FrameworkError as exc:
                raise CommandError(str(exc)) from None
            state = "installed" if changed else "unchanged"
            self.stdout.write(f"{framework.code}: {state} ({framework.items.count()} items)")

    def do_export(self, *, id: str, out: Path, **_: Any) -> None:
        doc = _get(id).document
        if out.suffix == ".xlsx":
            out.write_bytes(excel.export_workbook(doc))
        elif out.suffix in (".yaml", ".yml"):
            out.write_text(schema.to_yaml(doc), encoding="utf-8")
        elif out.suffix == ".json":
            out.write_text(_dumps(doc), encoding="utf-8")
        else:
            raise CommandError("the output file must end in .xlsx, .yaml or .json")
        self.stdout.write(f"{id}: written to {out}")

    def do_load(self, **_: Any) -> None:
        try:
            results = services.install_library(by=None)
        except (schema.FrameworkFileError, services.FrameworkError) as exc:
            raise CommandError(str(exc)) from None
        for framework, changed in results:
            state = "installed" if changed else "unchanged"
            self.stdout.write(f"{framework.code}: {state}")


def _read(path: Path) -> schema.Framework:
    if path.suffix.lower() == ".xlsx":
        return excel.import_workbook(path, source=str(path))
    if path.suffix.lower() in (".yaml", ".yml"):
        return schema.load_yaml(path)
    raise schema.FrameworkFileError(str(path), ["(file): expected a .yaml or .xlsx file"])


def _get(code: str) -> Framework:
    fw = Framework.objects.filter(code=code).first()
    if fw is None:
        known = ", ".join(Framework.objects.values_list("code", flat=True)) or "none loaded"
        raise CommandError(f"no framework {code!r} (known: {known})")
    return fw


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
