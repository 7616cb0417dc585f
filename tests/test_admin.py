"""The researchers' admin: roles, changelists, quotes kept on their text, protection, merging, ingest."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from statements.models import (
    Agency,
    Article,
    ArticleCountry,
    Country,
    Official,
    OfficialTitle,
    Outlet,
    Quote,
)
from statements.services import anchor_quote, merge_agencies, merge_officials
from tests.conftest import DOCUMENTS

MODELS = [Country, Agency, Official, OfficialTitle, Outlet, Article, ArticleCountry, Quote]
SEEDS = sorted(DOCUMENTS.glob("*.txt"))


def admin_url(model, view="changelist", *args):
    return reverse(f"admin:statements_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def researcher(db):
    call_command(
        "create_researcher", "ada", "--email", "ada@example.org", "--password", "x-Rays-42!", verbosity=0
    )
    return User.objects.get(username="ada")


@pytest.fixture
def researcher_client(client, researcher):
    client.force_login(researcher)
    return client


def quoted_official(seed=None):
    """A quote attributed to exactly one official, and that official."""
    for quote in Quote.objects.prefetch_related("officials"):
        officials = list(quote.officials.all())
        if len(officials) == 1:
            return quote, officials[0]
    raise AssertionError("the seed archive has no quote with a single official")


# ------------------------------------------------------------------------------------------------ roles
def test_anonymous_visitors_read_the_public_site_and_are_sent_to_log_in_for_the_admin(client, seed_archive):
    quote = Quote.objects.first()
    assert client.get("/").status_code == 200
    assert client.get(quote.get_absolute_url()).status_code == 200
    assert client.post(quote.get_absolute_url(), {"speaker": "x"}).status_code == 405
    for url in (
        "/admin/",
        admin_url(Quote),
        admin_url(Quote, "change", quote.pk),
        admin_url(Article, "ingest"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_researcher_adds_changes_and_views_the_archive_but_not_users_or_permissions(
    researcher_client, researcher, seed_archive
):
    assert researcher.is_staff
    assert not researcher.is_superuser
    for model in MODELS:
        name = model._meta.model_name
        assert researcher.has_perms([f"statements.{a}_{name}" for a in ("add", "change", "view")])
        assert not researcher.has_perm(f"statements.delete_{name}")
        assert researcher_client.get(admin_url(model)).status_code == 200
    quote = Quote.objects.first()
    assert researcher_client.get(admin_url(Quote, "change", quote.pk)).status_code == 200
    assert researcher_client.get(admin_url(Quote, "history", quote.pk)).status_code == 200
    for url in ("/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/"):
        assert researcher_client.get(url).status_code == 403
    assert researcher_client.get(admin_url(Quote, "delete", quote.pk)).status_code == 403


def test_superuser_manages_users_and_deletes_records(admin_client, seed_archive):
    assert admin_client.get("/admin/auth/user/").status_code == 200
    quote = Quote.objects.first()
    assert admin_client.get(admin_url(Quote, "delete", quote.pk)).status_code == 200


def test_create_researcher_makes_a_staff_account_in_the_researchers_group(db, monkeypatch):
    call_command(
        "create_researcher", "grace", "--email", "g@example.org", "--password", "Bl3tchley-Park", verbosity=0
    )
    user = User.objects.get(username="grace")
    assert user.is_staff
    assert not user.is_superuser
    assert user.email == "g@example.org"
    assert user.check_password("Bl3tchley-Park")
    assert list(user.groups.values_list("name", flat=True)) == ["Researchers"]
    monkeypatch.setenv("RESEARCHER_PASSWORD", "An0ther-secret!")
    call_command("create_researcher", "alan", "--no-input", verbosity=0)
    assert User.objects.get(username="alan").check_password("An0ther-secret!")


def test_create_researcher_refuses_weak_or_missing_passwords(db, monkeypatch):
    monkeypatch.delenv("RESEARCHER_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="needs a password"):
        call_command("create_researcher", "kim", "--no-input", verbosity=0)
    with pytest.raises(CommandError, match="password refused"):
        call_command("create_researcher", "kim", "--password", "123", verbosity=0)
    assert not User.objects.filter(username="kim").exists()


def test_the_researchers_group_is_created_by_a_migration(db):
    group = Group.objects.get(name="Researchers")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_quote", "add_article", "view_official", "view_historicalquote"} <= codenames
    assert not {c for c in codenames if c.startswith("delete_") or c.endswith("_user")}


# ----------------------------------------------------------------------------------------- changelists
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_changelist_shows_facets_and_searches(admin_client, seed_archive, model):
    response = admin_client.get(admin_url(model))
    assert response.status_code == 200
    assert admin_client.get(admin_url(model), {"q": "election"}).status_code == 200
    if response.context["cl"].has_filters:
        assert "(" in response.content.decode()  # facet counts, e.g. "2020 (3)"
    obj = response.context["cl"].result_list[0]
    assert obj.get_absolute_url() in response.content.decode()  # the "public page" column
    change = admin_client.get(admin_url(model, "change", obj.pk))
    assert change.status_code == 200
    assert "View on site" in change.content.decode()


def add_rows():
    """More quotes, officials and titles, so that a changelist that queried per row would query more."""
    article = Article.objects.first()
    taken = set(article.quotes.values_list("start", flat=True))
    country = Country.objects.get(code="FR")
    for n in range(12):
        official = Official.objects.create(name=f"Extra Official {n}", slug=f"extra-official-{n}")
        start = next(s for s in range(article.body_start + 10 * n, len(article.body)) if s not in taken)
        taken.add(start)
        quote = Quote.objects.create(
            article=article, start=start, end=start + 5, text=article.body[start : start + 5]
        )
        quote.officials.add(official)
        quote.countries.add(country)
        OfficialTitle.objects.create(official=official, title="Spokesperson", article=article)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_a_changelist_runs_a_fixed_number_of_queries(admin_client, seed_archive, model):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(admin_url(model)).status_code == 200
        return len(queries)

    before = count()
    add_rows()
    assert count() == before


# ----------------------------------------------------------------------------------------------- quotes
def quote_form_data(quote, **changes):
    data = {
        "article": quote.article_id,
        "text": quote.text,
        "speaker": quote.speaker,
        "officials": [o.pk for o in quote.officials.all()],
        "agencies": [a.pk for a in quote.agencies.all()],
        "countries": [c.pk for c in quote.countries.all()],
        "fragment": "on" if quote.fragment else "",
        "change_reason": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_anchor_quote_takes_the_occurrence_nearest_the_old_start():
    body = "He said yes. Then: yes. And later, yes."
    assert anchor_quote(body, "yes") == (8, 11)
    assert anchor_quote(body, "yes", near=20) == (19, 22)
    assert anchor_quote(body, "yes", near=100) == (35, 38)
    with pytest.raises(Exception, match="does not occur"):
        anchor_quote(body, "no")


def test_editing_a_quote_s_text_recomputes_its_offsets(researcher_client, seed_archive):
    quote = Quote.objects.filter(fragment=False).order_by("pk").first()
    shorter = quote.text[: len(quote.text) // 2].rstrip()
    response = researcher_client.post(
        admin_url(Quote, "change", quote.pk), quote_form_data(quote, text=shorter)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    quote.refresh_from_db()
    assert quote.text == shorter
    assert quote.article.body[quote.start : quote.end] == shorter


def test_a_quote_text_not_in_the_article_is_refused_with_a_form_error(researcher_client, seed_archive):
    quote = Quote.objects.order_by("pk").first()
    before = (quote.text, quote.start, quote.end)
    response = researcher_client.post(
        admin_url(Quote, "change", quote.pk),
        quote_form_data(quote, text=quote.text + " (words never printed)"),
    )
    assert response.status_code == 200
    assert "does not occur in the article" in response.content.decode()
    quote.refresh_from_db()
    assert (quote.text, quote.start, quote.end) == before


def test_a_missed_quote_is_added_from_its_text_alone(researcher_client, seed_archive):
    article = Article.objects.first()
    taken = set(article.quotes.values_list("start", flat=True))
    words = next(
        article.body[s : s + 30] for s in range(article.body_start, len(article.body)) if s not in taken
    )
    data = {
        "article": article.pk,
        "text": words,
        "speaker": "a spokesperson",
        "change_reason": "missed quote",
    }
    response = researcher_client.post(admin_url(Quote, "add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    quote = Quote.objects.get(article=article, text=words, speaker="a spokesperson")
    assert article.body[quote.start : quote.end] == words


def test_the_article_text_is_not_editable(researcher_client, seed_archive):
    article = Article.objects.first()
    form = researcher_client.get(admin_url(Article, "change", article.pk)).context["adminform"].form
    assert "body" not in form.fields
    assert "content_hash" not in form.fields


# ----------------------------------------------------------------------------------------- protection
def test_deleting_an_official_with_quotes_lists_them_as_protected_and_deletes_nothing(
    admin_client, seed_archive
):
    quote, official = quoted_official()
    url = admin_url(Official, "delete", official.pk)
    page = admin_client.get(url).content.decode()
    assert "Cannot delete" in page or "would require deleting the following protected" in page
    assert admin_url(Quote, "change", quote.pk) in page
    admin_client.post(url, {"post": "yes"})
    assert Official.objects.filter(pk=official.pk).exists()
    assert quote.officials.filter(pk=official.pk).exists()


@pytest.mark.parametrize("model", [Official, Agency, Country], ids=lambda m: m.__name__)
def test_deleting_a_record_quotes_refer_to_is_refused_outside_the_admin_too(seed_archive, model):
    record = model.objects.filter(quotes__isnull=False).first()
    with pytest.raises(ProtectedError), transaction.atomic():
        record.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        model.objects.filter(pk=record.pk).delete()
    assert model.objects.filter(pk=record.pk).exists()


def test_an_article_with_quotes_cannot_be_deleted(admin_client, seed_archive):
    article = Article.objects.first()
    admin_client.post(admin_url(Article, "delete", article.pk), {"post": "yes"})
    assert Article.objects.filter(pk=article.pk).exists()


# ---------------------------------------------------------------------------------------------- merging
def test_merging_officials_moves_their_quotes_titles_and_mentions(seed_archive, researcher):
    quote, duplicate = quoted_official()
    keep = Official.objects.exclude(pk=duplicate.pk).first()
    titles = set(duplicate.titles.values_list("title", "article_id"))
    articles = set(duplicate.articles.values_list("pk", flat=True))
    moved = set(duplicate.quotes.values_list("pk", flat=True))
    merge_officials(keep, [duplicate], user=researcher)
    assert not Official.objects.filter(pk=duplicate.pk).exists()
    assert moved <= set(keep.quotes.values_list("pk", flat=True))
    assert titles <= set(keep.titles.values_list("title", "article_id"))
    assert articles <= set(keep.articles.values_list("pk", flat=True))
    record = quote.history.first()
    assert record.history_user == researcher
    assert "merge of officials" in record.history_change_reason


def test_merging_agencies_moves_their_quotes_and_titles(seed_archive):
    duplicate = Agency.objects.filter(quotes__isnull=False).first()
    keep = Agency.objects.exclude(pk=duplicate.pk).first()
    moved = set(duplicate.quotes.values_list("pk", flat=True))
    titles = set(duplicate.official_titles.values_list("pk", flat=True))
    merge_agencies(keep, [duplicate])
    assert not Agency.objects.filter(pk=duplicate.pk).exists()
    assert moved <= set(keep.quotes.values_list("pk", flat=True))
    assert titles <= set(keep.official_titles.values_list("pk", flat=True))


def test_the_merge_action_asks_which_official_to_keep_then_merges(researcher_client, seed_archive):
    quote, duplicate = quoted_official()
    keep = Official.objects.exclude(pk=duplicate.pk).first()
    data = {"action": "merge_selected", "_selected_action": [keep.pk, duplicate.pk]}
    page = researcher_client.post(admin_url(Official), data)
    assert page.status_code == 200
    assert "Choose the official to keep" in page.content.decode()
    assert Official.objects.filter(pk=duplicate.pk).exists()
    done = researcher_client.post(admin_url(Official), {**data, "post": "yes", "keep": keep.pk})
    assert done.status_code == 302
    assert not Official.objects.filter(pk=duplicate.pk).exists()
    assert quote.officials.filter(pk=keep.pk).exists()


# ------------------------------------------------------------------------------------ ingest from admin
def preview_data(page):
    """The preview's form as the browser would post it back, unchanged."""
    context = page.context
    data = {"stage": "save", "document": context["document_token"]}
    article = context["article_form"]
    for name, _field in article.fields.items():
        value = article.initial.get(name)
        data[f"article-{name}"] = "" if value is None else str(value)
    formset = context["quote_forms"]
    for key, value in formset.management_form.initial.items():
        data[f"quotes-{key}"] = value
    for form in formset:
        for name in form.fields:
            value = form.initial.get(name)
            if name != "drop" and value is not None:
                data[form.add_prefix(name)] = str(value)
    return data


def test_the_ingest_preview_shows_the_extraction_and_stores_nothing(researcher_client, db):
    url = admin_url(Article, "ingest")
    assert researcher_client.get(url).status_code == 200
    text = SEEDS[0].read_text(encoding="utf-8")
    page = researcher_client.post(url, {"stage": "preview", "name": SEEDS[0].name, "text": text})
    assert page.status_code == 200
    preview = page.context["preview"]
    assert preview["status"] == "created"
    assert preview["quotes"]
    html = page.content.decode()
    assert "Save to the archive" in html
    assert preview["quotes"][0]["text"][:20] in html
    assert Article.objects.count() == 0
    assert Quote.objects.count() == 0
    assert Official.objects.count() == 0


def test_the_ingest_preview_saves_the_researcher_s_corrections_in_one_go(researcher_client, researcher, db):
    url = admin_url(Article, "ingest")
    upload = SimpleUploadedFile(SEEDS[1].name, SEEDS[1].read_bytes(), content_type="text/plain")
    page = researcher_client.post(url, {"stage": "preview", "upload": upload})
    assert page.status_code == 200, page.context["form"].errors
    data = preview_data(page)
    data["article-title"] = "A corrected headline"
    data["quotes-0-speaker"] = "the corrected speaker"
    data["quotes-0-officials"] = ""
    data["quotes-0-countries"] = "ru, IR"
    response = researcher_client.post(url, data)
    assert response.status_code == 302
    article = Article.objects.get(source_file=SEEDS[1].name)
    assert response["Location"] == admin_url(Article, "change", article.pk)
    assert article.title == "A corrected headline"
    first = article.quotes.order_by("start").first()
    assert first.speaker == "the corrected speaker"
    assert not first.officials.exists()
    assert set(first.countries.values_list("code", flat=True)) == {"RU", "IR"}
    assert all(q.article.body[q.start : q.end] == q.text for q in article.quotes.all())
    reasons = list(
        first.history.order_by("history_date").values_list("history_change_reason", "history_user")
    )
    assert reasons == [
        ("ingest from the admin", researcher.pk),
        ("corrected in the ingest preview", researcher.pk),
    ]


def test_the_ingest_preview_refuses_unknown_officials_and_stores_nothing(researcher_client, db):
    url = admin_url(Article, "ingest")
    text = SEEDS[2].read_text(encoding="utf-8")
    page = researcher_client.post(url, {"stage": "preview", "name": SEEDS[2].name, "text": text})
    data = preview_data(page)
    data["quotes-0-officials"] = "nobody-by-this-slug"
    response = researcher_client.post(url, data)
    assert response.status_code == 200
    assert "nobody-by-this-slug" in response.content.decode()
    assert Article.objects.count() == 0


def test_the_ingest_preview_says_when_the_text_is_already_archived(researcher_client, seed_archive):
    url = admin_url(Article, "ingest")
    text = SEEDS[0].read_text(encoding="utf-8")
    page = researcher_client.post(url, {"stage": "preview", "name": "another-name.txt", "text": text})
    assert "already in the archive" in page.content.decode()


def test_the_ingest_view_needs_the_add_permission(client, db):
    user = User.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(admin_url(Article, "ingest")).status_code == 403


def test_adding_an_article_goes_through_the_ingest_preview(researcher_client, db):
    response = researcher_client.get(admin_url(Article, "add"))
    assert response.status_code == 302
    assert response["Location"] == admin_url(Article, "ingest")
    assert "Ingest a document" in researcher_client.get(admin_url(Article)).content.decode()
