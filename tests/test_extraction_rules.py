"""Attribution, official and agency rules on small invented texts (statements.extraction)."""

import re

import pytest

from statements.extraction import extract_document
from statements.extraction._regex import alternation


def run(text):
    return extract_document(text, "doc.txt")


def speakers(text):
    return [(q["speaker_officials"], q["speaker_agencies"]) for q in run(text)["quotes"]]


def agency_keys(text):
    return {a["acronym"] or a["name"] for a in run(text)["agencies"]}


def test_alternation_prefers_the_longest_word_like_a_sorted_join():
    words = ["Department", "Department of State", "Dept", "State", "State Department", "Stat"]
    joined = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")")
    trie = re.compile(alternation(words))
    guarded = re.compile(alternation(words, not_after=r"\w"))
    text = "the Department of State, the State Department, Dept. State; xState Statx"
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in joined.finditer(text)]
    assert [m.group() for m in guarded.finditer(text)] == [
        "Department of State",
        "State Department",
        "Dept",
        "State",
        "Stat",
    ]


def test_said_name_the_title_of_a_body():
    text = "“Our count was clean,” said Ilse Marrow, the director of the Elections Bureau.\n"
    assert speakers(text) == [(["Ilse Marrow"], ["Elections Bureau"])]


def test_spokesperson_for_a_company_said_in_an_email():
    text = "“We removed the network,” Dana Whitlow, a spokesperson for Meta, said in an email.\n"
    assert speakers(text) == [(["Dana Whitlow"], ["Meta"])]


def test_according_to_a_statement_from_a_foreign_ministry():
    text = "“The claims are absurd,” according to a statement from the Chinese Foreign Ministry.\n"
    assert speakers(text) == [([], ["Ministry of Foreign Affairs of China"])]


def test_pronoun_falls_back_to_a_named_person_without_a_known_title():
    text = (
        "Maren Toft, the Lakeside County recorder, met reporters on Wednesday.\n\n"
        "“We found nothing unusual,” she told The Associated Press.\n"
    )
    result = run(text)
    assert result["quotes"][0]["speaker_officials"] == ["Maren Toft"]
    assert [o["name"] for o in result["officials"]] == ["Maren Toft"]


def test_pronoun_after_two_people_takes_the_one_named_last():
    text = (
        "Gwen Abbot, the county clerk, and her deputy, Lars Hetland, spoke to voters.\n\n"
        "Hetland described the delays. “We were short of staff,” he said.\n"
    )
    assert speakers(text)[0][0] == ["Lars Hetland"]


def test_they_after_a_named_research_group():
    text = (
        "Researchers at Graphika followed the network for months.\n\n"
        "“The accounts posed as voters in swing states,” they wrote.\n"
    )
    assert speakers(text) == [([], ["Graphika"])]


def test_definite_description_takes_the_last_body_named():
    text = (
        "The Russian Foreign Ministry rejected the accusation on Friday.\n\n"
        "“These are fabrications,” the ministry said.\n"
    )
    assert speakers(text) == [([], ["Ministry of Foreign Affairs of Russia"])]


def test_colon_after_a_clause_without_a_speech_verb():
    text = "Secretary of State Odile Brandt was blunt: “The machines were never online.”\n"
    assert speakers(text)[0][0] == ["Odile Brandt"]


def test_quote_alone_after_a_paragraph_about_one_official():
    text = "Election director Paulina Grieve was confident.\n\n“Everything checked out.”\n"
    assert speakers(text)[0][0] == ["Paulina Grieve"]


def test_dash_attribution_after_a_quote():
    text = "The county posted a reminder.\n\n“Democracy depends on trust.” — County clerk Rosa Halvorsen\n"
    assert speakers(text)[0][0] == ["Rosa Halvorsen"]


def test_transcript_turn_in_capitals_names_the_speaker():
    text = (
        "Former CISA director Chris Krebs appeared on the program.\n\n"
        "HOST: Were the results accurate?\n\n"
        "KREBS: “It was the most secure election in our history.” I stand by that.\n"
    )
    assert speakers(text) == [(["Chris Krebs"], ["CISA"])]


def test_interview_answer_belongs_to_the_interviewee():
    text = (
        "Election chief Ana Sorvino spoke with the Ledger about the threats.\n\n"
        "Q: Did foreign actors try to get in?\n\n"
        "A: I would say “they tried, and we stopped them.”\n"
    )
    assert speakers(text)[0][0] == ["Ana Sorvino"]


@pytest.mark.parametrize(
    "text",
    [
        "“We were not ready for the calls,” one election worker said.\n",
        "“It is a serious concern,” a senior official said, speaking on condition of anonymity.\n",
    ],
)
def test_unnamed_speakers_stay_unnamed(text):
    quote = run(text)["quotes"][0]
    assert quote["speaker_officials"] == []
    assert quote["speaker"]


def test_inverted_verb_and_split_quote():
    text = "“The threat has evolved,” noted Chris Krebs, the former CISA director. “It is domestic now.”\n"
    assert speakers(text) == [(["Chris Krebs"], ["CISA"]), (["Chris Krebs"], ["CISA"])]


def test_foreign_official_with_a_possessive_agency():
    text = "“Russia is testing us too,” said Oleh Marchuk, a spokesman for Ukraine's SBU.\n"
    result = run(text)
    assert result["quotes"][0]["speaker_officials"] == ["Oleh Marchuk"]
    assert result["officials"][0]["agency"] == "SBU"
    assert result["countries"] == ["RU", "UA"]


def test_photo_credit_and_byline_are_not_officials():
    text = (
        "By Jane Tarrow\n\nWASHINGTON (AP) — Officials counted ballots. (AP Photo/Sam Oduya)\n\n"
        "“It went smoothly,” said Ohio Secretary of State Frank LaRose.\n"
    )
    result = run(text)
    assert [o["name"] for o in result["officials"]] == ["Frank LaRose"]


def test_electoral_commissions_of_other_countries_are_told_apart():
    assert "AEC" in agency_keys("The Australian Electoral Commission said the count was sound.\n")
    assert "UK Electoral Commission" not in agency_keys(
        "The Australian Electoral Commission said the count was sound.\n"
    )
    assert "UK Electoral Commission" in agency_keys("Britain's Electoral Commission issued guidance.\n")


def test_x_the_platform_is_a_company_but_other_xs_are_not():
    result = run("X, formerly Twitter, and TikTok said they had removed the video.\n")
    found = {a["name"]: a for a in result["agencies"]}
    assert "X" in found["Twitter"]["surface"]
    assert "TikTok" in found
    assert agency_keys("Voters of Generation X and fans of Malcolm X met.\n") == set()


def test_country_traps():
    text = (
        "Georgia Secretary of State Brad Raffensperger said Georgia's count was accurate. Jordan Fuller, a "
        "voter in Atlanta, agreed over turkey. Officials in Brussels and New Mexico weighed in.\n"
    )
    assert run(text)["countries"] == []


def test_description_refers_back_past_bodies_named_inside_quotes():
    text = (
        "Moldova's Foreign Ministry condemned the vote on Monday.\n\n"
        "“It breaks the Charter of the United Nations,” the ministry said.\n"
    )
    assert speakers(text) == [([], ["Ministry of Foreign Affairs of Moldova"])]


def test_description_is_not_a_body_of_another_kind_by_kind_alone():
    text = (
        "The Ohio Elections Commission approved the training in May.\n\n"
        "Lake County Clerk Ana Ruiz said she welcomed it.\n\n"
        "The commission said the program “keeps clerks safe.”\n"
    )
    result = run(text)
    assert result["quotes"][0]["speaker_agencies"] == ["Ohio Elections Commission"]
    assert "Lake County Clerk's Office" in agency_keys(text)
    assert [o["name"] for o in result["officials"]] == ["Ana Ruiz"]


def test_county_officer_without_the_county_name_is_the_one_county_named():
    text = (
        "Voters in Pima County waited for hours on Tuesday.\n\n"
        "County Recorder Lena Ortiz said early ballots were not affected.\n"
    )
    assert "Pima County Recorder's Office" in agency_keys(text)


def test_dotted_acronyms_and_committees_of_a_chamber():
    text = "The F.B.I. briefed the House Appropriations Committee on Tuesday.\n"
    keys = agency_keys(text)
    assert "FBI" in keys
    assert "House Appropriations Committee" in keys
    assert "United States House of Representatives" not in keys


def test_bare_election_commission_is_the_national_one_of_the_story():
    text = "NEW DELHI: The Election Commission on Monday rejected claims about voting machines in India.\n"
    assert agency_keys(text) == {"ECI"}


def test_company_named_in_apposition_and_by_its_short_name():
    text = (
        "The calls were traced to a Texas-based carrier, Harbor Point Communications.\n\n"
        "Harbor Point said in a statement that it “acted only as a carrier.”\n\n"
        "A spokesman for the company, John Miller, declined to comment.\n"
    )
    result = run(text)
    assert "Harbor Point Communications" in agency_keys(text)
    assert "John Miller" not in agency_keys(text)
    assert result["quotes"][0]["speaker_agencies"] == ["Harbor Point Communications"]


def test_the_two_lawmakers_are_the_officials_named_together_before():
    text = (
        "Rep. Ann Ortiz (D-N.Y.) and Rep. Carl Brandt (R-Fla.) introduced a bill on Tuesday.\n"
        "“States deserve to know,” the two lawmakers said in a joint statement.\n"
    )
    assert speakers(text) == [(["Ann Ortiz", "Carl Brandt"], [])]


def test_adding_colon_goes_on_with_the_quote_before():
    text = (
        "A spokesperson for the Chinese embassy in Ottawa called the claims “malicious slander”, adding: "
        "“China never interferes in other countries’ internal affairs.”\n"
    )
    s = speakers(text)
    assert len(s) == 2
    assert s[0] == s[1]
    assert s[0][1]


def test_participle_clause_is_not_the_subject():
    text = "A CISA official, speaking on background, said the agency had “no information” of an attack.\n"
    assert speakers(text) == [([], ["CISA"])]


def test_appositive_role_with_a_body_named_with_to():
    text = (
        "Reza Karimi, the spokesman for Iran's mission to the United Nations, said in a statement that "
        "“Iran has no interest in the election.”\n"
    )
    result = run(text)
    assert [o["name"] for o in result["officials"]] == ["Reza Karimi"]
    assert result["quotes"][0]["speaker_officials"] == ["Reza Karimi"]


def test_byline_with_an_american_numeric_date():
    text = (
        "Senators press DHS on election security clearances\n"
        "BY ROBERT KAHANE - 06/20/18 04:12 PM EDT\n"
        "Senators on Wednesday pressed a top Department of Homeland Security official.\n"
    )
    result = run(text)
    assert result["published"] == "2018-06-20"
    assert result["officials"] == []


def test_place_named_after_a_country_is_not_the_country():
    text = "The clerk in the town of Turkey Creek, near Peru Township, said nothing changed in Turkey.\n"
    assert run(text)["countries"] == ["TR"]
    assert run("The clerk in the town of Turkey Creek said nothing changed.\n")["countries"] == []


def test_quoted_names_and_labels_are_not_quotes():
    text = (
        "Lonnie Vasquez, 67, said he put his ballot into a secure drop box known as “door 3.”\n\n"
        'The agency said the videos bore the hallmarks of "Storm-1516", an operation tied to Moscow.\n\n'
        "In a confidential “flash” alert sent to states, the FBI warned of intrusions.\n\n"
        'The reports described an "aggressive" online campaign, officials said.\n'
    )
    assert [q["text"] for q in run(text)["quotes"]] == ["aggressive"]


# ------------------------------------------------------- rules that generalise (the extraction_fresh round)
H = "Officials warn of new election threats before the vote\n\n"


@pytest.mark.parametrize(
    ("body", "phrase", "agency"),
    [
        # reported speech: the subject of the speech verb that introduced "that"
        (
            "The Georgia Bureau of Investigation said in a letter to the board in June that an inquiry into "
            'alleged irregularities had found "no evidence of criminal activity."',
            "The Georgia Bureau of Investigation",
            "GBI",
        ),
        # "what it called": the subject of the sentence
        (
            'The Quai d\'Orsay condemned what it called "a new attempt by Russia to interfere."',
            "The Quai",
            None,
        ),
        # a coordinated verb shares its subject
        (
            "the emails claimed to come from a far-right group and told voters to "
            '"vote for the right candidate."',
            "the emails",
            None,
        ),
        # an object relative clause gives its subject
        (
            'The board voted 3-2 on Tuesday to adopt the rule, which critics called "dangerous and rushed."',
            "critics",
            None,
        ),
    ],
)
def test_speaker_phrase_is_the_noun_phrase_of_the_clause(body, phrase, agency):
    q = run(H + body + "\n")["quotes"][0]
    assert q["speaker"].startswith(phrase)
    if agency:
        assert agency in q["speaker_agencies"]


def test_garbage_subjects_are_cut_at_auxiliaries_and_function_words():
    q = run(
        H
        + "Moscow denied it, and Russian officials have in the past described the findings as "
        + '"Russophobic."\n'
    )
    assert q["quotes"][0]["speaker"] == "Russian officials"
    assert q["quotes"][0]["speaker_officials"] == []
    text = H + (
        'Observers said the vote had been "marred by inequalities, pressure and tension," including '
        "widespread reports of intimidation.\n"
    )
    assert run(text)["quotes"][0]["speaker"] == "Observers"


def test_pronoun_opening_a_paragraph_continues_the_previous_paragraphs_speaking_subject():
    text = H + (
        '"Paper is the backstop," said Daniel Ostrowski, an election official.\n\n'
        "Not everyone is persuaded. Dale Mercer, a retiree in Lebanon County, said he plans to vote in "
        "person.\n\n"
        '"I just want to see it go in the machine," he said.\n'
    )
    d = run(text)
    assert d["quotes"][-1]["speaker_officials"] == ["Dale Mercer"]
    assert "LB" not in d["countries"]


def test_descriptions_resolve_to_what_the_text_introduced():
    text = H + (
        "The ACLU of Georgia said in a statement that the rules could delay certification.\n\n"
        '"County boards have a mandatory duty to certify," the group wrote.\n\n'
        "The machine was made by BallotLine Systems. BallotLine, in a statement, said the exercise "
        '"does not reflect real-world conditions."\n\n'
        '"Election officials use layered controls," the company said.\n'
    )
    sp = [q["speaker_agencies"] for q in run(text)["quotes"]]
    assert sp == [["ACLU of Georgia"], ["BallotLine Systems"], ["BallotLine Systems"]]


def test_plural_description_is_the_bodies_named_together_before():
    text = H + (
        "The FBI, the Office of the Director of National Intelligence and CISA said on Monday that Iran "
        'was behind the hack.\n\n"We have observed increasingly aggressive Iranian activity," the agencies '
        "said.\n"
    )
    assert set(speakers(text)[0][1]) == {"FBI", "ODNI", "CISA"}


def test_unprefixed_secretary_of_state_in_a_state_story_is_the_state_office():
    text = H + (
        "OLYMPIA — Secretary of State Joanna Hollister announced a partnership with Washington's county "
        "auditors and the Washington National Guard.\n\n"
        '"Our counties are on the front line," Hollister said.\n'
    )
    d = run(text)
    assert "U.S. Department of State" not in {a["name"] for a in d["agencies"]}
    assert d["officials"][0]["agency"] == "Washington Secretary of State's Office"
    assert "Washington National Guard" in {a["name"] for a in d["agencies"]}


def test_bare_foreign_ministry_and_parliament_take_their_sentences_country():
    text = H + (
        "Home Office security minister Chad Porter told parliament the attackers had copied the register.\n\n"
        "Asked about the report at a regular briefing in Beijing, foreign ministry spokesperson Guo Lirong "
        'said it was "full of ideological bias."\n'
    )
    countries = {a["country"] for a in run(text)["agencies"]}
    assert {"GB", "CN"} <= countries


def test_press_release_label_is_not_the_headline_and_fused_dates_parse():
    text = (
        "FOR IMMEDIATE RELEASE\nMarch 9, 2021\n\nMedia Contact:\nEvan Whitaker, Communications Director\n\n"
        "Secretary Hollister announces statewide election security partnership\n\nOLYMPIA — Text.\n"
    )
    assert run(text)["title"] == "Secretary Hollister announces statewide election security partnership"
    text = (
        "Election Officials Are Fighting A Flood Of Rumors\n\nOctober 8, 20205:00 AM ET\n\nBody text here.\n"
    )
    assert run(text)["published"] == "2020-10-08"


def test_what_a_body_is_part_of_is_not_its_speaker():
    text = (
        'Trade papers leaked\n\nThe National Cyber Security Centre, part of GCHQ, said it was "aware of the '
        'reports" and was helping.\n'
    )
    assert speakers(text) == [([], ["NCSC"])]


def test_it_is_the_body_its_sentence_or_the_one_before_opens_with():
    text = (
        'Trade papers leaked\n\nThe NCSC said it was "aware of the reports" and was helping.\n\n'
        "The Russian embassy in London rejected the claims. In a post on Twitter, it described the "
        'allegations as "baseless speculation" and said there was "no evidence whatsoever".\n'
    )
    found = speakers(text)
    assert found[0] == ([], ["NCSC"])
    assert found[1] == found[2] == ([], ["Embassy of Russia in the United Kingdom"])


def test_a_bare_spokesperson_speaks_for_the_body_its_sentence_opens_with():
    text = (
        "Candidates targeted\n\nThe Chinese embassy in Canberra did not respond directly to the speech, "
        "but a spokesperson said in a statement that China “never interferes in the internal affairs of "
        "other countries”.\n"
    )
    assert speakers(text) == [([], ["Embassy of China in Australia"])]


def test_a_bulleted_attribution_and_a_unit_named_by_its_owners_possessive():
    text = (
        "Deepfakes hit governor races\n\n- Google's Threat Intelligence Group said the network "
        '"showed clear hallmarks" of Russian activity.\n\nMicrosoft Corp.’s Threat Analysis Center had '
        "flagged the activity earlier. In an August report, it said Iranian groups had “laid the groundwork "
        "for influence campaigns” this year.\n"
    )
    result = run(text)["quotes"]
    assert result[0]["speaker"] == "Google's Threat Intelligence Group"
    assert result[1]["speaker_agencies"] == ["Microsoft Threat Analysis Center"]


def test_a_count_of_states_is_no_speech_verb_and_a_release_indictment_is_its_issuers():
    text = (
        "Department of Justice\nOffice of Public Affairs\n\nFOR IMMEDIATE RELEASE\nMonday, May 4, 2020\n\n"
        "Three Officers Charged\n\nA grand jury returned an indictment charging three officers of the GRU. "
        "The indictment alleges that between March and August, the defendants scanned the websites of "
        'election offices in at least six states, and that they "gained unauthorized access to a voter '
        'registration database."\n'
    )
    assert speakers(text) == [([], ["DOJ"])]


def test_a_second_predicate_after_and_keeps_the_sentences_speaker():
    text = (
        "Pages removed\n\nA spokesperson for Pakistan’s Foreign Office told reporters in Islamabad that the "
        "country had “nothing to do with” the pages and accused India of running “a propaganda campaign of "
        "its own.”\n"
    )
    found = speakers(text)
    assert len(found) == 2
    assert found[0] == found[1] == ([], ["Ministry of Foreign Affairs of Pakistan"])


def test_a_body_described_in_apposition_speaks_not_the_description():
    from statements.extraction import extract_document

    text = (
        "Think tank traces fake result sheets\n\n"
        "ABUJA: The Centre for Democracy and Development (CDD), an Abuja-based think tank, said in a report "
        "that the campaign was “coordinated and well-funded.”\n"
    )
    quote = extract_document(text, "doc.txt")["quotes"][0]
    assert quote["speaker_agencies"] == ["CDD"]


def test_a_pronoun_with_a_first_predicate_before_but_said_is_the_pronoun():
    from statements.extraction import extract_document

    text = (
        "Spy chief warns of shadow campaigns\n\n"
        "CANBERRA: Agency chief Rowan Teasdale spoke on Monday. “It is serious,” Mr Teasdale said.\n\n"
        "He declined to name the countries involved but said the activity was “consistent with what we "
        "have seen before.”\n"
    )
    quotes = extract_document(text, "doc.txt")["quotes"]
    assert [q["speaker_officials"] for q in quotes] == [["Rowan Teasdale"], ["Rowan Teasdale"]]


def test_it_after_a_sentence_opened_by_a_report_is_the_reports_author():
    text = (
        "Agency maps fake news sites\n\n"
        "The Electoral Integrity Office of Ruritania on Monday published a report on a network of cloned "
        "sites.\n\n"
        "The report said the sites had posted 900 articles. It described the network as “persistent and "
        "well funded.”\n"
    )
    found = extract_document(text, "doc.txt")
    office = next(a for a in found["agencies"] if a["name"].startswith("Electoral Integrity Office"))
    assert found["quotes"][0]["speaker_agencies"] == [office["acronym"] or office["name"]]


def test_a_companys_name_starting_its_news_outlets_name_is_the_outlet():
    text = (
        "Hackers use chatbots\n\n"
        "A Google analyst told Halvard Analytics News that the group had been active since May. "
        "Halvard Analytics said separately that it tracked the same group.\n"
        "An OpenAI investigator told Recorded Future News the tool mainly saved the hackers time.\n"
    )
    names = {a["name"] for a in run(text)["agencies"]}
    assert "Recorded Future" not in names
    assert "Google" in names


def test_a_verb_before_the_is_no_part_of_a_bodys_name():
    text = (
        "Release\n\n"
        "The Ohio Secretary of State's office said the count was complete.\n"
        "Follow the Department on social media for updates.\n"
    )
    names = {a["name"] for a in run(text)["agencies"]}
    assert not any(n.startswith("Follow") for n in names)


def test_a_units_number_is_part_of_its_name_but_a_year_is_not():
    text = (
        "Domains seized\n\n"
        "Prosecutors said the sites were run by the ministry's 417 Special Project Working Group.\n"
        "The 2024 Election Integrity Task Force met on Monday.\n"
    )
    names = {a["name"] for a in run(text)["agencies"]}
    assert "417 Special Project Working Group" in names
    assert "Election Integrity Task Force" in names
    assert "2024 Election Integrity Task Force" not in names


def test_a_states_body_whose_name_holds_a_federal_bodys_name_is_the_states():
    text = (
        "Fake video\n\n"
        "The Georgia Emergency Management and Homeland Security Agency said its analysts had shared details. "
        "The Ohio Department of Homeland Security agreed.\n"
    )
    names = {a["name"] for a in run(text)["agencies"]}
    assert {
        "Georgia Emergency Management and Homeland Security Agency",
        "Ohio Department of Homeland Security",
    } <= names
    assert "Department of Homeland Security" not in names


def test_the_general_assembly_in_a_story_about_one_state_is_its_legislature():
    text = (
        "Ransomware\n\n"
        "The Pennsylvania Department of State said Pennsylvania counties were safe. The county association "
        "urged the General Assembly to fund more staff.\n"
    )
    un = (
        "Vote\n\n"
        "The Pennsylvania Department of State said Pennsylvania was safe. The United Nations said the "
        "General Assembly would meet.\n"
    )
    assert "Pennsylvania General Assembly" in {a["name"] for a in run(text)["agencies"]}
    assert "Pennsylvania General Assembly" not in {a["name"] for a in run(un)["agencies"]}


def test_a_contact_lines_title_is_of_the_body_the_next_line_names():
    text = (
        "Release\n\n"
        "Media contact:\n"
        "Jane Holm, Press Secretary\n"
        "Ohio Department of Public Safety\n"
        "(614) 555-0100\n\n"
        "The Ohio Department of Public Safety said the count was fine.\n"
    )
    result = run(text)
    official = next(o for o in result["officials"] if o["name"] == "Jane Holm")
    assert official["agency"] == "Ohio Department of Public Safety"
    assert "White House" not in {a["name"] for a in result["agencies"]}


def test_a_possessive_ends_a_name_that_starts_with_its_organisation_word():
    text = (
        "Study\n\n"
        "Researchers at the University of Washington's Center for an Informed Public presented a study.\n"
    )
    names = {a["name"] for a in run(text)["agencies"]}
    assert {"University of Washington", "Center for an Informed Public"} <= names


def test_a_short_name_after_another_countrys_body_ending_in_it_is_that_body():
    text = (
        "Berlin summons diplomat\n\n"
        "The Federal Foreign Office summoned a senior Russian diplomat on Tuesday. A Foreign Office "
        'spokesperson said Berlin had made clear that interference "will not go unanswered."\n'
    )
    result = run(text)
    assert "UK Foreign Office" not in {a["name"] for a in result["agencies"]}
    assert result["quotes"][0]["speaker_agencies"] == ["Federal Foreign Office"]


def test_the_directorate_refers_back_to_the_directorate_named_before():
    text = (
        "Bot network\n\n"
        "The Directorate of Criminal Investigations (DCI) opened an inquiry on Monday. The directorate "
        'warned that posting "false election material" could attract a fine.\n'
    )
    assert speakers(text) == [([], ["DCI"])]


def test_a_colon_ending_the_paragraph_before_a_quote_names_its_speaker():
    text = (
        "Attacks\n\n"
        "Moldova's Intelligence and Security Service (SIS) said the attacks were part of a broader campaign. "
        "In a statement, the service said:\n"
        '"The attacks on electoral infrastructure were accompanied by the mass distribution of false '
        'messages about polling stations abroad."\n'
    )
    assert speakers(text) == [([], ["SIS"])]


def test_an_acronym_and_another_body_are_two_names_not_one():
    text = (
        "Internet voting withstood attacks, RIA and State Electoral Office say\n\n"
        "The Information System Authority (RIA) said the service had run without interruption.\n"
    )
    names = {a["name"] for a in run(text)["agencies"]}
    assert "State Electoral Office" in names
    assert not any(n.startswith("RIA and") for n in names)


def test_x_set_against_other_platforms_of_its_sentence_is_the_platform():
    text = (
        "Posts removed\n\n"
        "He said TikTok and Meta had taken down most of the material within hours, but that X had been "
        "slower. Generation X voters were mentioned, and the factor X had been key.\n"
    )
    surfaces = [s for a in run(text)["agencies"] for s in a["surface"]]
    assert surfaces.count("X") == 1


def test_a_plural_noun_like_claims_before_were_is_no_speech_verb():
    text = (
        "Sanctions\n\n"
        "Lithuanian MEP Jonas Vaitkus, who chairs the delegation, said the SSG claims were "
        '"copied from the Russian playbook."\n'
    )
    assert speakers(text)[0][0] == ["Jonas Vaitkus"]


def test_a_capitalised_name_ending_in_unit_is_a_body():
    text = (
        "Referrals\n\n"
        "The Ohio Election Integrity Unit had referred 10 cases to prosecutors, the Ohio Secretary of State "
        "said.\n"
    )
    assert "Ohio Election Integrity Unit" in {a["name"] for a in run(text)["agencies"]}


def test_a_county_elections_title_names_no_office_but_the_offices_own_name_does():
    text = (
        "Fake video\n\n"
        "Cobb County Elections Director Chad Pruitt said the video was fake. King County Elections said "
        "ballots were safe.\n"
    )
    names = {a["name"] for a in run(text)["agencies"]}
    assert "King County Elections" in names
    assert "Cobb County Elections" not in names


def test_the_ministry_refers_back_to_no_body_of_all_nations():
    text = (
        "Denials\n\n"
        "The United Nations urged calm on Monday.\n\n"
        'The ministry said in a statement: "These allegations are fabricated."\n'
    )
    assert speakers(text) == [([], [])]


def test_a_known_bodys_possessive_before_a_body_of_its_own_name():
    text = (
        "Units\n\n"
        "The Pentagon's Defense Information Systems Agency declined to comment. The FBI's Washington Field "
        "Office is investigating.\n"
    )
    names = {a["name"] for a in run(text)["agencies"]}
    assert "Defense Information Systems Agency" in names
    assert not any("Field Office" in n for n in names)


def test_intel_before_report_or_chiefs_is_intelligence_not_the_chipmaker():
    quiet = "Intel Report Says Russia Meddled\n\nIntel chiefs said so on Monday.\n"
    named = "Chips\n\nIntel said its chips were safe.\n"
    assert "Intel" not in agency_keys(quiet)
    assert "Intel" in agency_keys(named)
