"""`openita sitecheck URL --framework ID [--json] [--out FILE] [--html FILE]`.

Crawls the site and prints the pre-check verdict of every item (docs/sitecheck.md).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings as django_settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from openita.frameworks import schema
from openita.frameworks.management.commands.score import framework_document
from openita.lib.safehttp import UnsafeURL, validate_url
from openita.sitecheck.crawl.settings import CrawlSettings
from openita.sitecheck.report import SiteReport, to_json
from openita.sitecheck.run import check_site


class Command(BaseCommand):
    help = "Crawl an agency's website and judge every OIT item of a framework before assessors do."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url", help="the agency's home page, e.g. https://www.example.go.th/")
        parser.add_argument("--framework", required=True, help="framework id, e.g. ita-2568")
        parser.add_argument("--json", action="store_true", help="print the JSON report")
        parser.add_argument("--out", help="write the JSON report to this file")
        parser.add_argument("--html", help="write the HTML report for people to this file")
        parser.add_argument("--max-pages", type=int, default=None)
        parser.add_argument("--max-depth", type=int, default=None)
        parser.add_argument("--concurrency", type=int, default=None)

    def handle(self, *args: object, **options: object) -> None:
        url = str(options["url"])
        allow_private = bool(getattr(django_settings, "OPENITA_FETCH_ALLOW_PRIVATE", False))
        try:
            if not allow_private:
                validate_url(url)
        except UnsafeURL as exc:
            raise CommandError(f"cannot check {url!r}: {exc.detail}") from None
        framework = schema.validate_document(
            framework_document(str(options["framework"])), source=str(options["framework"])
        )
        report = check_site(url, framework, settings=self._settings(options, allow_private))
        data = to_json(report)
        if options["out"]:
            Path(str(options["out"])).write_text(
                json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
            )
        if options["html"]:
            from openita.sitecheck.render import render_html

            Path(str(options["html"])).write_text(render_html(report), encoding="utf-8")
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        elif not options["out"] or options["html"]:
            self._print(report)

    def _settings(self, options: dict[str, object], allow_private: bool) -> CrawlSettings:
        overrides = {
            key: options[name]
            for key, name in (
                ("max_pages", "max_pages"),
                ("max_depth", "max_depth"),
                ("concurrency", "concurrency"),
            )
            if options.get(name) is not None
        }
        timeout = float(getattr(django_settings, "OPENITA_FETCH_TIMEOUT", 15))
        return CrawlSettings(allow_private=allow_private, timeout_s=timeout, **overrides)  # type: ignore[arg-type]

    def _print(self, report: SiteReport) -> None:
        out = self.stdout
        out.write(f"{report.site} · {report.framework} · FY{report.fiscal_year}")
        out.write(
            f"{report.pages_fetched} pages, {report.documents_read} documents, "
            f"{report.duration_s:.1f} s"
            + (f", stopped by {report.stopped_by}" if report.stopped_by else "")
        )
        if report.index_page:
            out.write(f"index page: {report.index_page}")
        for item in report.items:
            where = item.evidence[0].url if item.evidence else ""
            out.write(f"{item.code:<5} {item.verdict:<9} {item.confidence:.2f}  {where}")
            for reason in item.reasons[-2:]:
                out.write(f"        {reason}")
        counts = ", ".join(f"{k} {v}" for k, v in report.counts().items())
        out.write(counts)
