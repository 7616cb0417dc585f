"""Load test: the production server (gunicorn, DEBUG off, whitenoise) on loopback, driven by wrk.

    .venv/bin/python benchmarks/load.py                         # seed archive, 64 clients, 30 s
    .venv/bin/python benchmarks/load.py --quotes 10000          # a synthetic archive of 10,000 quotes
    .venv/bin/python benchmarks/load.py --database-url postgres://...  # an archive already loaded there

It builds a throwaway archive in a temporary folder (SQLite: migrate, then `loaddata archive` or
`generate_synthetic --quotes N`), collects static files, starts `gunicorn archive.wsgi` on 127.0.0.1 and
a free port, waits until it answers, then runs `wrk` (Debian's package: `apt-get install wrk`) with
64 connections for 30 seconds over a mix of list, filter, search, detail and export addresses, each
request picking one at random. It prints requests per second, latency percentiles, every status code
seen, socket errors and the tracebacks gunicorn logged, and writes them to
benchmarks/load_<label>.md. The server is stopped whatever happens; traffic never leaves 127.0.0.1.
"""

import argparse
import datetime
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"  # loopback only, never anything else
MAX_DURATION = 300  # seconds: a bound on --duration whatever is asked
MAX_CONNECTIONS = 256

WRK_SCRIPT = r"""
-- Each request picks an address of the mix at random; statuses are counted per thread, summed in done().
local paths = {}
for line in io.lines(os.getenv("LOAD_PATHS")) do table.insert(paths, line) end
local threads, counter = {}, 0
statuses = {}

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 100 + seed)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + n end
  end
  for status, n in pairs(total) do io.write(string.format("LOAD-STATUS %d %d\n", status, n)) end
  io.write(string.format(
    "LOAD-SUMMARY requests=%d duration_us=%d bytes=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout))
  io.write(string.format("LOAD-LATENCY p50=%d p90=%d p99=%d max=%d mean=%.0f\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
"""


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def production_environment(database_url, static_root):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="archive.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root),
        ALLOWED_HOSTS=HOST,
        # Plain HTTP on loopback: the HTTPS redirect would answer every request with a 301.
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="ERROR",
    )
    return env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True, timeout=1800)


def prepare(args, folder):
    database_url = args.database_url or f"sqlite:///{folder / 'archive.sqlite3'}"
    env = production_environment(database_url, folder / "static")
    if not args.database_url:
        print(f"building the archive in {folder} ...", flush=True)
        manage(env, "migrate", "--no-input", "--verbosity", "0")
        if args.quotes:
            manage(env, "generate_synthetic", "--quotes", str(args.quotes), "--seed", "1", "--verbosity", "0")
        else:
            manage(env, "loaddata", "archive", "--verbosity", "0")
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")
    return env


def address_mix(env):
    """(family, path) pairs read from the archive being served: the same records a reader would ask for."""
    script = r"""
import json
from statements.models import Agency, Article, Country, Official, Outlet, Quote
from statements.querysets import with_counts
quotes = list(Quote.objects.order_by("?").values_list("pk", flat=True)[:40])
articles = list(Article.objects.order_by("?").values_list("pk", flat=True)[:20])
officials = list(Official.objects.filter(quotes__isnull=False).distinct().values_list("slug", flat=True)[:20])
agencies = list(Agency.objects.filter(quotes__isnull=False).distinct().values_list("slug", flat=True)[:10])
outlets = list(Outlet.objects.values_list("slug", flat=True)[:10])
countries = list(with_counts(Country.objects.all(), quote="quotes").order_by("-quote_count")
                 .values_list("code", flat=True)[:6])
years = sorted(set(Article.objects.exclude(year=None).values_list("year", flat=True)))
print(json.dumps(dict(quotes=quotes, articles=articles, officials=officials, agencies=agencies,
                      outlets=outlets, countries=countries, years=years)))
"""
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    ).stdout
    records = json.loads(out.strip().splitlines()[-1])
    rng = random.Random(1)
    years, countries = records["years"], records["countries"]
    mix = [
        ("list", "/"),
        ("list", "/quotes/"),
        ("list", "/articles/"),
        ("list", "/officials/"),
        ("list", "/agencies/"),
        ("list", "/outlets/"),
        ("list", "/countries/"),
        ("list", "/years/"),
        ("list", "/quotes/?page=2"),
        ("list", "/officials/?sort=quotes"),
    ]
    for year in years[-4:]:
        for code in countries[:3]:
            mix.append(("filter", f"/quotes/?year={year}&country={code}"))
        mix.append(("filter", f"/articles/?year={year}"))
    for slug in records["agencies"][:3]:
        mix.append(("filter", f"/quotes/?agency={slug}"))
    for slug in records["officials"][:3]:
        mix.append(("filter", f"/quotes/?official={slug}&sort=date"))
    if len(countries) >= 2:
        mix.append(("filter", f"/quotes/?country={countries[0]}&country={countries[1]}&country_mode=all"))
    searches = ("ballots", "election security", "interference", "paper ballots", "russia", "voting machines")
    for words in searches:
        query = words.replace(" ", "+")
        mix.append(("search", f"/quotes/?q={query}"))
        mix.append(("search", f"/articles/?q={query}"))
    mix += [("detail", f"/quotes/{pk}/") for pk in records["quotes"]]
    mix += [("detail", f"/articles/{pk}/") for pk in records["articles"]]
    mix += [("detail", f"/officials/{slug}/") for slug in records["officials"]]
    mix += [("detail", f"/agencies/{slug}/") for slug in records["agencies"]]
    mix += [("detail", f"/outlets/{slug}/") for slug in records["outlets"]]
    mix += [("detail", f"/countries/{code}/") for code in countries]
    mix += [("detail", f"/years/{year}/") for year in years[-3:]]
    year, code = (years[-1] if years else 2020), (countries[0] if countries else "RU")
    mix += [
        ("export", f"/quotes.csv?year={year}&country={code}"),
        ("export", f"/quotes.json?year={year}&country={code}"),
        ("export", f"/articles.csv?year={year}"),
        ("export", "/officials.csv?sort=quotes"),
        ("export", "/agencies.json"),
        ("export", "/outlets.csv"),
        ("export", "/countries.json"),
    ]
    rng.shuffle(mix)
    return mix


def wait_until_answering(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"load: gunicorn exited with {process.returncode} before answering")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"load: gunicorn did not answer on {HOST}:{port} within {timeout} s")


def check_mix(port, mix):
    """Every address answers 200 once before the load: a 4xx in the mix would measure nothing."""
    for _, path in mix:
        with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=120) as response:
            response.read()
            assert response.status == 200, (path, response.status)


def parse_wrk(output):
    statuses = {int(s): int(n) for s, n in re.findall(r"^LOAD-STATUS (\d+) (\d+)$", output, re.M)}
    summary = dict(re.findall(r"(\w+)=(\d+)", re.search(r"^LOAD-SUMMARY .*$", output, re.M).group()))
    latency = dict(re.findall(r"(\w+)=([\d.]+)", re.search(r"^LOAD-LATENCY .*$", output, re.M).group()))
    summary = {k: int(v) for k, v in summary.items()}
    latency = {k: float(v) / 1000 for k, v in latency.items()}  # microseconds -> milliseconds
    return statuses, summary, latency


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--connections", type=int, default=64, help="concurrent clients (default 64)")
    parser.add_argument("--duration", type=int, default=30, help="seconds of load (default 30)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2, one per core)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3)")
    parser.add_argument("--worker-threads", type=int, default=4, help="threads per worker (gthread; 1: sync)")
    parser.add_argument("--quotes", type=int, default=0, help="a synthetic archive of N quotes")
    parser.add_argument("--database-url", help="serve this database as it is, instead of a throwaway one")
    parser.add_argument("--label", help="results go to benchmarks/load_<label>.md")
    args = parser.parse_args()
    args.duration = max(1, min(args.duration, MAX_DURATION))
    args.connections = max(1, min(args.connections, MAX_CONNECTIONS))
    wrk = shutil.which("wrk")
    if not wrk:
        raise SystemExit("load: wrk is not installed (Debian: apt-get install wrk)")

    with tempfile.TemporaryDirectory(prefix="archive-load-") as tmp:
        folder = Path(tmp)
        env = prepare(args, folder)
        mix = address_mix(env)
        (folder / "paths.txt").write_text("".join(f"{path}\n" for _, path in mix))
        (folder / "load.lua").write_text(WRK_SCRIPT)
        port = free_port()
        worker_args = ["--worker-class", "gthread", "--threads", str(args.worker_threads)]
        if args.worker_threads <= 1:
            worker_args = ["--worker-class", "sync"]
        gunicorn_log = folder / "gunicorn.log"
        command = [
            str(BIN / "gunicorn"),
            "archive.wsgi",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(args.workers),
            *worker_args,
            "--timeout",
            "60",
        ]
        # gunicorn's log and Django's (errors and their tracebacks go to stderr) land in one file.
        log = gunicorn_log.open("w")
        server = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            wait_until_answering(port, server)
            check_mix(port, mix)
            print(
                f"wrk: {args.connections} connections, {args.threads} threads, {args.duration} s, "
                f"{len(mix)} addresses; gunicorn {args.workers} workers x {args.worker_threads} threads",
                flush=True,
            )
            result = subprocess.run(
                [
                    wrk,
                    f"--threads={args.threads}",
                    f"--connections={args.connections}",
                    f"--duration={args.duration}s",
                    "--timeout=30s",
                    "--latency",
                    f"--script={folder / 'load.lua'}",
                    f"http://{HOST}:{port}",
                ],
                env={**os.environ, "LOAD_PATHS": str(folder / "paths.txt")},
                capture_output=True,
                text=True,
                timeout=args.duration + 120,
            )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
            log.close()
        if result.returncode != 0:
            raise SystemExit(f"load: wrk failed:\n{result.stdout}\n{result.stderr}")
        tracebacks = gunicorn_log.read_text(errors="replace").count("Traceback")
        report = render(args, mix, env, result.stdout, tracebacks)
    print(report)
    label = args.label or (f"synthetic-{args.quotes}" if args.quotes else "seed")
    output = REPO / "benchmarks" / f"load_{label}.md"
    output.write_text(report)
    print(f"written to {output.relative_to(REPO)}")
    statuses, summary, _ = parse_wrk(result.stdout)
    failed = sum(n for status, n in statuses.items() if status >= 400) + tracebacks
    failed += sum(summary[key] for key in ("connect", "read", "write", "timeout"))
    return 1 if failed else 0


def render(args, mix, env, wrk_output, tracebacks):
    statuses, summary, latency = parse_wrk(wrk_output)
    seconds = summary["duration_us"] / 1e6
    families = {}
    for family, _ in mix:
        families[family] = families.get(family, 0) + 1
    database = env["DATABASE_URL"].split(":", 1)[0]
    archive = f"synthetic, {args.quotes:,} quotes" if args.quotes else "the seed archive (35 quotes)"
    if args.database_url:
        archive = "an existing database"
    socket_errors = ", ".join(f"{key} {summary[key]}" for key in ("connect", "read", "write", "timeout"))
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    lines = [
        f"# Load test: {archive} on {database}",
        "",
        f"{today}, `benchmarks/load.py`: gunicorn `archive.wsgi` (DEBUG off, "
        f"whitenoise) with {args.workers} workers × {args.worker_threads} threads on 127.0.0.1; wrk with "
        f"{args.connections} connections on {args.threads} threads for {args.duration} s. Machine: "
        f"{os.cpu_count()} cores shared with other engineers' test runs (load average at start "
        f"{os.getloadavg()[0]:.1f}).",
        "",
        "| requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors (socket) | 5xx | 4xx | "
        "tracebacks logged |",
        "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|",
        f"| {summary['requests']:,} | {summary['requests'] / seconds:,.1f} | {latency['p50']:.0f} | "
        f"{latency['p90']:.0f} | {latency['p99']:.0f} | {latency['max']:.0f} | {socket_errors} | "
        f"{sum(n for s, n in statuses.items() if s >= 500)} | "
        f"{sum(n for s, n in statuses.items() if 400 <= s < 500)} | {tracebacks} |",
        "",
        "Statuses: " + ", ".join(f"{status}: {n:,}" for status, n in sorted(statuses.items())) + ".",
        "",
        f"The mix: {len(mix)} addresses, each request picks one at random: "
        + ", ".join(f"{n} {family}" for family, n in sorted(families.items()))
        + ". Every address answered 200 once before the load.",
        "",
        "```",
        *[path for _, path in sorted(mix)],
        "```",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
