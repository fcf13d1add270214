"""`openita sitecheck_monitor`: queue the weekly pre-check of every site due for one.

Meant to run once a week (cron, or the task worker's scheduler). A site is due when its
agency has an open response set and its newest check is 7 days old or more.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from openita.sitecheck import monitor


class Command(BaseCommand):
    help = (
        "Queue a pre-check of each agency website whose last check is 7 days old or more "
        "(agencies with an open response set only). Safe to run more than once: a site "
        "checked in the last 7 days, or being checked, is left alone."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="list the sites due without queueing them"
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        if dry_run:
            for rs in monitor.due_rechecks():
                self.stdout.write(
                    f"due: {rs.agency.name} · {rs.framework.code} · {rs.agency.website}"
                )
            return
        checks = monitor.weekly_recheck()
        for check in checks:
            self.stdout.write(
                f"queued: {check.agency.name} · {check.framework.code} · {check.start_url}"
            )
        self.stdout.write(f"{len(checks)} pre-check(s) queued")
