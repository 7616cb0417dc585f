"""Turn the source documents into the seed archive fixture: extraction, then curation, then JSON."""

import json
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statements.extraction import DocumentError, extract_document, read_document
from statements.pipeline import ArchiveBuilder, CurationError, content_hash


def load_curation(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise CommandError(f"cannot read curation file {path}: {error}") from None


def render_fixture(records):
    return json.dumps(records, indent=1, ensure_ascii=False) + "\n"


class Command(BaseCommand):
    help = (
        "Extract every document in fixtures/documents/, apply fixtures/curation.json and write "
        "fixtures/archive.json (load it with `manage.py loaddata archive`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--documents", default=settings.DOCUMENTS_DIR, help="folder of .txt documents")
        parser.add_argument("--curation", default=settings.CURATION_FILE, help="curation JSON file")
        parser.add_argument("--output", default=settings.ARCHIVE_FIXTURE, help="fixture file to write")
        parser.add_argument(
            "--check", action="store_true", help="write nothing; fail if the output file is out of date"
        )

    def handle(self, *args, **options):
        documents = sorted(Path(options["documents"]).glob("*.txt"))
        if not documents:
            raise CommandError(f"no .txt documents in {options['documents']}")
        builder = ArchiveBuilder(curation=load_curation(options["curation"]))
        total = len(documents)
        for number, path in enumerate(documents, 1):
            try:
                text = read_document(path)
                extraction = extract_document(text, path.name)
                builder.add(extraction, text, content_hash(path.read_bytes()))
            except (DocumentError, CurationError) as error:
                raise CommandError(str(error)) from None
            if options["verbosity"] >= 1:
                self.stdout.write(
                    f"[{number}/{total}] {path.name}: {len(extraction['quotes'])} quotes, "
                    f"{len(extraction['officials'])} officials, {len(extraction['agencies'])} agencies, "
                    f"countries {', '.join(extraction['countries']) or '-'}"
                )
        try:
            records = builder.records()
        except CurationError as error:
            raise CommandError(str(error)) from None
        content = render_fixture(records)
        output = Path(options["output"])
        counts = {}
        for item in records:
            model = item["model"].split(".")[1]
            counts[model] = counts.get(model, 0) + 1
        summary = ", ".join(f"{n} {model}" for model, n in counts.items())
        if options["check"]:
            current = output.read_text(encoding="utf-8") if output.exists() else None
            if current != content:
                raise CommandError(f"{output} is out of date: run `python manage.py build_fixtures`")
            self.stdout.write(self.style.SUCCESS(f"{output} is up to date ({summary})"))
            return
        # Written beside, then renamed: a crash mid-write never leaves a truncated fixture.
        partial = output.with_name(output.name + ".partial")
        partial.write_text(content, encoding="utf-8")
        os.replace(partial, output)
        self.stdout.write(self.style.SUCCESS(f"wrote {output}: {summary}"))
