"""Countries and years (statements.extraction.countries)."""

from statements.extraction import extract_document
from statements.extraction.countries import countries_in, country_mentions, find_years


def codes(text):
    return countries_in(text)


def test_names_adjectives_and_metonyms():
    text = (
        "The Kremlin, Tehran and Beijing denied it; Russian and Iranian hackers hit the U.S. and Pyongyang."
    )
    assert codes(text) == ["CN", "IR", "KP", "RU", "US"]


def test_pycountry_official_and_common_names():
    assert codes("the Islamic Republic of Iran and the Russian Federation") == ["IR", "RU"]
    assert codes("the United States of America") == ["US"]


def test_us_state_georgia_is_not_the_country():
    assert (
        codes("Recounts loomed in Georgia and Wisconsin, where officials in Georgia's capital waited.") == []
    )


def test_georgia_the_country_counts_with_a_cue():
    assert codes("Russia invaded Georgia in 2008, and Tbilisi still accuses Moscow.") == ["GE", "RU"]


def test_person_names_are_not_countries():
    assert codes("Rep. Jim Jordan and Chad Wolf spoke with Jordan Peterson.") == []


def test_american_university_is_not_a_mention():
    assert codes("Andrew is a graduate of American University.") == []


def test_washington_as_posting_location_is_not_a_mention_but_as_government_is():
    assert codes("He was a Washington intern for the Herald.") == []
    assert codes("Washington accused Moscow of meddling.") == ["RU", "US"]


def test_us_uppercase_only():
    assert codes("Let us see what the US does.") == ["US"]


def test_new_mexico_and_new_jersey_are_states():
    assert codes("Voters in New Mexico and New Jersey cast ballots.") == []


def test_mention_counts_per_country():
    result = extract_document("Russia acted. Moscow denied it. The U.S. responded.\n", "doc.txt")
    assert result["country_mentions"] == {"RU": 2, "US": 1}
    assert result["countries"] == ["RU", "US"]


def test_mentions_carry_offsets():
    text = "Iran and Russia."
    assert [(text[s:e], code) for s, e, code, _ in country_mentions(text)] == [
        ("Iran", "IR"),
        ("Russia", "RU"),
    ]


def test_years_in_prose_only():
    text = "In 2016 and 2018, then 2,000 votes in 2020; see https://x.com/2019/story and $2020."
    assert find_years(text, [(0, len(text))]) == [2016, 2018, 2020]


def test_date_prefix_year_is_metadata_not_a_mention():
    result = extract_document(" date 2021-03-16 The 2020 election was secure.", "doc.txt")
    assert result["years"] == [2020]


def test_georgia_among_other_countries_is_the_country():
    text = "Moscow tried the same in Georgia in 2008 and in Estonia in 2007, the minister said.\n"
    assert "GE" in extract_document(text, "doc.txt")["countries"]


def test_georgia_beside_the_usual_actors_stays_a_state():
    text = "Russia and Iran targeted voter rolls in Georgia, officials in Atlanta said.\n"
    assert "GE" not in extract_document(text, "doc.txt")["countries"]


def test_turkey_the_bird_is_no_country():
    text = (
        "Ballots\n\n"
        "Workers kept counting. Turkey sandwiches donated by a church were handed out. Turkey's election "
        "board was not involved.\n"
    )
    assert extract_document(text, "doc.txt")["countries"] == ["TR"]
    bird = "Ballots\n\nWorkers kept counting. Turkey sandwiches donated by a church were handed out.\n"
    assert extract_document(bird, "doc.txt")["countries"] == []
