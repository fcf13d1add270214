from django.core.management import call_command

from openita.accounts.models import User
from openita.agencies.demo import build_demo
from openita.agencies.models import Agency
from openita.disclosure.models import ResponseSet


def test_it_builds_three_agencies_a_user_per_role_and_fy2566_assignments(db, capsys):
    call_command("frameworks", "load")
    call_command("demo")
    out = capsys.readouterr().out
    assert Agency.objects.count() == 3
    assert {"coordinator", "editor", "executive", "assessor", "overseer", "admin"} <= set(
        User.objects.values_list("username", flat=True)
    )
    rs = ResponseSet.objects.get(agency__name="จังหวัดปทุมธานี", framework__code="ita-2566")
    assert rs.responses.count() == 43
    assert rs.responses.filter(units__isnull=True).count() == 0
    o27 = rs.responses.get(item__code="O27")
    assert [u.short_name for u in o27.units.all()] == ["ศตธ."]
    assert "coordinator" in out and "http://127.0.0.1:8000/accounts/login/" in out


def test_it_can_run_again_and_prints_working_passwords(db):
    call_command("frameworks", "load")
    build_demo()
    again = build_demo()
    login = next(row for row in again.logins if row.username == "coordinator")
    assert User.objects.get(username="coordinator").check_password(login.password)
    assert Agency.objects.count() == 3
