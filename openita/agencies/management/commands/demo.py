"""`openita demo`: demo agencies, units, one user per role and FY2566 assignments."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from openita.agencies.demo import DemoError, build_demo


class Command(BaseCommand):
    help = "Create (or refresh) the demo agencies and users, and print how to log in."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet", action="store_true", help="print nothing")

    def handle(self, *args: Any, quiet: bool = False, **options: Any) -> None:
        try:
            result = build_demo()
        except DemoError as exc:
            raise CommandError(str(exc)) from None
        if quiet:
            return
        self.stdout.write("")
        self.stdout.write("OpenITA demo — log in at http://127.0.0.1:8000/accounts/login/")
        self.stdout.write("ผู้ใช้ตัวอย่าง (demo users; passwords are new on every run):")
        for row in result.logins:
            self.stdout.write(
                f"  {row.username:<12} {row.password:<22} {row.role:<12} {row.agency}"
            )
        self.stdout.write("")
