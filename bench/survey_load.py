"""Survey answers under load: gunicorn + PostgreSQL on this machine, wrk as the load process.

    .venv/bin/python bench/survey_load.py [--seconds 20] [--workers 4] [--connections 32]

1. Creates a scratch PostgreSQL database (`openita_bench`), migrates it, installs the
   framework library and opens the FY2566 IIT survey of one agency (open link, no codes).
2. Prepares one complete answer body per request, each with its own one-time form token
   (`guard.issue_form_token`, as the form page would issue it) and random answers.
3. Measures the ceiling: pgbench's single-row INSERT rate of the same shape (uuid, int, date,
   jsonb) into a scratch table, with as many client connections as gunicorn has workers.
4. Starts gunicorn (sync workers) with the production settings (DEBUG off, Redis cache),
   the per-address rate limit off (every request comes from 127.0.0.1), and runs wrk with a
   Lua script that posts each body once; prints answers/s and latency percentiles.
5. Checks the counts: answers stored == successful responses, no token stored twice.
Needs PostgreSQL (127.0.0.1:5432, trust), Redis (6379), wrk and pgbench (`make install`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
DB = "openita_bench"
PG = ["-h", "127.0.0.1", "-U", "postgres"]
ENV = {
    "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB}",
    "OPENITA_SECRET_KEY": "bench-" + "x" * 50,
    "OPENITA_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "OPENITA_CACHE_URL": "redis://127.0.0.1:6379/11",
    "OPENITA_SURVEY_RATE_LIMIT": "0",
    "OPENITA_DB_CONN_MAX_AGE": "600",
    "DJANGO_SETTINGS_MODULE": "openita.settings",
    "OPENITA_DATA_DIR": tempfile.mkdtemp(prefix="openita-bench-data-"),
}
(Path(ENV["OPENITA_DATA_DIR"]) / "static").mkdir(exist_ok=True)
LUA = """
local bodies = {}
local counter = 0
local threads = {}
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end
function init(args)
  local n = tonumber(args[2])
  local i = 0
  for line in io.lines(args[1]) do
    if i % n == id - 1 then table.insert(bodies, line) end
    i = i + 1
  end
  next_body = 1
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
function request()
  local body = bodies[next_body]
  next_body = next_body + 1
  if body == nil then body = bodies[1] end  -- out of bodies: a replay, stored once at most
  return wrk.format(nil, nil, nil, body)
end
"""


def run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)  # type: ignore[call-overload]


def django_env() -> dict[str, str]:
    return {**os.environ, **ENV}


def setup_database() -> None:
    run(["psql", *PG, "-d", "postgres", "-c", f"DROP DATABASE IF EXISTS {DB}"])
    run(["psql", *PG, "-d", "postgres", "-c", f"CREATE DATABASE {DB}"])
    run([str(BIN / "openita"), "migrate", "--no-input"], env=django_env(), cwd=ROOT)


SETUP = """
import json, random, sys
from urllib.parse import urlencode
from openita.agencies.services import create_agency
from openita.frameworks.services import install_library
from openita.frameworks.models import Framework
from openita.surveys.services.runs import create_survey, open_survey
from openita.surveys.services import answers
from openita.surveys.guard import issue_form_token
install_library()
agency = create_agency(by=None, name="หน่วยงานทดสอบภาระ", kind="province", province="ปทุมธานี")
framework = Framework.objects.get(code="ita-2566")
survey = open_survey(create_survey(agency, framework, "IIT", by=None), by=None)
form = answers.answer_form(survey)
count = int(sys.argv[1])
with open(sys.argv[2], "w") as out:
    for _ in range(count):
        fields = {code: str(random.randrange(levels)) for code, levels in form.levels.items()}
        fields["form_token"] = issue_form_token(survey.token)
        out.write(urlencode(fields) + "\\n")
print(json.dumps({"token": survey.token, "survey": survey.pk}))
"""


def prepare(count: int, bodies: Path) -> dict[str, object]:
    script = f"import django; django.setup()\n{SETUP}"
    done = run(
        [str(BIN / "python"), "-c", script, str(count), str(bodies)], env=django_env(), cwd=ROOT
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def insert_ceiling(clients: int, seconds: int) -> float:
    """pgbench: single-row INSERTs of an answer's shape, autocommit, `clients` connections."""
    sql = (
        "DROP TABLE IF EXISTS bench_insert; CREATE TABLE bench_insert (id uuid PRIMARY KEY "
        "DEFAULT gen_random_uuid(), survey_id int, answered_on date, answers jsonb);"
    )
    run(["psql", *PG, "-d", DB, "-c", sql])
    answer = json.dumps({f"i{n}": n % 4 for n in range(1, 40)})
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as script:
        script.write(
            "INSERT INTO bench_insert (survey_id, answered_on, answers) "
            f"VALUES (1, current_date, '{answer}'::jsonb);\n"
        )
    out = run(["pgbench", *PG, "-n", "-c", str(clients), "-j", "2", "-T", str(seconds),
               "-f", script.name, DB]).stdout  # fmt: skip
    os.unlink(script.name)
    return float(re.search(r"tps = ([\d.]+)", out).group(1))  # type: ignore[union-attr]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_gunicorn(workers: int, port: int) -> subprocess.Popen[bytes]:
    cmd = [str(BIN / "gunicorn"), "openita.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}",
           "--log-level", "warning", "--keep-alive", "5"]  # fmt: skip
    proc = subprocess.Popen(cmd, env=django_env(), cwd=ROOT, start_new_session=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("gunicorn did not start")


def run_wrk(url: str, bodies: Path, threads: int, connections: int, seconds: int) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s",
           script.name, url, "--", str(bodies), str(threads)]  # fmt: skip
    out = run(cmd).stdout
    os.unlink(script.name)
    return out


_LAST: list[int] = []


def stored_last() -> int:
    return stored(_LAST[0])


def stored(survey: int) -> int:
    _LAST[:] = [survey]
    sql = f"SELECT count(*) FROM surveys_surveyanswer WHERE survey_id = {int(survey)}"
    return int(run(["psql", *PG, "-d", DB, "-tAc", sql]).stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    for tool in ("psql", "pgbench", "wrk"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: run `make install`")
    work = Path(tempfile.mkdtemp(prefix="openita-bench-"))
    bodies = work / "bodies.txt"
    setup_database()
    count = 2000 * args.seconds  # far more than the machine can post: no body is reused
    survey = prepare(count, bodies)
    ceiling = insert_ceiling(args.workers, 10)
    port = free_port()
    proc = start_gunicorn(args.workers, port)
    try:
        url = f"http://127.0.0.1:{port}/s/{survey['token']}/"
        run_wrk(url, bodies, args.threads, args.connections, 3)  # warm-up, discarded below
        time.sleep(1)  # requests cut off by wrk's stop may still be finishing
        warm = stored(int(survey["survey"]))  # type: ignore[call-overload]
        tail = bodies_tail(bodies, warm + args.connections * 10, work)
        out = run_wrk(url, tail, args.threads, args.connections, args.seconds)
        time.sleep(3)  # let gunicorn finish what wrk's stop cut off
        after = stored(int(survey["survey"]))  # type: ignore[call-overload]
        replayed = replay(url, tail, 200) - after
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    return report(out, after - warm, replayed, ceiling, args)


def replay(url: str, bodies: Path, count: int) -> int:
    """Post `count` bodies of the run again (tokens already spent); return the number of
    answers stored afterwards: a replay must add none. The first lines are left out: wrk
    prepares one request per thread that it never sends."""
    import urllib.request

    with bodies.open() as src:
        lines = [line.strip() for n, line in enumerate(src) if 20 <= n < 20 + count]
    for body in lines:
        request = urllib.request.Request(url, data=body.encode(), method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        with urllib.request.urlopen(request, timeout=10) as answer:
            answer.read()
    return stored_last()


def bodies_tail(bodies: Path, skip: int, work: Path) -> Path:
    """Bodies the warm-up did not post (its tokens are spent)."""
    tail = work / "bodies-run.txt"
    with bodies.open() as src, tail.open("w") as dst:
        for n, line in enumerate(src):
            if n >= skip:
                dst.write(line)
    return tail


def report(out: str, new: int, replayed: int, ceiling: float, args: argparse.Namespace) -> int:
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failed = (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    lat = dict(re.findall(r"\s(50|75|90|99)%\s+([\d.]+\w+)", out))
    print(f"gunicorn {args.workers} sync workers, wrk {args.threads} threads × {args.connections} "
          f"connections, {args.seconds} s, rate limit off (one address), Redis cache")  # fmt: skip
    print(f"answers/s {rate:.0f}   p50 {lat.get('50')}   p99 {lat.get('99')}   "
          f"requests {total}   failed {failed}")  # fmt: skip
    print(f"PostgreSQL single-row INSERT ceiling (pgbench, {args.workers} clients): {ceiling:.0f}/s"
          f" → answers reach {100 * rate / ceiling:.0f} % of it")  # fmt: skip
    # wrk stops with up to `connections` requests in flight: the server may still finish and
    # store them, so stored answers may exceed the successes it counted by at most that.
    extra = new - (total - failed)
    ok = 0 <= extra <= args.connections and replayed == 0
    print(f"stored {new} answers for {total - failed} successful posts "
          f"({extra} finished after wrk stopped, at most {args.connections} possible); "
          f"200 replayed posts stored {replayed}: "
          + ("none lost, none counted twice" if ok else "MISMATCH"))  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
