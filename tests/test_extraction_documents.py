"""Reading documents, metadata, paragraphs and boilerplate (statements.extraction.documents)."""

from pathlib import Path

import pytest

from statements.extraction import DocumentError, extract_document, read_document
from statements.extraction.documents import find_boilerplate, paragraphs, parse_metadata

SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "documents").glob("*.txt"))


def test_read_document_strips_bom_and_keeps_newlines(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes("\ufeffLine one.\r\n\r\nLine two.\n".encode())
    assert read_document(path) == "Line one.\r\n\r\nLine two.\n"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(b"", "empty"), (b"   \n\n", "empty"), (b"abc\x00def", "binary"), (b"caf\xe9 au lait", "UTF-8")],
)
def test_read_document_rejects_bad_files_with_a_one_line_message(tmp_path, content, fragment):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as error:
        read_document(path)
    message = str(error.value)
    assert "bad.txt" in message
    assert fragment in message
    assert "\n" not in message
    assert isinstance(error.value, ValueError)


def test_headline_line_is_the_title_and_body_starts_after_it():
    text = "Officials: 'No evidence of fraud'\n\nThe agency said on Monday that all was well.\n"
    meta = parse_metadata(text)
    assert meta.title == "Officials: 'No evidence of fraud'"
    assert text[meta.body_start :].startswith("The agency said")


def test_first_sentence_is_not_mistaken_for_a_headline():
    text = (
        "President Trump met with his advisers on Thursday, the White House said.\nThe meeting was short.\n"
    )
    meta = parse_metadata(text)
    assert meta.title is None
    assert meta.body_start == 0


def test_date_prefix_fused_to_first_sentence_is_published_date():
    text = " date 2021-03-16 Election infrastructure remained secure, the report found."
    meta = parse_metadata(text)
    assert meta.published == "2021-03-16"
    assert meta.published_precision == "day"
    assert text[meta.body_start :].startswith("Election infrastructure")


def test_markdown_header_gives_title_date_outlet_and_url():
    text = (
        "\n# DoJ: No Evidence of Compromise\n\nPublished at: **2019-11-06T01:25:56+00:00**\n\nAuthor: **"
        "**\n\n"
        "Original: [Sputniknews](https://sputniknews.com/us/2019-story/)\n\n\n        With the vote a ye"
        "ar away, "
        "officials spoke.\n"
    )
    meta = parse_metadata(text)
    assert meta.title == "DoJ: No Evidence of Compromise"
    assert meta.published == "2019-11-06"
    assert meta.outlet == "Sputnik"
    assert meta.url == "https://sputniknews.com/us/2019-story/"
    assert meta.authors == []
    assert text[meta.body_start :].startswith("With the vote")


def test_byline_authors_and_wire_dateline_outlet():
    text = "Russia behind fake video\n\nBy Jane Doe and John Roe\n\nWASHINGTON (AP) — Officials said.\n"
    meta = parse_metadata(text)
    assert meta.authors == ["Jane Doe", "John Roe"]
    assert meta.outlet == "AP"
    assert text[meta.body_start :].startswith("WASHINGTON (AP)")


def test_reuters_dateline_with_day_names_the_outlet():
    meta = parse_metadata("WASHINGTON, Nov. 5 (Reuters) - U.S. officials said on Monday.\nMore text.\n")
    assert meta.outlet == "Reuters"
    assert meta.published is None


def test_paragraphs_split_on_blank_lines_and_single_newlines():
    text = "First paragraph.\n\nSecond paragraph.\nThird paragraph.\n"
    spans = paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["First paragraph.", "Second paragraph.", "Third paragraph."]


def test_hard_wrapped_line_stays_in_its_paragraph():
    text = "This sentence is wrapped\nacross two lines.\n\nNext one.\n"
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "This sentence is wrapped\nacross two lines.",
        "Next one.",
    ]


def test_boilerplate_promo_placeholder_caption_and_embed_cue():
    text = (
        "Officials spoke on Monday.\n\n"
        "More:President Joe Biden? Donald Trump tweets suggest he knows that will happen\n\n"
        "{mosads}The agency said it was ready.\n\n"
        "Jane Roe, a county clerk, speaks during a news conference Oct. 19, 2018, in Arlington, Virginia.\n\n"
        "Read the report below:\n"
    )
    bp = find_boilerplate(text)
    found = {text[s:e] for s, e in bp.spans}
    assert "{mosads}" in found
    assert any(f.startswith("More:President") for f in found)
    assert any(f.startswith("Jane Roe, a county clerk, speaks") for f in found)
    assert "Read the report below:" in found
    assert not any(f.startswith("Officials spoke") for f in found)


def test_author_bio_and_contributor_line_give_authors_and_outlet():
    text = (
        "The agencies said the vote was secure.\n\nMark Pomerleau contributed to this report.\n\n"
        "Andrew Eversden covers all things defense technology for C4ISRNET. He was a Washington intern.\n"
    )
    result = extract_document(text, "/x/doc.txt")
    assert result["outlet"] == "C4ISRNET"
    assert set(result["authors"]) == {"Mark Pomerleau", "Andrew Eversden"}
    assert result["officials"] == []
    assert result["countries"] == []
    assert result["document"] == "doc.txt"


def test_dates_in_metadata_are_not_year_mentions():
    text = "# Title about 2020\n\nPublished at: **2019-11-06T01:25:56+00:00**\n\nIn 2016 Russia interfered.\n"
    result = extract_document(text, "doc.txt")
    assert result["years"] == [2016, 2020]
    assert result["published"] == "2019-11-06"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_output_has_the_contract_shape(path):
    text = read_document(path)
    result = extract_document(text, str(path))
    assert set(result) == {
        "document", "title", "published", "published_precision", "outlet", "url", "authors", "body_start",
        "boilerplate", "countries", "country_mentions", "years", "officials", "agencies", "quotes",
    }  # fmt: skip
    assert result["countries"] == sorted(result["countries"])
    assert result["years"] == sorted(result["years"])
    keys = {a["acronym"] for a in result["agencies"]} | {a["name"] for a in result["agencies"]}
    for official in result["officials"]:
        assert official["agency"] is None or official["agency"] in keys
        assert len(official["roles"]) == len(official["titles"])
    for quote in result["quotes"]:
        assert all(a in keys for a in quote["speaker_agencies"])
    assert result == extract_document(text, str(path))  # deterministic


@pytest.mark.parametrize(
    ("header", "date"),
    [
        (
            "Voters warned about fake texts\nBy Ann Lee\nMarch 4, 2022 / 9:15 AM / Updated 2 hours ago\n",
            "2022-03-04",
        ),
        (
            "Voters warned about fake texts\nA standfirst line sits here\n\n"
            "Ann Lee Political editor\nWed 9 Mar 2022 07.00 GMT\n",
            "2022-03-09",
        ),
        ("Voters warned about fake texts\n\nBy Ann Lee\nPublished On 9 Mar 2022\n", "2022-03-09"),
        (
            "Voters warned about fake texts\n"
            "Ann Lee · Metro News · Posted: Mar 9, 2022 5:00 AM ET | Last Updated: March 9, 2022\n",
            "2022-03-09",
        ),
        ("Voters warned about fake texts\n\nAll News 10:05 March 09, 2022\n", "2022-03-09"),
    ],
)
def test_a_date_line_among_the_header_lines_gives_the_date(header, date):
    text = header + "\nThe county said on Monday that 40 residents had reported the messages to the police.\n"
    assert parse_metadata(text).published == date


def test_a_date_in_the_first_paragraph_of_prose_is_not_a_date_line():
    text = (
        "Voters warned about fake texts\n\nThe county said on March 4, 2022 that residents had been warned.\n"
    )
    assert parse_metadata(text).published is None


def test_a_section_label_above_the_headline_is_skipped():
    text = (
        "World\nPolice in two provinces investigate a wave of fake ballot messages\n\n"
        "The messages began on Monday.\n"
    )
    assert parse_metadata(text).title == "Police in two provinces investigate a wave of fake ballot messages"


def test_a_transcript_headline_loses_its_air_time():
    text = "Voting Goes On Despite Threats. Aired 10-11p ET\n\nEVENING NEWS\n\nANCHOR: Good evening.\n"
    assert parse_metadata(text).title == "Voting Goes On Despite Threats"


def test_a_press_release_letterhead_is_its_issuer_not_its_headline():
    text = (
        "Department of Justice\nOffice of Public Affairs\n\nFOR IMMEDIATE RELEASE\n"
        "Thursday, October 18, 2018\n\nThree Russian Officers Charged with Hacking Election Websites\n\n"
        "A federal grand jury today returned an indictment.\n"
    )
    result = extract_document(text, "release.txt")
    assert result["title"] == "Three Russian Officers Charged with Hacking Election Websites"
    assert result["published"] == "2018-10-18"
    assert "DOJ" in {a["acronym"] for a in result["agencies"]}
