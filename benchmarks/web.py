"""Benchmark the web application as staff use it: a real server, 20 people at once, PostgreSQL.

    .venv/bin/python benchmarks/web.py                    # 5,000 children x 10 years
    .venv/bin/python benchmarks/web.py --skip-load        # reuse the database already loaded
    .venv/bin/python benchmarks/web.py --children 500 --years 3 --seconds 20   # a quick look

Steps (each timed and printed):
1. generate the synthetic authority (``lookedafter synth``; kept under ``--data``) and load its
   canonical dataset into a fresh PostgreSQL database (``manage.py loaddataset``);
2. create one account per simulated person: 20 social workers (each the allocated worker of
   real children) and 20 senior leaders (with TOTP devices, verified sessions);
3. start gunicorn (``--workers``, threads) on 127.0.0.1 and warm each page once per worker;
4. 20 concurrent users for ``--seconds``: each one repeatedly opens their worklist, one of their
   children's pages and the dashboard (as a leader). Prints requests, errors, median, p95 and
   max per page;
5. uploads a 1,000-child 903 return (``lookedafter synth --children 1000``) as an analyst and
   applies it, through the server: time to the preview and time to apply.

Targets (issue 5): worklist and child page p95 under 150 ms, dashboard p95 under 300 ms,
a 1,000-child return loaded in under 10 s. The figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def run(cmd: list[str], env: dict[str, str], what: str) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)  # noqa: S603
    took = time.perf_counter() - started
    print(f"{what}: {took:.1f} s", flush=True)
    return took


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def make_people(n: int) -> dict[str, list[dict[str, Any]]]:
    """Accounts for the simulated people, with signed-in (and verified) session keys."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Count
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from lookedafter.web.register.models import Child, Role, StaffProfile, Worker

    User = get_user_model()
    from lookedafter.web.register.models import ReturnUpload

    ReturnUpload.objects.filter(uploaded_by__username__startswith="bench-").delete()
    User.objects.filter(username__startswith="bench-").delete()
    busiest = (
        Child.objects.exclude(current_worker="")
        .values("current_worker")
        .annotate(n=Count("pk"))
        .order_by("-n")[:n]
    )
    teams = dict(Worker.objects.values_list("worker_id", "team_id"))

    def session_for(user: Any, device: Any = None) -> str:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        if device is not None:
            store[DEVICE_ID_SESSION_KEY] = device.persistent_id
        store.save()
        return str(store.session_key)

    people: dict[str, list[dict[str, Any]]] = {"sw": [], "leader": [], "analyst": []}
    for i, row in enumerate(busiest):
        worker = row["current_worker"]
        user = User.objects.create_user(f"bench-sw-{i}", password=secrets.token_urlsafe(16))
        StaffProfile.objects.create(
            user=user,
            role=Role.SOCIAL_WORKER,
            team_code=teams.get(worker) or "",
            worker_code=worker,
        )
        kids = list(
            Child.objects.filter(current_worker=worker, restricted=False).values_list(
                "child", flat=True
            )
        )
        people["sw"].append({"session": session_for(user), "children": kids})
    for i in range(n + 1):
        role = Role.SENIOR_LEADER if i < n else Role.ANALYST
        user = User.objects.create_user(f"bench-{role}-{i}", password=secrets.token_urlsafe(16))
        StaffProfile.objects.create(user=user, role=role)
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        key = "leader" if role == Role.SENIOR_LEADER else "analyst"
        people[key].append({"session": session_for(user, device)})
    return people


class Browser:
    """One person's keep-alive connection with their session cookie."""

    def __init__(self, port: int, session: str) -> None:
        self.port = port
        self.cookie = f"sessionid={session}"
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def get(self, path: str) -> tuple[int, float]:
        """Status and seconds; a kept-alive connection the server has closed is reopened and
        the request sent again (as a browser does), timing the second attempt."""
        for attempt in (1, 2):
            started = time.perf_counter()
            try:
                self.conn.request("GET", path, headers={"Cookie": self.cookie})
                response = self.conn.getresponse()
                response.read()
                return response.status, time.perf_counter() - started
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                if attempt == 2:
                    return 0, time.perf_counter() - started
        return 0, 0.0

    def post(self, path: str, body: bytes, content_type: str) -> tuple[int, float, str]:
        csrf = secrets.token_hex(16)
        headers = {
            "Cookie": f"{self.cookie}; csrftoken={csrf}",
            "Content-Type": content_type,
            "X-CSRFToken": csrf,
            "Referer": f"http://127.0.0.1:{self.port}/",
        }
        started = time.perf_counter()
        self.conn.request("POST", path, body=body, headers=headers)
        response = self.conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - started, response.getheader("Location", "")


def start_server(
    port: int, workers: int, threads: int, env: dict[str, str]
) -> subprocess.Popen[bytes]:
    cmd = [
        str(Path(PY).parent / "gunicorn"),
        "lookedafter.web.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        "600",
        "--keep-alive",
        "30",
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)  # noqa: S603  (our own server)
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/sign-in/")
            conn.getresponse().read()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start")


def load_test(
    port: int, people: dict[str, list[dict[str, Any]]], users: int, seconds: float, think: float
) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def person(i: int) -> None:
        rnd = random.Random(i)
        sw = people["sw"][i % len(people["sw"])]
        leader = people["leader"][i % len(people["leader"])]
        as_sw, as_leader = Browser(port, sw["session"]), Browser(port, leader["session"])
        while time.perf_counter() < stop:
            steps = [("worklist", as_sw, "/my-children/"), ("dashboard", as_leader, "/dashboard/")]
            if sw["children"]:
                child = rnd.choice(sw["children"])
                steps.insert(1, ("child page", as_sw, f"/children/{child}/"))
            for name, who, path in steps:
                status, took = who.get(path)
                with lock:
                    if status == 200:
                        timings[name].append(took)
                    else:
                        errors[name][status] += 1
                time.sleep(rnd.uniform(0.5, 1.5) * think)  # a person reads the page

    threads = [threading.Thread(target=person, args=(i,)) for i in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for name in ("worklist", "child page", "dashboard"):
        got = sorted(timings[name])
        if not got:
            print(f"  {name:<11} no successful requests (errors by status: {dict(errors[name])})")
            continue
        p95 = got[max(0, int(len(got) * 0.95) - 1)]
        print(
            f"  {name:<11} {len(got):>5} requests, errors {dict(errors[name]) or 'none'}: median "
            f"{statistics.median(got) * 1000:6.0f} ms, p95 {p95 * 1000:6.0f} ms, "
            f"max {got[-1] * 1000:6.0f} ms"
        )
    return timings


def multipart(files: list[Path], fields: dict[str, str]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + f"{value}\r\n".encode()
        )
    for f in files:
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
                f'filename="{f.name}"\r\nContent-Type: text/csv\r\n\r\n'
            ).encode()
            + f.read_bytes()
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def upload_return(port: int, analyst: dict[str, Any], folder: Path, year: int) -> None:
    from lookedafter.web.register.models import ReturnUpload

    browser = Browser(port, analyst["session"])
    body, ctype = multipart(sorted(folder.glob("*.csv")), {"year": str(year)})
    status, took, _ = browser.post("/returns/", body, ctype)
    upload = ReturnUpload.objects.order_by("-pk").first()
    print(
        f"  upload and preview ({len(list(folder.glob('*.csv')))} files): HTTP {status}, "
        f"{took:.1f} s; {upload.summary.get('total') if upload else '?'} rows would change "
        f"for {upload.summary.get('children') if upload else '?'} children"
    )
    if upload is None or upload.status != "previewed":
        print("  the return was not accepted; not applied")
        return
    body = f"version={upload.version}".encode()
    status, took2, _ = browser.post(
        f"/returns/{upload.pk}/apply/", body, "application/x-www-form-urlencoded"
    )
    upload.refresh_from_db()
    print(f"  apply: HTTP {status}, {took2:.1f} s, status {upload.status}")
    print(f"  total time to load the return: {took + took2:.1f} s (target under 10 s)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--children", type=int, default=5000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--data", type=Path, default=Path("/tmp/lookedafter-bench-web"))  # noqa: S108
    parser.add_argument(
        "--database", default="postgres://postgres@127.0.0.1:5432/lookedafter_bench"
    )
    parser.add_argument("--skip-load", action="store_true", help="reuse the loaded database")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument(
        "--skip-return", action="store_true", help="do not upload and apply the 903 return"
    )
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--think", type=float, default=1.0, help="mean seconds a person spends reading a page"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    env = {
        **os.environ,
        "DATABASE_URL": args.database,
        "DJANGO_SETTINGS_MODULE": "lookedafter.web.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    }
    today = date.today().isoformat()  # noqa: DTZ011  (the synthetic data is dated today)
    data = args.data / f"{args.children}x{args.years}"
    lookedafter = str(Path(PY).parent / "lookedafter")
    if not args.skip_load:
        if not (data / "canonical" / "dataset.json").exists():
            run(
                [
                    lookedafter,
                    "synth",
                    "--children",
                    str(args.children),
                    "--years",
                    str(args.years),
                    "--seed",
                    "7",
                    "--as-of",
                    today,
                    "--no-903",
                    "--out",
                    str(data),
                ],
                env,
                f"synthetic authority ({args.children:,} children, {args.years} years)",
            )
        name = args.database.rsplit("/", 1)[1]
        admin_url = args.database.rsplit("/", 1)[0] + "/postgres"
        fresh = ["-c", f'DROP DATABASE IF EXISTS "{name}"', "-c", f'CREATE DATABASE "{name}"']
        subprocess.run(["psql", admin_url, "-q", *fresh], check=True)  # noqa: S603, S607
        run([PY, "manage.py", "migrate", "--noinput", "-v", "0"], env, "migrate")
        run([PY, "manage.py", "loaddataset", str(data / "canonical")], env, "load the register")
    setup_django(env)
    from lookedafter.web.register.models import Child, Episode, Visit

    print(
        f"register: {Child.objects.count():,} children, {Episode.objects.count():,} episodes, "
        f"{Visit.objects.count():,} visits"
    )
    people = make_people(args.users)
    print(f"people: {len(people['sw'])} social workers, {len(people['leader'])} leaders")
    server = start_server(args.port, args.workers, args.threads, env)
    try:
        started = time.perf_counter()
        # Each worker process computes its caches once (the dashboard's figures, each
        # worklist's timescales). A new connection goes to whichever worker accepts it, so each
        # page is asked for until several answers in a row came back quickly: every worker has
        # then very probably computed it (the cold cost is not what the load test measures).
        pages = [(people["leader"][0]["session"], "/dashboard/")]
        pages += [(sw["session"], "/my-children/") for sw in people["sw"]]
        for session, path in pages:
            fast = 0
            for _ in range(args.workers * 20):
                status, took = Browser(args.port, session).get(path)
                fast = fast + 1 if status == 200 and took < 0.5 else 0
                if fast >= args.workers * 4:
                    break
        warm = time.perf_counter() - started
        print(f"warm-up (first dashboard and worklists in each worker): {warm:.1f} s")
        print(
            f"{args.users} concurrent users for {args.seconds:.0f} s, about {args.think} s "
            f"reading each page ({args.workers} gunicorn workers x {args.threads} threads):"
        )
        load_test(args.port, people, args.users, args.seconds, args.think)
        if args.skip_return:
            return
        ret = args.data / "return-1000"
        if not (ret / "903").exists():
            run(
                [
                    lookedafter,
                    "synth",
                    "--children",
                    "1000",
                    "--years",
                    "2",
                    "--seed",
                    "11",
                    "--as-of",
                    today,
                    "--out",
                    str(ret),
                ],
                env,
                "a 1,000-child 903 return",
            )
        years = sorted(p for p in (ret / "903").iterdir() if p.is_dir())
        folder = years[-1]
        print(f"903 return {folder.name} (1,000 children) into the register:")
        tmp = args.data / "upload"
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(folder, tmp, ignore=shutil.ignore_patterns("prev"))
        upload_return(args.port, people["analyst"][0], tmp, int(folder.name))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
