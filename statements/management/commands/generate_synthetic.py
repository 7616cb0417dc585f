"""Fill the database with a synthetic archive, to measure pages, search and exports at scale.

    python manage.py generate_synthetic --quotes 1000000 --seed 1

Deterministic for a seed. Synthetic records are recognisable (articles' source_file starts with
`synthetic/`, other slugs with `syn-`); earlier synthetic records are replaced, never duplicated. A
database that holds real records is refused unless --force is given.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError

from statements import synthetic


class Command(BaseCommand):
    help = (
        "Write a deterministic synthetic archive (about 10 quotes an article, 5,000 officials, 300 agencies, "
        "400 outlets, 2016-2026) in bulk, replacing earlier synthetic records. Refuses a database with real "
        "records unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quotes", type=int, default=10_000, help="number of quotes (default 10,000)")
        parser.add_argument(
            "--seed", type=int, default=1, help="random seed: the same seed, the same archive"
        )
        parser.add_argument("--batch-size", type=int, default=10_000, help="quotes per transaction")
        parser.add_argument("--force", action="store_true", help="run even if the database has real records")
        parser.add_argument("--clear", action="store_true", help="only delete the synthetic records")
        parser.add_argument("--dry-run", action="store_true", help="generate and count, write nothing")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="database alias (default: default)")

    def handle(self, *args, **options):
        using, verbose = options["database"], options["verbosity"] >= 1
        if options["quotes"] < 1 or options["batch_size"] < 1:
            raise CommandError("--quotes and --batch-size must be positive")
        try:
            real = synthetic.real_records()
        except DatabaseError as error:
            raise CommandError(f"cannot read the database ({error}); run migrate first") from None
        if real and not options["force"]:
            found = ", ".join(f"{count:,} {name}" for name, count in real.items())
            raise CommandError(
                f"the database holds real records ({found}); use an empty database, or --force to add "
                "synthetic records beside them"
            )
        if not options["dry_run"]:
            removed = synthetic.clear(using)
            if removed and verbose:
                self.stdout.write(f"removed {removed:,} earlier synthetic articles and their records")
        if options["clear"]:
            return
        progress = self.stdout.write if options["verbosity"] >= 2 or verbose else None
        try:
            stats = synthetic.generate(
                options["quotes"],
                options["seed"],
                using=using,
                batch_size=options["batch_size"],
                progress=progress,
                dry_run=options["dry_run"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        rows = ", ".join(f"{count:,} {name}" for name, count in stats.rows.items())
        prefix = "dry run, nothing written: " if options["dry_run"] else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}{stats.total_rows:,} rows in {stats.seconds:.1f}s "
                f"({stats.total_rows / max(stats.seconds, 1e-9):,.0f} rows/s): {rows}"
            )
        )
