"""Who speaks when a document, a description or a name in passing stands as the speaker: small invented
texts (statements.extraction.people.SpeakerResolver)."""

from statements.extraction import extract_document
from statements.extraction.documents import parse_date


def quotes(text):
    return extract_document(text, "doc.txt")["quotes"]


def officials(text):
    return {o["name"]: o["titles"] for o in extract_document(text, "doc.txt")["officials"]}


def test_report_is_by_the_body_that_said_it_in_the_report_not_the_one_that_rejected_it():
    text = (
        "Officials warn of foreign meddling before the vote\n\n"
        "Viginum said on Monday it had found a network. “The sites impersonated outlets,” the agency said in"
        " a technical report published on its website.\n\n"
        "The report describes an operation that is “persistent and cheap,” able to replace a site"
        " within hours.\n\n"
        "The Russian embassy in Paris rejected the report. “France is looking for an enemy,” the"
        " embassy wrote.\n"
    )
    report = [q for q in quotes(text) if q["text"].startswith("persistent")][0]
    assert report["speaker_agencies"] == ["Viginum"]
    assert report["speaker"] == "The report (Viginum)"


def test_report_introduced_by_in_a_report_is_by_the_subject_of_the_main_clause():
    text = (
        "Officials warn of foreign meddling before the vote\n\n"
        "In a progress report on its action plan, the European Commission said outlets had pushed"
        " false stories."
        "\n\n“The threat has not gone away,” the report said.\n\n"
        "The campaign group Avaaz said in a separate report that pages had reached millions.\n"
    )
    assert quotes(text)[0]["speaker_agencies"] == ["European Commission"]


def test_document_named_with_its_author_in_its_noun_phrase():
    text = (
        "Officials warn of foreign meddling before the vote\n\n"
        "The Office of the Director of National Intelligence’s election threat update, released on"
        " Feb. 27, is"
        " short. On China, the update is cautious. “We assess that Beijing is unlikely to act,” the update"
        " continues.\n\n"
        "CISA and the Election Assistance Commission on Tuesday released joint guidance for counties. "
        "“Paper backups are a sign of preparation,” the guidance reads.\n"
    )
    update, guidance = quotes(text)
    assert update["speaker_agencies"] == ["ODNI"]
    assert set(guidance["speaker_agencies"]) == {"CISA", "EAC"}


def test_the_police_and_a_group_calling_itself_refer_back_to_the_body_named():
    text = (
        "Officials warn of foreign meddling before the vote\n\n"
        "The Singapore Police Force said investigations were ongoing. “Offenders may be"
        " prosecuted,” the police"
        " said.\n\n"
        "A group calling itself NoName057(16) claimed the attacks. “The show had technical difficulties,” the"
        " group wrote.\n"
    )
    police, group = quotes(text)
    assert police["speaker_agencies"] == ["SPF"]
    assert group["speaker_agencies"] == ["NoName057(16)"]
    assert group["speaker"] == "the group (NoName057(16))"


def test_as_someone_put_it_introduces_their_quote():
    text = (
        "Officials warn of foreign meddling before the vote\n\n"
        "This matters. As FBI Director Karen Vale put it to reporters last week, “We will not wait.”\n\n"
        "As one former CISA official put it to me, “Officials can’t defend against a threat nobody"
        " describes.”\n"
    )
    vale, unnamed = quotes(text)
    assert vale["speaker_officials"] == ["Karen Vale"]
    assert unnamed["speaker_officials"] == []
    assert unnamed["speaker"] == "one former CISA official"


def test_a_portfolio_title_does_not_run_into_the_name_after_it():
    text = (
        "Officials warn of foreign meddling before the vote\n\n"
        "Minister for Digital Development and Information Rachel Okafor said the law was ready.\n\n"
        "Minister in the Presidency Thandi Mokoena said observers were welcome.\n"
    )
    assert officials(text) == {
        "Rachel Okafor": ["Minister for Digital Development and Information"],
        "Thandi Mokoena": ["Minister in the Presidency"],
    }
    bodies = {o["name"]: o["agency"] for o in extract_document(text, "doc.txt")["officials"]}
    assert bodies == {
        "Rachel Okafor": "Ministry of Digital Development and Information",
        "Thandi Mokoena": "The Presidency",
    }


def test_a_researcher_at_a_think_tank_is_an_official_and_one_at_a_university_is_not():
    text = (
        "Officials warn of foreign meddling before the vote\n\n"
        "Felix Brandt, a researcher at the Institute for Strategic Dialogue, told reporters the"
        " network was new."
        "\n\nMarta Ilic, a researcher at Leipzig University, said it was not.\n"
    )
    assert set(officials(text)) == {"Felix Brandt"}


def test_numeric_and_capitalised_dates_are_read_when_unambiguous():
    assert parse_date("02/14/2025") == ("2025-02-14", "day")
    assert parse_date("14/02/2025") == ("2025-02-14", "day")
    assert parse_date("03/06/2024") == (None, None)  # 3 June or March 6: not guessed
    assert parse_date("JULY 18, 2023") == ("2023-07-18", "day")
    assert parse_date("MAYOR SAYS 2023") == (None, None)


def agencies(text):
    return {a["name"]: a["country"] for a in extract_document(text, "doc.txt")["agencies"]}


def test_a_countrys_own_electoral_commission_is_not_the_uk_one_its_name_ends_with():
    text = (
        "Officials warn of foreign meddling before the vote\n\n"
        "Observers from the Zimbabwe Electoral Commission said the count was orderly.\n"
    )
    assert agencies(text) == {"Zimbabwe Electoral Commission": "ZW"}


def test_the_body_a_persons_role_is_at_is_an_agency_even_when_the_table_does_not_know_it():
    text = (
        "Officials warn of foreign meddling before the vote\n\n"
        "Ruxandra Albu, an analyst at Civic Lens Forum, said the platforms were slow.\n\n"
        "A spokesman for Secretary of State Michele Rowan said the office had shut its system.\n"
    )
    found = extract_document(text, "doc.txt")
    assert [a["name"] for a in found["agencies"] if a["name"].startswith("Civic")] == ["Civic Lens Forum"]
    assert not any("Michele" in a["name"] for a in found["agencies"])
    assert {o["name"]: o["agency"] for o in found["officials"]}["Ruxandra Albu"] == "Civic Lens Forum"


def test_an_embassy_in_a_city_that_is_no_metonym_is_named_by_its_host_country():
    text = (
        "Officials warn of foreign meddling before the vote\n\n"
        "The Russian Embassy in Pretoria dismissed the claims as “Western propaganda.”\n"
    )
    assert quotes(text)[0]["speaker_agencies"] == ["Embassy of Russia in South Africa"]


def test_a_statement_is_by_its_signatories_and_a_memo_by_the_body_in_its_noun_phrase():
    text = (
        "Officials warn of foreign meddling before the vote\n\n"
        "The accusation came in a joint statement from the Department of Homeland Security and the Office of"
        " the Director of National Intelligence, signed by Homeland Security Secretary Martin Ash"
        " and Director"
        " of National Intelligence Gerald Pru.\n\n"
        "“The Russian Government ordered the intrusions,” the statement read.\n\n"
        "“The interference is persistent,” reads a Canadian Security Intelligence Service memo"
        " dated Sept. 2021."
        " The Chinese Embassy in Canada said in a statement that the claims were “smearing.”\n\n"
        "The memo says diplomats hoped for “a minority government outcome.”\n"
    )
    joint, _, _, memo = quotes(text)
    assert joint["speaker_officials"] == ["Martin Ash", "Gerald Pru"]
    assert memo["speaker_agencies"] == ["Canadian Security Intelligence Service"]


def test_a_town_named_like_a_country_is_no_mention_of_it():
    town = (
        "Officials warn of foreign meddling before the vote\n\n"
        "A polling site in Turkey, a Panhandle town of about 400 people, got one of the emails. Voters in the"
        " city of Turkey vote at the Turkey Community Center, Turkey Mayor Jo Ellis said.\n"
    )
    assert extract_document(town, "doc.txt")["countries"] == []
    country = town + "\nTurkey, a NATO member, condemned the attacks.\n"
    assert extract_document(country, "doc.txt")["countries"] == ["TR"]


def test_descriptions_prefer_the_body_whose_own_name_has_their_head_word():
    text = (
        "Iran hackers targeted campaign, FBI says\n\n"
        "The FBI said Friday that Iranian hackers had sent stolen material to a campaign.\n\n"
        "In a joint statement with the Office of the Director of National Intelligence and CISA,"
        " the bureau said"
        " the hackers “sent unsolicited emails” to staff. “There is no information that anyone replied,” the"
        " agencies said.\n"
    )
    bureau, agencies_ = quotes(text)
    assert bureau["speaker_agencies"] == ["FBI"]
    assert agencies_["speaker_agencies"] == ["FBI", "ODNI", "CISA"]


def test_a_name_modifying_a_title_is_not_a_second_speaker():
    text = (
        "Iran hackers targeted campaign, FBI says\n\n"
        "Trump campaign spokesman Steven Cheung said it was “further proof” of interference. Rep."
        " Adam Schiff,"
        " D-Calif., the chairman of the House Intelligence Committee, said it was “alarming.”\n"
    )
    cheung, schiff = quotes(text)
    assert cheung["speaker_officials"] == ["Steven Cheung"]
    assert schiff["speaker_agencies"] == ["HPSCI"]


def test_an_acronym_the_text_defines_names_that_body_and_a_name_in_a_description_names_nobody():
    text = (
        "Britain accuses China of cyber campaign against election watchdog\n\n"
        "Paul Chichester, director of operations at the National Cyber Security Centre (NCSC), said in a"
        " statement: “The attacks were a concerted effort.” The NCSC said more would follow.\n\n"
        "“We are acting in concert with our allies,” a senior Biden administration official told reporters.\n"
    )
    found = extract_document(text, "doc.txt")
    assert [a["name"] for a in found["agencies"]] == ["National Cyber Security Centre"]
    chichester, unnamed = found["quotes"]
    assert chichester["speaker_officials"] == ["Paul Chichester"]
    assert unnamed["speaker_officials"] == []
    assert unnamed["speaker"] == "a senior Biden administration official"


def test_a_bare_spokesperson_speaks_for_the_body_that_spoke_just_before():
    text = (
        "Britain accuses China of cyber campaign against election watchdog\n\n"
        "China's embassy in London said the accusations were “completely fabricated.” A spokesperson said"
        " Beijing “firmly opposes” all forms of cyberattacks.\n"
    )
    assert quotes(text)[1]["speaker_agencies"] == ["Embassy of China in the United Kingdom"]


def test_the_house_of_commons_of_a_canadian_story_is_canadas():
    text = (
        "Ottawa weighs foreign interference findings\n\n"
        "OTTAWA — Canada's House of Commons voted Tuesday to hold hearings on interference in Canada's"
        " elections, a day after Canadian officials briefed MPs.\n"
    )
    assert "House of Commons of Canada" in agencies(text)
    assert "UK Parliament" not in agencies(text)


def test_a_senator_of_a_state_and_the_top_republican_on_a_committee():
    text = (
        "Intelligence report says Moscow favored candidate\n\n"
        "Sen. Marco Rubio of Florida, the top Republican on the Intelligence Committee, said the report"
        " showed that “our adversaries see our divisions as an opportunity.”\n"
    )
    found = extract_document(text, "doc.txt")
    assert found["quotes"][0]["speaker_officials"] == ["Marco Rubio"]
    assert found["quotes"][0]["speaker_agencies"] == ["SSCI"]
    assert found["officials"][0]["titles"] == ["Sen.", "top Republican on the Intelligence Committee"]


def test_a_title_acronym_refers_to_its_holder_and_a_commissioner_to_the_commission_named():
    text = (
        "Election commission dismisses claims of EVM tampering\n\n"
        "NEW DELHI: The Election Commission of India on Saturday rejected the allegations.\n\n"
        "Chief Election Commissioner Rajiv Menon told reporters the machines were “safe.” Congress"
        " spokesperson Pawan Khera said the party would go to court.\n\n"
        "Responding to a question, the CEC said the commission had written to the platforms. “We have flagged"
        " 120 accounts,” he said.\n"
    )
    found = extract_document(text, "doc.txt")
    assert found["quotes"][-1]["speaker_officials"] == ["Rajiv Menon"]
    assert found["quotes"][-1]["speaker_agencies"] == ["ECI"]
    assert "United States Congress" not in {a["name"] for a in found["agencies"]}


def test_a_body_whose_name_starts_with_its_organisation_word_and_its_co_founder():
    text = (
        "Russia-linked network targeted UK voters, report finds\n\n"
        "Accounts linked to Russia pushed divisive content, according to research by the Centre for"
        " Information Resilience (CIR).\n\n"
        "“This is a classic playbook,” said Ross Burley, the co-founder of CIR.\n"
    )
    found = extract_document(text, "doc.txt")
    assert [a["name"] for a in found["agencies"]] == ["Centre for Information Resilience"]
    assert found["quotes"][0]["speaker_officials"] == ["Ross Burley"]
    assert found["quotes"][0]["speaker_agencies"] == ["CIR"]


def test_the_department_of_state_in_a_pennsylvania_story_is_the_states():
    text = (
        "State officials spar over voting machine security\n\n"
        "HARRISBURG, Pa. — Pennsylvania counties finished their audits on Tuesday, and Pennsylvania officials"
        " said the results matched.\n\n"
        "The Department of State said in a statement that it had trained 9,000 poll workers.\n"
    )
    assert "U.S. Department of State" not in agencies(text)


def test_kremlin_spokesman_ambassador_and_a_noun_that_looks_like_a_verb():
    text = (
        "Kremlin slams US claims of election meddling\n\n"
        "MOSCOW, October 18 (Sputnik) - Kremlin spokesman Dmitry Peskov on Friday dismissed as “groundless”"
        " the US intelligence community's latest claims that Russia is interfering.\n\n"
        "According to the spokesman, such statements “have become a ritual” before every vote.\n\n"
        "Russian Ambassador to the United States Anatoly Antonov said the accusations were “absurd.”\n"
    )
    groundless, ritual, absurd = quotes(text)
    assert groundless["speaker_officials"] == ["Dmitry Peskov"]
    assert ritual["speaker_officials"] == ["Dmitry Peskov"]
    assert absurd["speaker_agencies"] == ["Embassy of Russia in the United States"]


def test_a_campaign_named_after_a_person_speaks_for_itself():
    text = (
        "Justice Department charges Iranians in hack of campaign\n\n"
        "The indictment names three men who hacked the campaign of Donald Trump.\n\n"
        "The Trump campaign said in a statement that the indictment was “further proof” of interference."
        " “They know what is coming,” campaign spokesman Steven Cheung said.\n"
    )
    proof, _ = quotes(text)
    assert proof["speaker_officials"] == []
    assert proof["speaker"] == "The Trump campaign"
