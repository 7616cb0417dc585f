"""Quoted spans and their speakers (statements.extraction.quotes and attribution)."""

from pathlib import Path

import pytest

from statements.extraction import extract_document, read_document

SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "documents").glob("*.txt"))


def quotes(text):
    return extract_document(text, "doc.txt")["quotes"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_quote_offsets_index_the_text_as_read(path):
    text = read_document(path)
    for quote in extract_document(text, path.name)["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]


def test_straight_and_curly_quotes_are_found():
    text = 'The agency said "the vote was secure." Later, she said “we are confident in the results.”\n'
    assert [q["text"] for q in quotes(text)] == ["the vote was secure.", "we are confident in the results."]


def test_curly_opening_closed_by_straight_mark_is_one_quote():
    text = '“We have confidence in the count," the group concluded. "Turn to officials.”\n'
    assert [q["text"] for q in quotes(text)] == ["We have confidence in the count,", "Turn to officials."]


def test_nested_single_quotes_stay_inside_the_outer_quote():
    text = "\"The so-called 'Russian card' is a convenient tool,\" the deputy minister said.\n"
    result = quotes(text)
    assert len(result) == 1
    assert "'Russian card'" in result[0]["text"]


def test_quote_running_over_paragraphs_is_one_quote():
    text = (
        "Jane Roe, the county clerk, described the attack.\n\n"
        "“We saw the first alert at midnight. It took hours to stop.\n\n"
        "“By morning the system was back,” she said.\n"
    )
    result = quotes(text)
    assert len(result) == 1
    assert result[0]["text"].startswith("We saw the first alert")
    assert result[0]["text"].endswith("the system was back,")
    assert result[0]["speaker_officials"] == ["Jane Roe"]


def test_quote_split_by_attribution_is_two_quotes_with_one_speaker():
    text = (
        "FBI Director Christopher Wray spoke on Monday.\n\n"
        "“We are watching closely,” Wray said. “We will not tolerate interference.”\n"
    )
    result = quotes(text)
    assert len(result) == 2
    assert [q["speaker_officials"] for q in result] == [["Christopher Wray"], ["Christopher Wray"]]
    assert result[0]["speaker_agencies"] == ["FBI"]


def test_headline_quote_is_left_out():
    text = "Officials: 'No evidence of fraud'\n\nThe agency said \"all systems worked as intended.\"\n"
    assert [q["text"] for q in quotes(text)] == ["all systems worked as intended."]


def test_scare_quote_reporting_no_speech_is_left_out():
    text = "Accounts posted so-called “evidence” of fraud and claims of “rigged” machines for weeks.\n"
    assert quotes(text) == []


def test_short_attributed_fragment_is_a_quote():
    text = "But the White House insisted Friday that the administration is “focused” on election security.\n"
    result = quotes(text)
    assert [q["text"] for q in result] == ["focused"]
    assert result[0]["fragment"] is True
    assert result[0]["speaker_agencies"] == ["White House"]


def test_fragment_flag_marks_partial_sentences():
    text = 'The report described the vote as "the most secure in history." "It was clean," the report said.\n'
    result = quotes(text)
    assert [q["fragment"] for q in result] == [True, False]


def test_said_after_quote_with_title_and_party_tag():
    text = "“This is a wake-up call,” said Sen. Mark Warner, D-Va., after the briefing.\n"
    result = quotes(text)
    assert result[0]["speaker_officials"] == ["Mark Warner"]


def test_pronoun_resolves_to_the_person_introduced_before():
    text = (
        "Director of National Intelligence John Ratcliffe spoke at a news conference.\n\n"
        "“These actions are desperate attempts,” he said.\n"
    )
    result = quotes(text)
    assert result[0]["speaker_officials"] == ["John Ratcliffe"]
    assert result[0]["speaker_agencies"] == ["ODNI"]


def test_colon_introduction_and_report_referent():
    text = (
        "An unclassified version of the National Intelligence Council’s report was released.\n\n"
        "“We assess that Iran carried out a campaign,” the report states.\n\n"
        "The intelligence community wrote: “We assess that China did not deploy interference efforts.”\n"
    )
    result = quotes(text)
    assert "NIC" in result[0]["speaker_agencies"]
    assert "IC" in result[1]["speaker_agencies"]


def test_joint_statement_resolves_to_all_signatories():
    text = (
        "The joint statement came from Attorney General William Barr; Secretary of Defense Mark Esper; and "
        "FBI Director Christopher Wray.\n\n"
        "“We remain firm in our commitment to share information,” the statement read.\n"
    )
    result = quotes(text)
    assert set(result[0]["speaker_officials"]) == {"William Barr", "Mark Esper", "Christopher Wray"}
    assert {"DOJ", "DOD", "FBI"} <= set(result[0]["speaker_agencies"])


def test_group_description_resolves_to_the_bodies_it_introduced():
    text = (
        "The security group, including the Cybersecurity and Infrastructure Security Agency (CISA) and the "
        "National Association of State Election Directors, issued a statement.\n\n"
        "“There is no evidence that any voting system was compromised,” the coalition concluded.\n"
    )
    assert {"CISA", "NASED"} & set(quotes(text)[0]["speaker_agencies"])


def test_definite_description_refers_back_to_the_named_body():
    text = (
        "The Wisconsin Elections Commission warned voters on Sunday.\n\n"
        "“No one at this commission will ever tell a clerk to close early,” the commission said.\n"
    )
    assert quotes(text)[0]["speaker_agencies"] == ["WEC"]


def test_unnamed_speaker_stays_unnamed():
    text = (
        "“Baseless accusations of so-called interference created deep suspicion,” the deputy minister said.\n"
    )
    result = quotes(text)
    assert result[0]["speaker"] == "the deputy minister"
    assert result[0]["speaker_officials"] == []


def test_spokesperson_for_a_body_is_tied_to_it():
    text = "A spokesperson for the Russian Foreign Ministry said the warnings were “absurd and insulting.”\n"
    result = quotes(text)
    assert result[0]["speaker_officials"] == []
    assert result[0]["speaker_agencies"] == ["Ministry of Foreign Affairs of Russia"]


def test_quote_countries_are_those_its_text_mentions():
    text = "“Russia, China and Iran will seek to interfere,” the DOJ said.\n"
    assert quotes(text)[0]["countries"] == ["CN", "IR", "RU"]


def test_trailing_subject_with_an_abbreviated_title_and_an_appositive():
    text = (
        "Mayor Ann Fisk said on Monday the count went well.\n\n"
        '"The committee needs answers about the outage," Sen. Rita Oduya, a member of the budget panel, '
        "told the radio station.\n"
    )
    result = quotes(text)
    assert result[0]["speaker_officials"] == ["Rita Oduya"]


def test_a_clause_after_a_quote_is_not_its_attribution():
    text = (
        'The Budget Office said on Friday that the state had used loans to "paper over gaps" before the '
        "2019 vote and called on lawmakers to act.\n"
    )
    result = quotes(text)
    assert "vote" not in (result[0]["speaker"] or "")


def test_a_second_quote_in_the_sentence_keeps_the_first_speaker():
    text = (
        "Foreign Ministry spokeswoman Ana Ruiz said Spain \u201cnever meddles in other countries\u201d and "
        "urged Chile to \u201cstop spreading the so-called meddling story.\u201d\n"
    )
    result = quotes(text)
    assert [q["speaker_officials"] for q in result] == [["Ana Ruiz"], ["Ana Ruiz"]]


def test_the_subject_of_a_relative_clause_that_ends_in_the_verb():
    text = (
        "The app was banned after the first round, which the court voided after leaked police files "
        'described a "coordinated" campaign.\n'
    )
    assert quotes(text)[0]["speaker"] == "leaked police files"


def test_a_wire_dateline_is_not_part_of_the_subject():
    text = 'OSLO (Reuters) - A Norwegian watchdog said on Monday that the ads were "plainly deceptive".\n'
    assert quotes(text)[0]["speaker"] == "A Norwegian watchdog"


def test_commas_inside_a_body_name_do_not_cut_the_subject():
    text = (
        "A spokesman for the Department for Education, Science, Youth and Sport said the ministry would "
        '"study the findings".\n'
    )
    assert "spokesman" in quotes(text)[0]["speaker"]


def test_a_second_fragment_joined_by_and_keeps_the_speaker():
    text = 'The ministry rejected the report, calling it "entirely invented" and "a cheap smear."\n'
    result = quotes(text)
    assert [q["text"] for q in result] == ["entirely invented", "a cheap smear."]
    assert result[1]["speaker"] == result[0]["speaker"]


def test_the_agency_refers_back_to_a_bureau():
    text = (
        "The Interior Ministry Cyber Crime Bureau said on Monday it had traced the clips.\n\n"
        '"The evidence points abroad," the agency said.\n'
    )
    assert quotes(text)[0]["speaker"].startswith("the agency (")


def test_what_it_called_is_not_a_speaker():
    text = 'The embassy in Rome said Madrid "strongly rejects" what it called baseless claims.\n'
    assert quotes(text)[0]["speaker"] != "what it"


def test_a_colon_clause_names_the_speaker_inside_a_transcript_turn():
    text = (
        "REYES: The mood here is tense. County election director Ana Flores put it this way: "
        '"Every ballot has a paper trail."\n'
    )
    assert quotes(text)[0]["speaker_officials"] == ["Ana Flores"]


def test_she_said_after_a_non_official_named_in_the_paragraph():
    text = (
        'Mayor Tom Hale said the count was fine. "We are done," Hale said.\n\n'
        "Rosa Imber, who teaches law at a college, said the threat was real. "
        '"Trust is the target," she said.\n'
    )
    assert quotes(text)[1]["speaker_officials"] == ["Rosa Imber"]


def test_a_quote_opening_a_sentence_after_a_said_sentence_is_that_speakers():
    text = (
        "Mayor Tom Hale said the count was fine.\n\n"
        "Ed Morrow, a spokesman for the county board, said the intruders read data but changed nothing. "
        "\u201cNo record was altered.\u201d\n"
    )
    assert quotes(text)[0]["speaker_officials"] == ["Ed Morrow"]


@pytest.mark.parametrize(
    "text",
    [
        'Outside the hall, a few activists called for a "recount" of every ballot, the mayor said.\n',
        "The checks, which the ministry calls \u201cdigital audits\u201d reviews, began in May.\n",
        'Analysts said the line between "facts" and rumor had blurred.\n',
    ],
)
def test_a_short_label_near_a_speech_verb_is_not_a_quote(text):
    assert quotes(text) == []


def test_a_second_fragment_after_a_few_small_words_keeps_the_speaker():
    text = 'The envoy said Lima "strongly rejects" such "reckless claims."\n'
    assert [q["speaker"] for q in quotes(text)] == ["The envoy", "The envoy"]


def test_a_report_described_as_a_bodys_review_is_that_bodys():
    text = (
        "The Senate Intelligence Committee met on Tuesday.\n\n"
        "The bipartisan report, the latest part of the committee's review, found gaps in 14 states. "
        "\u201cThe states remain exposed,\u201d the report said.\n"
    )
    assert quotes(text)[0]["speaker_agencies"] == ["SSCI"]


def test_a_statement_with_a_modifier_names_its_source():
    text = (
        "In a flash alert to states in May, the FBI warned of probes from two IP addresses. "
        '"Administrators should check their logs," the alert said.\n'
    )
    assert quotes(text)[0]["speaker_agencies"] == ["FBI"]


def test_a_body_named_by_the_rest_of_a_known_name():
    text = (
        "Microsoft said on Friday that foreign groups used AI tools, according to the report by the "
        'company\'s Threat Analysis Center. "AI is used at every stage," the report said.\n'
    )
    assert "Microsoft Threat Analysis Center" in quotes(text)[0]["speaker_agencies"]


def test_she_said_after_an_unnamed_person_introduced_as_speaking():
    text = (
        'Mayor Tom Hale said the count was fine. "We are done," Hale said.\n\n'
        "One poll worker, who asked not to be named, said staff had been threatened.\n\n"
        '"We just want to count," she said.\n'
    )
    result = quotes(text)
    assert result[1]["speaker_officials"] == []
    assert "poll worker" in result[1]["speaker"]


def test_one_of_the_officials_names_nobody():
    text = (
        "Minister Ana Ruiz said on Monday the annexes were secret.\n\n"
        '"There is more in the annexes than you think," one of the officials said.\n'
    )
    assert quotes(text)[0]["speaker_officials"] == []


def test_the_subject_of_told_when_a_later_verb_has_its_own_subject():
    text = (
        "Acme's head of policy, Dora Lind, told lawmakers in May that the company had found only "
        '"minor" activity.\n'
    )
    assert quotes(text)[0]["speaker_officials"] == ["Dora Lind"]


def test_the_lawmakers_are_the_people_a_list_named_together():
    text = (
        "Two members of the state senate, Ruth Vega of Tucson and Omar Pell of Yuma, wrote to the board.\n\n"
        '"We ask only that the law be enforced," the lawmakers wrote.\n'
    )
    assert quotes(text)[0]["speaker_officials"] == ["Ruth Vega", "Omar Pell"]


def test_a_mission_to_the_united_nations_is_named_as_registered():
    text = "Iran's mission to the United Nations said Tehran \u201chas no motive\u201d to interfere.\n"
    assert quotes(text)[0]["speaker_agencies"][0] == "Permanent Mission of Iran to the United Nations"


def test_a_statement_read_out_on_air_is_its_issuers():
    text = (
        "ANCHOR: Tonight the FBI put out a statement, and I want to read part of it. "
        'Quote, "We have seen no change to any vote count." End quote.\n'
    )
    assert quotes(text)[0]["speaker_agencies"] == ["FBI"]


def test_research_published_by_a_body_is_that_bodys_report():
    text = (
        "Hackers targeted both campaigns, according to research published by Google-owned Mandiant.\n\n"
        "\u201cNeither group tried to change a vote,\u201d the report states.\n"
    )
    assert quotes(text)[0]["speaker_agencies"][0] == "Mandiant"
