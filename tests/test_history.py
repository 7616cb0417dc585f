"""Every change is recorded (who, when, what, why) and can be reverted, many-to-many values included."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from statements.models import Agency, Article, ArticleCountry, Country, Official, OfficialTitle, Outlet, Quote
from tests.conftest import DOCUMENTS

HISTORIED = [Country, Agency, Official, OfficialTitle, Outlet, Article, ArticleCountry, Quote]
SEEDS = sorted(DOCUMENTS.glob("*.txt"))


@pytest.fixture
def researcher(db):
    call_command("create_researcher", "ada", "--password", "x-Rays-42!", verbosity=0)
    return User.objects.get(username="ada")


@pytest.fixture
def researcher_client(client, researcher):
    client.force_login(researcher)
    return client


def change_url(obj, view="change", *more):
    return reverse(f"admin:statements_{obj._meta.model_name}_{view}", args=[obj.pk, *more])


def a_quote_with_an_official():
    return Quote.objects.filter(officials__isnull=False).order_by("pk").first()


def quote_form_data(quote, **changes):
    data = {
        "article": quote.article_id,
        "text": quote.text,
        "speaker": quote.speaker,
        "officials": [o.pk for o in quote.officials.all()],
        "agencies": [a.pk for a in quote.agencies.all()],
        "countries": [c.pk for c in quote.countries.all()],
        "change_reason": "",
    }
    if quote.fragment:
        data["fragment"] = "on"
    data.update(changes)
    return data


def test_loaddata_records_each_loaded_record_once_with_the_fixture_as_reason(seed_archive):
    for model in (Agency, Official, OfficialTitle, Outlet, Article, ArticleCountry, Quote):
        assert model.history.count() == model.objects.count() > 0, model
        assert set(model.history.values_list("history_type", "history_change_reason")) == {
            ("+", "loaddata archive")
        }
    quote = a_quote_with_an_official()
    record = quote.history.get()
    assert {row.official_id for row in record.officials.all()} == set(
        quote.officials.values_list("pk", flat=True)
    )


def test_loading_the_same_fixture_again_adds_no_history(seed_archive):
    before = {model: model.history.count() for model in HISTORIED}
    call_command("loaddata", "archive", verbosity=0)
    assert {model: model.history.count() for model in HISTORIED} == before


def test_a_fixture_that_changes_a_record_records_the_change(seed_archive, tmp_path):
    quote = a_quote_with_an_official()
    quote.speaker = "someone else"
    quote.save()
    call_command("loaddata", "archive", verbosity=0)
    quote.refresh_from_db()
    latest = quote.history.first()
    assert latest.history_type == "~"
    assert latest.history_change_reason == "loaddata archive"
    assert latest.speaker == quote.speaker != "someone else"


def test_ingest_records_what_it_stores_with_the_reason_ingest(db):
    call_command("ingest", str(SEEDS[0]), verbosity=0)
    quote = Quote.objects.first()
    assert list(quote.history.values_list("history_type", "history_change_reason")) == [("+", "ingest")]
    assert Article.history.get().history_change_reason == "ingest"


def test_an_ingest_dry_run_records_nothing(db):
    call_command("ingest", str(SEEDS[0]), dry_run=True, verbosity=0)
    assert Quote.history.count() == 0
    assert Article.history.count() == 0


def test_an_admin_edit_of_fields_and_speakers_is_one_history_row_with_user_and_reason(
    researcher_client, researcher, seed_archive
):
    quote = a_quote_with_an_official()
    other = Official.objects.exclude(quotes=quote).first()
    data = quote_form_data(
        quote, speaker="the corrected speaker", officials=[other.pk], change_reason="per para 3"
    )
    response = researcher_client.post(change_url(quote), data)
    assert response.status_code == 302
    records = list(quote.history.all())
    assert len(records) == 2
    latest = records[0]
    assert latest.history_type == "~"
    assert latest.history_user == researcher
    assert latest.history_change_reason == "per para 3"
    assert latest.speaker == "the corrected speaker"
    assert [row.official_id for row in latest.officials.all()] == [other.pk]
    changed = {change.field for change in latest.diff_against(records[1]).changes}
    assert changed == {"speaker", "officials"}


def test_the_history_page_lists_who_changed_what_and_why(researcher_client, seed_archive):
    quote = a_quote_with_an_official()
    researcher_client.post(
        change_url(quote), quote_form_data(quote, speaker="X", change_reason="typo in speaker")
    )
    page = researcher_client.get(change_url(quote, "history")).content.decode()
    assert "typo in speaker" in page
    assert "ada" in page
    assert "loaddata archive" in page


def test_reverting_restores_fields_and_many_to_many_values(researcher_client, seed_archive):
    quote = a_quote_with_an_official()
    original = {
        "speaker": quote.speaker,
        "officials": set(quote.officials.values_list("pk", flat=True)),
        "countries": set(quote.countries.values_list("pk", flat=True)),
    }
    first = quote.history.get()
    other = Official.objects.exclude(quotes=quote).first()
    france = Country.objects.get(code="FR")
    researcher_client.post(
        change_url(quote),
        quote_form_data(quote, speaker="wrong", officials=[other.pk], countries=[france.pk]),
    )
    quote.refresh_from_db()
    assert quote.speaker == "wrong"

    revert_url = change_url(quote, "simple_history", first.history_id)
    form = researcher_client.get(revert_url).context["adminform"].form
    assert set(form.initial["officials"]) == original["officials"]
    assert set(form.initial["countries"]) == original["countries"]
    assert form.initial["change_reason"].startswith("revert to the version of")
    data = {
        "article": quote.article_id,
        "text": first.text,
        "speaker": first.speaker,
        "officials": form.initial["officials"],
        "agencies": form.initial["agencies"],
        "countries": form.initial["countries"],
        "change_reason": form.initial["change_reason"],
    }
    if first.fragment:
        data["fragment"] = "on"
    assert researcher_client.post(revert_url, data).status_code == 302
    quote.refresh_from_db()
    assert quote.speaker == original["speaker"]
    assert set(quote.officials.values_list("pk", flat=True)) == original["officials"]
    assert set(quote.countries.values_list("pk", flat=True)) == original["countries"]
    latest = quote.history.first()
    assert latest.history_change_reason.startswith("revert to the version of")
    assert quote.history.count() == 3


def test_inline_edits_are_recorded_with_the_request_user(researcher_client, researcher, seed_archive):
    official = Official.objects.filter(titles__isnull=False).first()
    title = official.titles.first()
    data = {"name": official.name, "slug": official.slug, "change_reason": ""}
    titles = list(official.titles.all())
    data.update(
        {
            "titles-TOTAL_FORMS": len(titles),
            "titles-INITIAL_FORMS": len(titles),
            "titles-MIN_NUM_FORMS": 0,
            "titles-MAX_NUM_FORMS": 1000,
        }
    )
    for n, t in enumerate(titles):
        data.update(
            {
                f"titles-{n}-id": t.pk,
                f"titles-{n}-official": official.pk,
                f"titles-{n}-title": "Acting " + t.title if t.pk == title.pk else t.title,
                f"titles-{n}-agency": t.agency_id or "",
                f"titles-{n}-article": t.article_id,
            }
        )
    response = researcher_client.post(change_url(official), data)
    assert response.status_code == 302, response.context["errors"]
    latest = title.history.first()
    assert latest.title.startswith("Acting ")
    assert latest.history_user == researcher


def test_a_deleted_quote_stays_in_the_history_and_can_be_restored(admin_client, seed_archive):
    quote = Quote.objects.order_by("pk").first()
    pk, text = quote.pk, quote.text
    admin_client.post(change_url(quote, "delete"), {"post": "yes"})
    assert not Quote.objects.filter(pk=pk).exists()
    deleted = Quote.history.filter(id=pk).first()
    assert deleted.history_type == "-"
    restored = Quote.history.filter(id=pk, history_type="+").get().instance
    restored.save()
    assert Quote.objects.get(pk=pk).text == text


def test_merging_is_recorded_on_every_record_it_touches(seed_archive, researcher):
    from statements.services import merge_officials

    duplicate = Official.objects.filter(quotes__isnull=False, titles__isnull=False).distinct().first()
    keep = Official.objects.exclude(pk=duplicate.pk).first()
    quotes, duplicate_pk = list(duplicate.quotes.all()), duplicate.pk
    merge_officials(keep, [duplicate], user=researcher)
    for quote in quotes:
        latest = quote.history.first()
        assert latest.history_user == researcher
        assert keep.pk in {row.official_id for row in latest.officials.all()}
    gone = Official.history.filter(id=duplicate_pk).first()
    assert gone.history_type == "-"
    assert gone.history_change_reason.startswith("merge of officials")
