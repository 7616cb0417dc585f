"""Ingest speed: documents per second through `statements.ingest` (extraction + bulk writes + history).

    .venv/bin/python benchmarks/ingest.py [--documents 500] [--database-url sqlite:////tmp/x.sqlite3]

Builds N distinct documents from the seed and development-corpus texts (each made unique by a
closing line), migrates a fresh database (a temporary SQLite file unless --database-url is given)
and ingests them in one batch, then a second batch of the same files (all unchanged). Prints the
figures; the target for SQLite on this 2-core machine is 100 documents a second.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = sorted((REPO / "fixtures" / "documents").glob("*.txt")) + sorted(
    (REPO / "tests" / "extraction_corpus" / "documents").glob("*.txt")
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command

    from statements.extraction import extract_document
    from statements.ingest import Document, ingest_documents

    call_command("migrate", verbosity=0)
    paths = []
    for n in range(args.documents):
        source = SOURCES[n % len(SOURCES)]
        path = workdir / f"doc_{n:05d}.txt"
        path.write_text(source.read_text(encoding="utf-8") + f"\n\nArchive copy {n}.\n", encoding="utf-8")
        paths.append(path)
    extract_document(SOURCES[0].read_text(encoding="utf-8"), SOURCES[0].name)  # warm the patterns
    started, cpu_started = time.perf_counter(), time.process_time()
    documents = [Document.from_path(path) for path in paths]
    result = ingest_documents(documents)
    first, first_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    started = time.perf_counter()
    again = ingest_documents([Document.from_path(path) for path in paths])
    second = time.perf_counter() - started
    print(f"database: {os.environ['DATABASE_URL'].split(':')[0]}")
    print(
        f"first batch:  {len(documents)} documents, {result.quotes} quotes in {first:.2f} s "
        f"= {len(documents) / first:.0f} documents/s wall, {len(documents) / first_cpu:.0f} per CPU second "
        f"({result.summary()})"
    )
    print(
        f"second batch: {len(again.unchanged)} unchanged in {second:.2f} s "
        f"= {len(paths) / second:.0f} documents/s"
    )
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
