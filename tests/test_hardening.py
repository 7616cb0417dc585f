"""Hardening: the Content-Security-Policy, error pages, password guessing, input limits, and nothing lost
(batches all or nothing, admin saves all or nothing, dumpdata/loaddata reproducing the archive)."""

import json
import shutil
from datetime import datetime
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError, connection
from django.db.models.signals import m2m_changed
from django.test import Client
from django.urls import reverse

from statements.ingest import Document, ingest_documents
from statements.models import Agency, Article, Country, Official, Outlet, Quote
from tests.conftest import DOCUMENTS

SEEDS = sorted(DOCUMENTS.glob("*.txt"))
LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "x-Rays-42!"


# ------------------------------------------------------------------------------------------- helpers
class InlineCode(HTMLParser):
    """Collects what a strict CSP blocks: style attributes, <style>, inline <script>, on* handlers."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if "style" in names:
            self.found.append(f"<{tag} style=...>")
        if tag == "style":
            self.found.append("<style>")
        if tag == "script" and "src" not in names:
            self.found.append("<script> without src")
        self.found.extend(f"<{tag} {name}=...>" for name in names if name.startswith("on"))


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def main_pages():
    quote = Quote.objects.order_by("pk").first()
    article = Article.objects.order_by("pk").first()
    official = Official.objects.filter(quotes__isnull=False).order_by("pk").first()
    agency = Agency.objects.filter(quotes__isnull=False).order_by("pk").first()
    outlet = Outlet.objects.order_by("pk").first()
    year = Article.objects.exclude(year=None).order_by("year").values_list("year", flat=True).first()
    return [
        "/",
        reverse("statements:quote-list"),
        reverse("statements:quote-list") + "?q=ballots&country=RU",
        reverse("statements:article-list"),
        reverse("statements:official-list"),
        reverse("statements:agency-list"),
        reverse("statements:outlet-list"),
        reverse("statements:country-list"),
        reverse("statements:year-list"),
        quote.get_absolute_url(),
        article.get_absolute_url(),
        official.get_absolute_url(),
        agency.get_absolute_url(),
        outlet.get_absolute_url(),
        reverse("statements:country-detail", args=["RU"]),
        reverse("statements:year-detail", args=[year]),
    ]


def every_row():
    """Every row of every table of the archive (history and link tables included), to compare."""
    rows = {}
    for model in apps.get_app_config("statements").get_models(include_auto_created=True):
        fields = [field.attname for field in model._meta.concrete_fields]
        if model._meta.auto_created:
            fields.remove("id")  # a link row's own id is nowhere used, and no dump keeps it
        rows[model._meta.label] = sorted(model.objects.values_list(*fields), key=repr)
    return rows


@pytest.fixture
def staff(db):
    return User.objects.create_user("ada", password=PASSWORD, is_staff=True, is_superuser=True)


def log_in(client, username, password, address="127.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client):
    return "_auth_user_id" in client.session


# ------------------------------------------------------------------------------- Content-Security-Policy
def test_every_main_page_carries_a_strict_csp_and_holds_no_inline_style_or_script(client, seed_archive):
    for url in main_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["default-src"] == ["'self'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert inline_code(response.content.decode()) == [], url


def test_exports_carry_the_csp_too(client, seed_archive):
    for url in ("/quotes.csv", "/articles.json"):
        response = client.get(url)
        assert response.status_code == 200
        assert directives(response)["script-src"] == ["'self'"]


def test_the_admin_may_use_inline_styles_but_never_inline_scripts(client, staff):
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["script-src"] == ["'self'"]
    assert [found for found in inline_code(response.content.decode()) if "script" in found] == []


def test_the_timeline_legend_colours_its_swatches_without_inline_styles(client, seed_archive):
    html = client.get("/").content.decode()
    assert '<svg class="swatch"' in html
    assert 'fill="#0072B2"' in html


# ------------------------------------------------------------------------------------------ error pages
def assert_site_page_that_leaks_nothing(response, status, heading):
    html = response.content.decode()
    assert response.status_code == status
    assert f"<h1>{heading}</h1>" in html
    assert "Election Security Statements Archive" in html
    for leak in ("Traceback", "ALLOWED_HOSTS", "DEBUG", "urlpatterns", "settings.py", "secret-detail"):
        assert leak not in html, leak
    assert directives(response)["script-src"] == ["'self'"]
    assert inline_code(html) == []


def test_a_request_for_another_host_gets_the_sites_400_page(client, db):
    response = client.get("/", HTTP_HOST="evil.example")
    assert_site_page_that_leaks_nothing(response, 400, "Bad request")


def test_a_form_posted_without_its_csrf_token_gets_the_sites_403_page(db):
    response = Client(enforce_csrf_checks=True).post(LOGIN, {"username": "ada", "password": "x"})
    assert_site_page_that_leaks_nothing(response, 403, "Forbidden")


def test_a_permission_error_gets_the_sites_403_page(client, db, monkeypatch):
    from django.core.exceptions import PermissionDenied

    from statements import views

    def refuse(self, **kwargs):
        raise PermissionDenied("secret-detail")

    monkeypatch.setattr(views.YearListView, "get_context_data", refuse)
    assert_site_page_that_leaks_nothing(client.get("/years/"), 403, "Forbidden")


def test_an_unknown_address_gets_the_sites_404_page(client, db):
    assert_site_page_that_leaks_nothing(client.get("/no/such/page/"), 404, "Not found")


def test_a_crash_gets_the_sites_500_page_and_says_nothing_of_the_error(db, monkeypatch):
    from statements import views

    def crash(self, **kwargs):
        raise RuntimeError("secret-detail of the crash")

    monkeypatch.setattr(views.YearListView, "get_context_data", crash)
    client = Client(raise_request_exception=False)
    assert_site_page_that_leaks_nothing(client.get("/years/"), 500, "Something went wrong")


# ------------------------------------------------------------------------------------ password guessing
def test_the_right_password_after_a_few_typos_still_logs_in(client, staff):
    for _ in range(4):
        assert log_in(client, "ada", "wrong").status_code == 200
    assert log_in(client, "ada", PASSWORD).status_code == 302
    assert logged_in(client)


def test_five_failed_logins_lock_the_admin_login_even_with_the_right_password(client, staff):
    for _ in range(5):
        log_in(client, "ada", "guess")
    response = log_in(client, "ada", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed logins" in html
    assert "Try again in 15 minutes" in html
    assert not logged_in(client)


def test_guessing_from_many_addresses_still_locks_the_account(client, staff):
    for number in range(5):
        log_in(client, "ada", f"guess{number}", address=f"203.0.113.{number}")
    assert log_in(client, "ada", PASSWORD, address="198.51.100.7").status_code == 429
    assert not logged_in(client)


def test_a_locked_address_cannot_guess_another_account(client, staff):
    User.objects.create_user("grace", password=PASSWORD, is_staff=True)
    for number in range(5):
        log_in(client, "ada", f"guess{number}", address="203.0.113.9")
    assert log_in(client, "grace", PASSWORD, address="203.0.113.9").status_code == 429
    other = Client()
    assert log_in(other, "grace", PASSWORD, address="198.51.100.7").status_code == 302


def test_an_administrator_lifts_the_lock_with_axes_reset(client, staff):
    for _ in range(5):
        log_in(client, "ada", "guess")
    call_command("axes_reset", verbosity=0)
    assert log_in(client, "ada", PASSWORD).status_code == 302
    assert logged_in(client)


# ----------------------------------------------------------------------------------------- input limits
@pytest.mark.parametrize("path", ["/quotes/", "/articles/", "/quotes.csv", "/officials.json", "/"])
def test_a_query_string_over_2000_characters_answers_414_and_says_the_limit(client, db, path):
    response = client.get(path, {"q": "ballot " * 300})
    assert response.status_code == 414
    html = response.content.decode()
    assert "<h1>Address too long</h1>" in html
    assert "at most 2,000" in html


def test_a_query_string_of_2000_characters_is_read_as_usual(client, db):
    query = "sort=date&x=" + "a" * (2000 - len("sort=date&x="))
    response = client.get(f"/quotes/?{query}")
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/quotes/?country=%00", "/quotes.csv?q=a%00b", "/countries/R%00/"])
def test_a_nul_character_in_the_address_answers_400(client, db, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_a_search_over_200_characters_is_a_form_error_naming_the_parameter(client, db):
    response = client.get("/quotes/", {"q": "b" * 201})
    assert response.status_code == 400
    assert "at most 200 characters" in response.content.decode()


def test_a_request_body_over_3_mb_answers_413_before_any_view_reads_it(client, staff):
    client.force_login(staff)
    url = reverse("admin:statements_article_ingest")
    upload = SimpleUploadedFile("huge.txt", b"word " * 700_000, content_type="text/plain")
    response = client.post(url, {"stage": "preview", "upload": upload})
    assert response.status_code == 413
    html = response.content.decode()
    assert "<h1>Request too large</h1>" in html
    assert "at most 3.0 MB" in html
    assert Article.objects.count() == 0


def test_a_form_with_thousands_of_fields_answers_400(client, db):
    data = {f"field{number}": "x" for number in range(1100)}
    assert client.post(LOGIN, data).status_code == 400


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content"),
        (b"Caf\xe9 au lait, said the minister.", "not valid UTF-8"),
        (b"   \n\n", "empty document"),
    ],
)
def test_a_binary_or_non_utf8_upload_is_refused_with_a_form_error(client, staff, content, message):
    client.force_login(staff)
    upload = SimpleUploadedFile("scan.txt", content, content_type="application/octet-stream")
    response = client.post(reverse("admin:statements_article_ingest"), {"stage": "preview", "upload": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "scan.txt" in html
    assert message in html
    assert Article.objects.count() == 0


# ------------------------------------------------------------------------------------------ nothing lost
MARKER = "Nothing in this batch was altered"


def failing_writes_of(marker, writes):
    """A database execute wrapper that fails the first write carrying `marker`, as a full disk would,
    and counts the writes that went through before it."""

    def wrapper(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            values = [v for row in params for v in row] if many else list(params or ())
            if any(isinstance(value, str) and marker in value for value in values):
                raise IntegrityError("could not write: disk full")
            writes.append(sql.split("(")[0][:60])
        return execute(sql, params, many, context)

    return wrapper


def test_a_batch_whose_last_document_fails_when_written_leaves_the_database_as_it_was(seed_archive, tmp_path):
    edited = tmp_path / SEEDS[0].name
    edited.write_text(SEEDS[0].read_text(encoding="utf-8") + '\n"We are watching," a spokesman said.\n')
    last = tmp_path / "zz_new_document.txt"
    last.write_text(
        SEEDS[1].read_text(encoding="utf-8").replace("Krebs", "Krebs Jr.") + f'\n"{MARKER}," he said.\n',
        encoding="utf-8",
    )
    batch = [Document.from_path(edited), Document.from_path(last)]
    before = every_row()
    writes = []
    with connection.execute_wrapper(failing_writes_of(MARKER, writes)):
        with pytest.raises(IntegrityError, match="disk full"):
            ingest_documents(batch)
    assert writes, "the batch wrote to the database before its last document failed"
    assert every_row() == before


def test_an_ingest_command_whose_last_file_cannot_be_read_writes_nothing(seed_archive, tmp_path):
    from django.core.management.base import CommandError

    files = []
    for seed in SEEDS:
        copy = tmp_path / f"new_{seed.name}"
        copy.write_text(seed.read_text(encoding="utf-8") + "\nUpdated.\n", encoding="utf-8")
        files.append(str(copy))
    (tmp_path / "zz_scan.txt").write_bytes(b"\x00\x01binary")
    before = every_row()
    with pytest.raises(CommandError, match="zz_scan.txt"):
        call_command("ingest", *files, str(tmp_path / "zz_scan.txt"), verbosity=0)
    assert every_row() == before


def test_build_fixtures_whose_last_document_fails_leaves_the_fixture_as_it_was(db, tmp_path):
    from django.core.management.base import CommandError

    documents = tmp_path / "documents"
    shutil.copytree(DOCUMENTS, documents)
    output = tmp_path / "archive.json"
    call_command("build_fixtures", documents=documents, output=output, verbosity=0)
    built = output.read_bytes()
    (documents / "zzz_last.txt").write_bytes(b"caf\xe9, said nobody")
    with pytest.raises(CommandError, match="zzz_last.txt"):
        call_command("build_fixtures", documents=documents, output=output, verbosity=0)
    assert output.read_bytes() == built


def test_an_admin_save_that_fails_part_way_changes_nothing(seed_archive, staff):
    quote = Quote.objects.filter(fragment=False, countries__isnull=False).order_by("pk").first()
    shorter = quote.text[: len(quote.text) // 2].rstrip()
    data = {
        "article": quote.article_id,
        "text": shorter,
        "speaker": quote.speaker,
        "officials": [o.pk for o in quote.officials.all()],
        "agencies": [a.pk for a in quote.agencies.all()],
        "countries": [Country.objects.get(code="IR").pk],
        "change_reason": "halved",
    }
    data = {key: value for key, value in data.items() if value not in ("", [])}
    before = every_row()

    def fail_on_countries(sender, instance, action, **kwargs):
        if action == "pre_add":
            raise IntegrityError("the database went away")

    m2m_changed.connect(fail_on_countries, sender=Quote.countries.through, weak=False)
    try:
        client = Client(raise_request_exception=False)
        client.force_login(staff)
        response = client.post(reverse("admin:statements_quote_change", args=[quote.pk]), data)
    finally:
        m2m_changed.disconnect(fail_on_countries, sender=Quote.countries.through)
    assert response.status_code == 500
    assert every_row() == before
    quote.refresh_from_db()
    assert quote.text != shorter


def empty_the_archive():
    """Every table of the archive emptied, as on a new database (inside the test's transaction: `flush`
    cannot run there on PostgreSQL, and a transactional test's restore clashes with the browser tests')."""
    with connection.cursor() as cursor:
        for model in apps.get_app_config("statements").get_models(include_auto_created=True):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


def dump(path, *, natural_primary):
    call_command(
        "dumpdata", "statements", natural_foreign=True, natural_primary=natural_primary, output=str(path)
    )
    return path


def to_the_millisecond(rows):
    def cut(value):
        return (
            value.replace(microsecond=value.microsecond // 1000 * 1000)
            if isinstance(value, datetime)
            else value
        )

    return {label: [tuple(map(cut, row)) for row in table] for label, table in rows.items()}


def without_history(rows):
    return {label: value for label, value in rows.items() if ".Historical" not in label}


def test_a_backup_restored_into_an_emptied_database_gives_back_every_record_and_its_id(
    seed_archive, tmp_path
):
    # Without --natural-primary the dump keeps ids, which permalinks (/quotes/32/) and citations use.
    backup = dump(tmp_path / "backup.json", natural_primary=False)
    before = every_row()
    empty_the_archive()
    assert Quote.objects.count() == 0
    call_command("loaddata", str(backup), verbosity=0)
    assert without_history(every_row()) == without_history(before)


def test_a_natural_key_dump_restored_gives_back_every_record_by_its_natural_key(seed_archive, tmp_path):
    # With --natural-primary, records are matched by natural key: the same archive, possibly renumbered.
    first = dump(tmp_path / "first.json", natural_primary=True)
    empty_the_archive()
    call_command("loaddata", str(first), verbosity=0)
    second = dump(tmp_path / "second.json", natural_primary=True)

    def records(path):
        return [r for r in json.loads(path.read_text()) if not r["model"].startswith("statements.historical")]

    assert records(second) == records(first)


def test_a_backup_restored_gives_back_the_history_exactly(seed_archive, tmp_path):
    backup = dump(tmp_path / "backup.json", natural_primary=False)
    before = every_row()
    empty_the_archive()
    call_command("loaddata", str(backup), verbosity=0)
    # Django's JSON keeps times to the millisecond: so does the comparison.
    assert to_the_millisecond(every_row()) == to_the_millisecond(before)
