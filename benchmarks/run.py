"""The archive at scale, measured: one command, SQLite and PostgreSQL, medians and p95 over repeated runs.

    .venv/bin/python benchmarks/run.py --quotes 1000000 --db both

For each database it generates the synthetic archive (`manage.py generate_synthetic`, reused when the
database already holds exactly that archive), serves `archive.wsgi` from a separate process on loopback
(benchmarks/serve.py) and measures, over a real socket:

- pages: the quote list unfiltered, by year and country, by year, country and agency (each with its
  facets), full-text search, and detail pages (quote, article, official, agency): median, p95, time to
  first byte, and queries per page (counted once through Django's test Client);
- exports: CSV and JSON of all rows and of a filtered subset: rows per second, time to first byte and the
  serving process's peak memory (VmHWM, reset before each run);
- PostgreSQL: the floor, `COPY (the export's query) TO STDOUT WITH CSV` read by psycopg, and the export's
  own statements read in-process (no HTTP), for the same rows; each CSV export's time over COPY's;
- the read API in-process (statements.querysets): count, first page and each facet, to locate the cost
  whether or not the pages exist yet;
- ingest (SQLite): statements.ingest.ingest_documents over N generated small documents, documents/s.

URLs that do not exist yet are reported as "n/a (404: not built yet)". The table is printed and written to
benchmarks/results/<quotes>-<db>.md. Databases live under --data-dir (default /tmp/archive-bench): the
SQLite file, and a PostgreSQL cluster started there (kept for reuse, stopped on exit) unless
--postgres-url names a server.
"""

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
PYTHON = sys.executable
BIG = 5.0  # seconds: a case slower than this on its warm-up run is measured fewer times
SLOW = 20.0  # seconds: a case slower than this is measured once


# ------------------------------------------------------------------------------------------ orchestration
def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_postgres(command):
    return ["runuser", "-u", "postgres", "--", *command] if os.getuid() == 0 else command


class PostgresCluster:
    """A cluster under data_dir/pg, created once and reused; started for the run, stopped at the end."""

    def __init__(self, data_dir):
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not bins:
            sys.exit("run.py: PostgreSQL server binaries not found (apt-get install postgresql)")
        self.bin = bins[-1].parent
        self.dir = Path(data_dir) / "pg"
        self.port = free_port()
        self.started = False

    def running_port(self):
        """The port of a server already running on this cluster (left by an earlier run), or None."""
        pid_file = self.dir / "postmaster.pid"
        if not pid_file.exists():
            return None
        lines = pid_file.read_text().splitlines()
        try:
            os.kill(int(lines[0]), 0)
        except (OSError, ValueError, IndexError):
            return None
        return int(lines[3]) if len(lines) > 3 else None

    def start(self):
        port = self.running_port()
        if port:  # reuse it, and leave it running: this run did not start it
            self.port = port
            return
        self.started = True
        if not (self.dir / "PG_VERSION").exists():
            self.dir.mkdir(parents=True, exist_ok=True)
            if os.getuid() == 0:
                shutil.chown(self.dir, "postgres")
            subprocess.run(
                as_postgres([str(self.bin / "initdb"), "-D", str(self.dir), "-A", "trust", "-U", "postgres"]),
                check=True,
                stdout=subprocess.DEVNULL,
            )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k /tmp -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c shared_buffers=1GB -c work_mem=32MB -c maintenance_work_mem=512MB "
            "-c effective_cache_size=8GB -c max_wal_size=4GB -c jit=off"
        )
        subprocess.run(
            as_postgres(
                [
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(self.dir),
                    "-l",
                    str(self.dir / "log"),
                    "-w",
                    "-o",
                    options,
                ]
                + ["start"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def url(self, database):
        subprocess.run(
            [str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", database],
            stderr=subprocess.DEVNULL,
            check=False,  # exists already: reused
        )
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self):
        if not self.started:
            return
        subprocess.run(
            as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.dir), "-m", "fast", "stop"]),
            stdout=subprocess.DEVNULL,
            check=False,
        )


def environment(database_url):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "SECRET_KEY": "benchmark-only",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "CONN_MAX_AGE": "600",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback
        "SECURE_COOKIES": "0",
        "PYTHONPATH": str(REPO),
    }


def run_worker(args, vendor, database_url):
    out = Path(args.data_dir) / f"result-{vendor}-{args.quotes}.json"
    command = [PYTHON, __file__, "--worker", vendor, "--output", str(out), *worker_arguments(args)]
    env = environment(database_url)
    env["STATIC_ROOT"] = str(Path(args.data_dir).resolve() / "static")  # served as in production
    subprocess.run(command, env=env, check=True, cwd=REPO)
    return json.loads(out.read_text())


def worker_arguments(args):
    return (
        [
            f"--quotes={args.quotes}",
            f"--seed={args.seed}",
            f"--runs={args.runs}",
            f"--export-runs={args.export_runs}",
            f"--ingest-documents={args.ingest_documents}",
            f"--data-dir={args.data_dir}",
        ]
        + (["--regenerate"] if args.regenerate else [])
        + (["--no-api"] if args.no_api else [])
    )


def run_ingest(args):
    """Ingest into a fresh SQLite database in a temporary folder, in its own process."""
    with tempfile.TemporaryDirectory(prefix="archive-ingest-") as folder:
        out = Path(folder) / "result.json"
        url = f"sqlite:///{folder}/ingest.sqlite3"
        command = [PYTHON, __file__, "--worker", "ingest", "--output", str(out), *worker_arguments(args)]
        subprocess.run(command, env=environment(url), check=True, cwd=REPO)
        return json.loads(out.read_text())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quotes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--runs", type=int, default=20, help="runs per page (fewer for slow ones)")
    parser.add_argument("--export-runs", type=int, default=3, help="runs per export (0: skip exports)")
    parser.add_argument("--no-api", action="store_true", help="skip the in-process read API timings")
    parser.add_argument("--ingest-documents", type=int, default=300, help="documents to ingest (0: skip)")
    parser.add_argument("--data-dir", default="/tmp/archive-bench", help="where the databases live")
    parser.add_argument("--postgres-url", help="use this PostgreSQL database instead of a local cluster")
    parser.add_argument("--regenerate", action="store_true", help="regenerate even if the data is there")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args)
    Path(args.data_dir).mkdir(parents=True, exist_ok=True)
    results = {}
    if args.db in ("sqlite", "both"):
        url = f"sqlite:///{Path(args.data_dir).resolve()}/sqlite-{args.quotes}-seed{args.seed}.sqlite3"
        results["sqlite"] = run_worker(args, "sqlite", url)
    if args.db in ("postgres", "both"):
        cluster = None
        if args.postgres_url:
            url = args.postgres_url
        else:
            cluster = PostgresCluster(args.data_dir)
            cluster.start()
            url = cluster.url(f"archive_{args.quotes}_seed{args.seed}")
        try:
            results["postgres"] = run_worker(args, "postgres", url)
        finally:
            if cluster:
                cluster.stop()
    if args.ingest_documents:
        results["ingest"] = run_ingest(args)
    report = render(args, results)
    print(report)
    RESULTS.mkdir(exist_ok=True)
    name = f"{args.quotes}-{args.db}.md"
    (RESULTS / name).write_text(report, encoding="utf-8")
    print(f"written to {RESULTS.relative_to(REPO) / name}")


# ------------------------------------------------------------------------------------------ the report
def ms(seconds):
    return "" if seconds is None else f"{seconds * 1000:,.0f}" if seconds >= 0.01 else f"{seconds * 1000:.1f}"


def render(args, results):
    lines = [f"# Benchmark: {args.quotes:,} quotes, seed {args.seed}", ""]
    for vendor in ("sqlite", "postgres"):
        if vendor in results:
            lines += render_database(vendor, results[vendor])
    if "ingest" in results:
        r = results["ingest"]
        lines += ["## Ingest (SQLite, empty database)", ""]
        if r.get("error"):
            lines += [f"n/a ({r['error']})", ""]
        else:
            lines += [
                f"{r['documents']} generated documents ({r['quotes']} quotes) through "
                f"statements.ingest.ingest_documents in {r['seconds']:.2f}s: "
                f"**{r['documents'] / r['seconds']:.1f} documents/s** (target ≥ 100), after a first "
                f"document that took {r.get('first', 0):.1f}s (the extraction's patterns are compiled once "
                "per process).",
                "",
            ]
    return "\n".join(lines) + "\n"


def copy_ratios(exports):
    """Each CSV export's time over `COPY … TO STDOUT` of the same rows (the issue's floor: within 2×)."""
    measured = {case["name"]: case for case in exports if not case.get("skipped")}
    lines = []
    for part in ("all rows", "year+country"):
        export, floor = measured.get(f"CSV, {part}"), measured.get(f"COPY TO STDOUT, {part}")
        if export and floor:
            lines.append(
                f"- CSV, {part}: {export['p50']:.2f} s against COPY's {floor['p50']:.2f} s, "
                f"{export['p50'] / floor['p50']:.2f}× COPY's time."
            )
    return ["", *lines] if lines else []


def render_database(vendor, r):
    lines = [f"## {vendor} ({r['server']})", ""]
    lines += [
        f"{r['counts']['quotes']:,} quotes, {r['counts']['articles']:,} articles; database "
        f"{r['size_mb']:,.0f} MB; generated in {r['generation']}.",
        f"Machine: {os.cpu_count()} cores; serving process idle RSS {r['idle_rss_mb']:.0f} MB.",
        "",
        "### Pages (HTTP, one serving process)",
        "",
        "| page | runs | cold ms | p50 ms | p95 ms | TTFB p50 ms | queries | KB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for case in r["pages"]:
        if case.get("skipped"):
            lines.append(f"| {case['name']} `{case['url']}` | | | {case['skipped']} | | | | |")
            continue
        lines.append(
            f"| {case['name']} `{case['url']}` | {case['runs']} | {ms(case.get('cold'))} | "
            f"{ms(case['p50'])} | {ms(case['p95'])} | "
            f"{ms(case['ttfb50'])} | {case.get('queries', '')} | {case['bytes'] / 1024:,.0f} |"
        )
    lines += [
        "",
        "### Exports (HTTP) and the COPY floor",
        "",
        "| export | rows | runs | p50 s | rows/s | TTFB ms | peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for case in r["exports"]:
        if case.get("skipped"):
            lines.append(
                f"| {case['name']} `{case['url']}` | {case.get('rows', ''):,} | | {case['skipped']} | | | |"
            )
            continue
        peak = f"{case['peak_mb']:.0f}" if case.get("peak_mb") is not None else ""
        lines.append(
            f"| {case['name']} `{case['url']}` | {case['rows']:,} | {case['runs']} | {case['p50']:.2f} | "
            f"{case['rows'] / case['p50']:,.0f} | {ms(case['ttfb50'])} | {peak} |"
        )
    lines += copy_ratios(r["exports"])
    lines += [
        "",
        "### Read API in-process (statements.querysets), ms",
        "",
        "| case | runs | p50 | p95 | rows |",
        "|---|---:|---:|---:|---:|",
    ]
    for case in r["api"]:
        rows = case.get("rows", "")
        lines.append(f"| {case['name']} | {case['runs']} | {ms(case['p50'])} | {ms(case['p95'])} | {rows} |")
    return lines + [""]


# ------------------------------------------------------------------------------------------ measuring
def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


def timed(function, runs):
    """Run times of `function` after a warm-up; fewer runs (at least 3) once they add up to 3 * BIG."""
    started = time.perf_counter()
    result = function()
    if time.perf_counter() - started > SLOW:
        return [time.perf_counter() - started], result
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
        if len(times) >= 3 and sum(times) > 3 * BIG:
            break
    return times, result


class Server:
    def __init__(self):
        self.port = free_port()
        self.process = subprocess.Popen(
            [PYTHON, str(Path(__file__).with_name("serve.py")), "127.0.0.1", str(self.port)],
            env={**os.environ},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.process.stdout.readline()  # "serving on ..."

    def status(self, key):
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024  # MB
        return None

    def reset_peak(self):
        try:
            Path(f"/proc/{self.process.pid}/clear_refs").write_text("5")
        except OSError:
            pass

    def get(self, url, sink=None, timeout=600):
        """(status, seconds to first byte, total seconds, bytes) of one GET."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        started = time.perf_counter()
        connection.request("GET", url)
        response = connection.getresponse()
        ttfb, size = None, 0
        while True:
            chunk = response.read1(1 << 16)
            if ttfb is None:
                ttfb = time.perf_counter() - started
            if not chunk:
                break
            size += len(chunk)
            if sink:
                sink(chunk)
        total = time.perf_counter() - started
        connection.close()
        return response.status, ttfb, total, size

    def stop(self):
        self.process.terminate()
        self.process.wait()


def measure_page(server, name, url, runs):
    status_and_times = server.get(url)
    status = status_and_times[0]
    if status == 404:
        return {"name": name, "url": url, "skipped": "n/a (404: not built yet)"}
    if status != 200:
        return {"name": name, "url": url, "skipped": f"error (HTTP {status})"}
    cold = status_and_times[2]  # the serving process's first request for this URL: nothing cached yet
    first = server.get(url)
    runs = runs if first[2] < BIG else max(3, runs // 5) if first[2] < SLOW else 1
    results = [server.get(url) for _ in range(runs)] if runs > 1 else [first]
    totals, ttfbs = [r[2] for r in results], [r[1] for r in results]
    return {
        "name": name,
        "url": url,
        "cold": cold,
        "runs": runs,
        "p50": statistics.median(totals),
        "p95": percentile(totals, 0.95),
        "ttfb50": statistics.median(ttfbs),
        "bytes": results[0][3],
    }


def measure_pages_cycling(server, name, urls, runs):
    """A detail page over several records: each run asks for the next one."""
    first = measure_page(server, name, urls[0], 1)
    if first.get("skipped") or first["p50"] > BIG:
        return first
    results = [server.get(urls[i % len(urls)]) for i in range(runs)]
    if any(r[0] != 200 for r in results):
        return {"name": name, "url": urls[0], "skipped": "error (non-200 on some records)"}
    totals = [r[2] for r in results]
    return {
        "name": name,
        "url": urls[0] + f" (+{len(urls) - 1} others)",
        "cold": first.get("cold"),
        "runs": runs,
        "p50": statistics.median(totals),
        "p95": percentile(totals, 0.95),
        "ttfb50": statistics.median(r[1] for r in results),
        "bytes": int(statistics.median(r[3] for r in results)),
    }


def count_queries(url):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = Client().get(url)
        if getattr(response, "streaming", False):
            for _ in response.streaming_content:
                pass
    return len(captured) if response.status_code == 200 else ""


def measure_export(server, name, url, rows, runs):
    status, *_ = server.get(url)
    if status == 404:
        return {"name": name, "url": url, "rows": rows, "skipped": "n/a (404: not built yet)"}
    if status != 200:
        return {"name": name, "url": url, "rows": rows, "skipped": f"error (HTTP {status})"}
    results, peaks = [], []
    for _ in range(runs):
        server.reset_peak()
        results.append(server.get(url))
        peaks.append(server.status("VmHWM"))
    return {
        "name": name,
        "url": url,
        "rows": rows,
        "runs": runs,
        "p50": statistics.median(r[2] for r in results),
        "ttfb50": statistics.median(r[1] for r in results),
        "peak_mb": max(p for p in peaks if p is not None) if any(peaks) else None,
        "bytes": results[0][3],
    }


def measure_copy(name, query, runs):
    """The floor: the export's own statements (statements.copy_export.csv_blocks: the cached lines, read
    in order for the whole list or joined to a selection, in blocks), read straight into this process,
    without HTTP or Django's response."""
    from django.http import QueryDict

    from statements import copy_export, filters

    _, queryset = filters.filtered_quotes(QueryDict(query))
    times, counts = [], []
    for _ in range(runs):
        started = time.perf_counter()
        rows = 0
        for block in copy_export.csv_blocks(queryset, ("http://127.0.0.1/quotes/", "/")):
            rows += bytes(block).count(b"\r\n")  # no cell holds CRLF in this archive
        times.append(time.perf_counter() - started)
        counts.append(rows)
    return {
        "name": name,
        "url": "the export's statements in-process, no HTTP",
        "rows": counts[0],
        "runs": runs,
        "p50": statistics.median(times),
        "ttfb50": None,
        "peak_mb": None,
    }


def measure_true_copy(name, query, runs):
    """The floor the issue names: PostgreSQL's own `COPY (the same query) TO STDOUT WITH CSV`, read by
    psycopg into this process. The query is the export's own (statements.copy_export.lines_statement: the
    same settings, selection and blocks of lines, whichever way the export reads them), so the same rows
    from the same tables and the file's own bytes. Each block is one column whose delimiter and quote are
    control characters no line holds, so COPY sends it as it is, between two quote characters."""
    from django.db import connection
    from django.http import QueryDict

    from statements import copy_export, filters

    _, queryset = filters.filtered_quotes(QueryDict(query))
    permalink = ("http://127.0.0.1/quotes/", "/")
    connection.ensure_connection()
    times, sizes = [], []
    for _ in range(runs):
        started = time.perf_counter()
        size = 0
        with copy_export.lines_statement(queryset, permalink) as (statement, _rows_per_fetch):
            copy_sql = f"COPY ({statement}) TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')"
            with connection.connection.cursor() as cursor, cursor.copy(copy_sql) as copy:
                for data in copy:
                    size += len(data)
        times.append(time.perf_counter() - started)
        sizes.append(size)
    return {
        "name": name,
        "url": "COPY (the export's query) TO STDOUT WITH CSV, psycopg",
        "rows": queryset.count(),
        "runs": runs,
        "p50": statistics.median(times),
        "ttfb50": None,
        "peak_mb": None,
        "bytes": sizes[0],
    }


def api_cases(quote_pks, agency):
    from statements.models import Quote

    def page(qs, facets=True):
        def run():
            total = qs.count()
            rows = list(qs.for_list().sorted_by("-date")[:50])
            if facets:
                for facet in (
                    "year_counts",
                    "country_counts",
                    "agency_counts",
                    "official_counts",
                    "outlet_counts",
                ):
                    getattr(qs, facet)()
            return total if rows is not None else 0

        return run

    all_quotes = Quote.objects.all()
    by_year_country = Quote.objects.in_year(2020).mentioning("RU")
    by_three = by_year_country.by_agencies(agency)
    cases = [
        ("list unfiltered: count + page + 5 facets", page(all_quotes)),
        ("list year+country: count + page + 5 facets", page(by_year_country)),
        ("list year+country+agency: count + page + 5 facets", page(by_three)),
        ("search 'ballots': count + page", page(Quote.objects.search("ballots"), facets=False)),
        ("search 'russia hackers': count + page", page(Quote.objects.search("russia hackers"), facets=False)),
    ]
    for facet in ("year_counts", "country_counts", "agency_counts", "official_counts", "outlet_counts"):
        cases.append((f"  facet {facet}, unfiltered", lambda facet=facet: getattr(all_quotes, facet)()))
        cases.append(
            (f"  facet {facet}, year+country", lambda facet=facet: getattr(by_year_country, facet)())
        )
    cases.append(("  count, unfiltered", lambda: all_quotes.count()))
    cases.append(("  count, year+country", lambda: by_year_country.count()))
    cases.append(
        (
            "  first page (50, for_list), unfiltered",
            lambda: list(all_quotes.for_list().sorted_by("-date")[:50]),
        )
    )
    cases.append(
        (
            "  first page (50, for_list), year+country",
            lambda: list(by_year_country.for_list().sorted_by("-date")[:50]),
        )
    )
    pks = iter(quote_pks * 100)
    cases.append(("quote by pk (for_list)", lambda: Quote.objects.for_list().get(pk=next(pks))))
    return cases


def worker(args):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if args.worker == "ingest":
        return worker_ingest(args)
    from statements import synthetic
    from statements.models import Agency, Article, Official, Quote

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    generation = "reused"
    if args.regenerate or Quote.objects.count() != args.quotes or synthetic.real_records():
        started = time.perf_counter()
        call_command("generate_synthetic", quotes=args.quotes, seed=args.seed, verbosity=1)
        generation = f"{time.perf_counter() - started:.0f}s"
    else:
        log = Path(args.data_dir) / f"generation-{connection.vendor}-{args.quotes}.txt"
        generation = log.read_text().strip() if log.exists() else "reused"
    if generation.endswith("s") and generation != "reused":
        (Path(args.data_dir) / f"generation-{connection.vendor}-{args.quotes}.txt").write_text(generation)

    with connection.cursor() as cursor:  # planner statistics, whether generated now or reused
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")

    rng = random.Random(args.seed)
    first, last = (Quote.objects.order_by(order).values_list("pk", flat=True)[0] for order in ("pk", "-pk"))
    quote_pks = [rng.randint(first, last) for _ in range(20)]
    article_first, article_last = (
        Article.objects.order_by(order).values_list("pk", flat=True)[0] for order in ("pk", "-pk")
    )
    article_pks = [rng.randint(article_first, article_last) for _ in range(20)]
    officials = list(Official.objects.order_by("pk").values_list("slug", flat=True))
    agencies = list(Agency.objects.order_by("pk").values_list("slug", flat=True))
    agency = "syn-fbi" if "syn-fbi" in agencies else agencies[0]
    filtered = Quote.objects.in_year(2020).mentioning("RU")

    server = Server()
    idle = server.status("VmRSS")
    pages = []
    page_urls = [
        ("home", "/"),
        ("quote list, unfiltered", "/quotes/"),
        ("quote list, year+country", "/quotes/?year=2020&country=RU"),
        ("quote list, year+country+agency", f"/quotes/?year=2020&country=RU&agency={agency}"),
        ("quote list, page 10 (year+country)", "/quotes/?year=2020&country=RU&page=10"),
        ("search 'ballots'", "/quotes/?q=ballots"),
        ("search 'russia hackers' + year", "/quotes/?q=russia+hackers&year=2020"),
    ]
    for name, url in page_urls:
        case = measure_page(server, name, url, args.runs)
        if not case.get("skipped") and case["p50"] < SLOW:
            case["queries"] = count_queries(url)
        pages.append(case)
        print(f"  {name}: {case.get('p50', case.get('skipped'))}", flush=True)
    details = [
        ("quote detail", [f"/quotes/{pk}/" for pk in quote_pks]),
        ("article detail", [f"/articles/{pk}/" for pk in article_pks]),
        ("official detail", [f"/officials/{slug}/" for slug in rng.sample(officials, 20)]),
        ("official detail, most quoted", [f"/officials/{officials[0]}/"]),
        ("agency detail", [f"/agencies/{slug}/" for slug in rng.sample(agencies, 20)]),
        ("country detail RU", ["/countries/RU/"]),
    ]
    for name, urls in details:
        case = measure_pages_cycling(server, name, urls, args.runs)
        if not case.get("skipped") and case["p50"] < SLOW:
            case["queries"] = count_queries(urls[0])
        pages.append(case)
        print(f"  {name}: {case.get('p50', case.get('skipped'))}", flush=True)

    total, subset = Quote.objects.count(), filtered.count()
    exports = []
    for name, url, rows in (
        []
        if not args.export_runs
        else [
            ("CSV, all rows", "/quotes.csv", total),
            ("CSV, year+country", "/quotes.csv?year=2020&country=RU", subset),
            ("JSON, all rows", "/quotes.json", total),
            ("JSON, year+country", "/quotes.json?year=2020&country=RU", subset),
        ]
    ):
        exports.append(measure_export(server, name, url, rows, args.export_runs))
        print(f"  {name}: {exports[-1].get('p50', exports[-1].get('skipped'))}", flush=True)
    server.stop()
    if connection.vendor == "postgresql" and args.export_runs:
        exports.append(measure_copy("floor: the export's statements, all rows", "", args.export_runs))
        exports.append(
            measure_copy(
                "floor: the export's statements, year+country", "year=2020&country=RU", args.export_runs
            )
        )
        exports.append(measure_true_copy("COPY TO STDOUT, all rows", "", args.export_runs))
        exports.append(
            measure_true_copy("COPY TO STDOUT, year+country", "year=2020&country=RU", args.export_runs)
        )

    api = []
    for name, function in [] if args.no_api else api_cases(quote_pks, agency):
        times, result = timed(function, args.runs)
        api.append(
            {
                "name": name,
                "runs": len(times),
                "p50": statistics.median(times),
                "p95": percentile(times, 0.95),
                "rows": result
                if isinstance(result, int)
                else (len(result) if isinstance(result, list) else ""),
            }
        )
        print(f"  api {name}: {api[-1]['p50'] * 1000:.0f} ms", flush=True)

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database()), version()")
            size, version = cursor.fetchone()
        server_name = version.split(",")[0]
    else:
        size = Path(connection.settings_dict["NAME"]).stat().st_size
        import sqlite3

        server_name = f"SQLite {sqlite3.sqlite_version}"
    result = {
        "server": server_name,
        "counts": {"quotes": total, "articles": Article.objects.count()},
        "size_mb": size / 1e6,
        "generation": generation,
        "idle_rss_mb": idle,
        "pages": pages,
        "exports": exports,
        "api": api,
    }
    Path(args.output).write_text(json.dumps(result, indent=1))
    return 0


def worker_ingest(args):
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    try:
        from statements.ingest import Document, ingest_documents
    except ImportError as error:
        Path(args.output).write_text(json.dumps({"error": f"statements.ingest: {error}"}))
        return 0
    from statements import synthetic

    folder = Path(tempfile.mkdtemp(prefix="documents-", dir=Path(args.output).parent))
    for name, text in synthetic.Generator(10, seed=args.seed).documents(args.ingest_documents):
        (folder / name).write_text(text, encoding="utf-8")
    paths = sorted(folder.glob("*.txt"))
    started = time.perf_counter()  # the first document pays for compiling the extraction's patterns
    ingest_documents([Document.from_path(paths[0])])
    first = time.perf_counter() - started
    started = time.perf_counter()
    result = ingest_documents([Document.from_path(path) for path in paths[1:]])
    seconds = time.perf_counter() - started
    Path(args.output).write_text(
        json.dumps(
            {"documents": len(result.created), "quotes": result.quotes, "seconds": seconds, "first": first}
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
