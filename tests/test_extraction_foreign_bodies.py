"""Foreign election, intelligence and cyber bodies and foreign titles from the data tables, on small
invented texts (statements.extraction)."""

from statements.extraction import extract_document


def run(text):
    return extract_document(text, "doc.txt")


def agency_keys(text):
    return {a["acronym"] or a["name"] for a in run(text)["agencies"]}


def official_names(text):
    return {o["name"] for o in run(text)["officials"]}


def test_foreign_intelligence_services_by_acronym_and_name():
    text = (
        "The Dutch AIVD and the MIVD said the network was run from abroad. France's DGSI agreed, and "
        "Säpo, the Swedish Security Service, said it had seen the same accounts. Israel's Shin Bet "
        "declined to comment.\n"
    )
    keys = agency_keys(text)
    assert {"AIVD", "MIVD", "DGSI", "Säpo", "Shin Bet"} <= keys


def test_national_election_bodies_of_several_countries():
    text = (
        "Mexico's National Electoral Institute (INE) certified the count. In Manila, the Commission on "
        "Elections said turnout was high, and Indonesia's KPU published its tally. The Electoral "
        "Commission of Ghana said the same.\n"
    )
    keys = agency_keys(text)
    assert {"INE", "Comelec", "KPU", "Electoral Commission of Ghana"} <= keys
    # the Ghanaian commission is not the UK's Electoral Commission
    assert "UK Electoral Commission" not in keys


def test_country_qualified_commission_is_not_the_uk_one():
    keys = agency_keys("New Zealand's Electoral Commission said the rolls were accurate.\n")
    assert keys == {"New Zealand Electoral Commission"}


def test_international_observers_and_eu_bodies():
    text = (
        "The EU Election Observation Mission and the Commonwealth Observer Group both said the vote was "
        "orderly, while Nato and the Parliamentary Assembly of the Council of Europe raised concerns.\n"
    )
    keys = agency_keys(text)
    assert {"EU EOM", "Commonwealth Observer Group", "NATO", "PACE"} <= keys


def test_foreign_titles_name_officials():
    text = (
        "“The count was transparent,” Chief Observer Ansa Veldt said on Tuesday.\n\n"
        "“We saw no fraud,” Special Rapporteur Irene Kahnberg told reporters.\n\n"
        "Attorney-General Mark Dreyfell said the law was clear, and First Minister Jon Swinley agreed.\n"
    )
    names = official_names(text)
    assert {"Ansa Veldt", "Irene Kahnberg", "Mark Dreyfell", "Jon Swinley"} <= names


def test_common_words_alone_are_not_bodies():
    text = (
        "The commission met on Monday. Parliament was in recess and the council said the security "
        "service had nothing to add; the state council of the club voted. Pet owners queued at 8 p.m.\n"
    )
    assert agency_keys(text) == set()


def test_civic_groups_response_teams_and_foreign_ministries_from_the_table():
    text = (
        "CERT Polska and CERT-EE shared indicators. Yiaga Africa and Chequeado, two civic groups, said "
        "the clips were fake, and the Indonesian Anti-Slander Society (Mafindo) agreed. The "
        "International Society for Fair Elections and Democracy (ISFED) and the Zambia Information and "
        "Communications Technology Authority (ZICTA) asked platforms to act. Germany's Federal Foreign "
        "Office and the Swedish Ministry for Foreign Affairs summoned the ambassadors, and the "
        "Secretariat of State Intelligence (SIDE) was asked to assess the accounts.\n"
    )
    keys = agency_keys(text)
    assert {
        "CERT Polska",
        "CERT-EE",
        "Yiaga Africa",
        "Chequeado",
        "Mafindo",
        "ISFED",
        "ZICTA",
        "Federal Foreign Office",
        "Ministry for Foreign Affairs of Sweden",
        "SIDE",
    } <= keys


def test_georgian_central_election_commission_by_possessive():
    text = "Georgia's Central Election Commission (CEC) said the count was complete, the CEC said.\n"
    names = {a["name"] for a in run(text)["agencies"]}
    assert "Central Election Commission of Georgia" in names


def test_a_bare_national_body_is_the_one_of_the_story_country():
    text = (
        "Armenia says attack on results site came from abroad\n\n"
        "YEREVAN: Armenia counted its votes on Sunday. The Central Electoral Commission (CEC) said the "
        "count was on time, and the National Security Service said the attack came from abroad.\n"
    )
    names = {a["name"] for a in run(text)["agencies"]}
    assert {"Central Electoral Commission of Armenia", "National Security Service of Armenia"} <= names
    # not the UK's Electoral Commission or Security Service, whose names they contain
    assert not names & {"UK Electoral Commission", "Security Service"}


def test_a_bare_national_police_not_followed_by_more_of_a_name():
    text = (
        "Brazil police open inquiry\n\nBRASILIA: Brazil's court ordered the videos removed. According to the "
        "Federal Police, the servers were rented abroad. In Japan, the National Police Agency said nothing.\n"
    )
    names = {a["name"] for a in run(text)["agencies"]}
    assert "Federal Police of Brazil" in names
    assert "National Police of Brazil" not in names


def test_nigerian_security_service_by_its_acronym():
    text = "The Department of State Services (DSS) said it had invited three suspects. The DSS said more.\n"
    assert "DSS" in agency_keys(text)


def test_another_countrys_name_before_a_table_body_names_that_countrys_body():
    text = (
        "Georgia's Security Service alleges plot\n\n"
        "Tbilisi: Georgia's State Security Service (SSG) said it had found a plan. Switzerland's Federal "
        "Intelligence Service said it had seen the same accounts.\n"
    )
    found = extract_document(text, "doc.txt")
    names = {a["name"] for a in found["agencies"]}
    assert "Security Service" not in names  # the UK's MI5
    assert "Federal Intelligence Service" not in names  # Germany's BND
    assert {"State Security Service of Georgia", "Federal Intelligence Service of Switzerland"} <= names


def test_security_and_election_bodies_of_many_countries_are_in_the_table():
    text = (
        "Officials across the region on alert\n\n"
        "The Philippine National Police and the Kenya Defence Forces were briefed, as were Moldova's "
        "Information and Security Service, Italy's Internal Information and Security Agency (AISI) and the "
        "Czech Interior Ministry. Mexico's Secretariat of Security and Citizen Protection said nothing.\n"
    )
    names = {a["name"] for a in extract_document(text, "doc.txt")["agencies"]}
    assert {
        "Philippine National Police",
        "Kenya Defence Forces",
        "Information and Security Service of Moldova",
        "Internal Information and Security Agency",
        "Ministry of the Interior of the Czech Republic",
        "Secretariat of Security and Citizen Protection",
    } <= names


def test_a_nationality_before_a_body_the_text_gives_an_acronym_is_that_countrys_body():
    text = (
        "Cyber office warns of attacks\n\n"
        "The Slovak Office for Cyber Security (SOCS) said it had seen attacks on the count. "
        "“We see the same infrastructure,” SOCS said.\n"
    )
    found = extract_document(text, "doc.txt")
    body = next(a for a in found["agencies"] if a["name"] == "Slovak Office for Cyber Security")
    assert body["acronym"] == "SOCS"
    assert found["quotes"][0]["speaker_agencies"] == ["SOCS"]


def test_an_embassy_in_an_african_capital_is_that_countrys_embassy_there():
    text = (
        "Observers report fake pages\n\n"
        "LILONGWE: The Russian Embassy in Lilongwe said Russia “does not interfere” in the vote. "
        "The Chinese embassy in Kampala declined to comment.\n"
    )
    found = extract_document(text, "doc.txt")
    names = {a["name"] for a in found["agencies"]}
    assert {"Embassy of Russia in Malawi", "Embassy of China in Uganda"} <= names
    assert found["quotes"][0]["speaker_agencies"] == ["Embassy of Russia in Malawi"]


def test_an_acronym_two_bodies_share_is_the_one_of_the_storys_country():
    text = (
        "Spy agency briefs MPs\n\n"
        "OTTAWA: Canada's spy agency told MPs that foreign states targeted Canadian ridings. "
        "CSIS said the threat to Canada was growing.\n"
    )
    names = {a["name"] for a in extract_document(text, "doc.txt")["agencies"]}
    assert "Canadian Security Intelligence Service" in names
    assert "Center for Strategic and International Studies" not in names


def test_the_commons_is_parliament_but_not_inside_a_commons_committee_name():
    text = (
        "Minister briefs MPs on hacking\n\n"
        "LONDON: The security minister told the Commons that Russia was behind the attack. Jane Roe, chair "
        "of the Commons foreign affairs committee, said more was needed.\n"
    )
    agencies = extract_document(text, "doc.txt")["agencies"]
    parliament = next(a for a in agencies if a["name"] == "UK Parliament")
    assert parliament["surface"] == ["the Commons"]


def test_a_nationality_before_a_ministry_of_a_portfolio_names_that_countrys_ministry():
    text = (
        "Ministries act on fake videos\n\n"
        "The Ethiopian Ministry of Innovation and Technology and the Zambian Ministry of Home Affairs and "
        "Internal Security said they were monitoring social media.\n"
    )
    agencies = {a["name"]: a for a in extract_document(text, "doc.txt")["agencies"]}
    assert agencies["Ethiopian Ministry of Innovation and Technology"]["country"] == "ET"
    assert agencies["Zambian Ministry of Home Affairs and Internal Security"]["country"] == "ZM"


def test_a_body_named_inside_another_bodys_name_is_listed_too():
    text = (
        "Observers publish findings\n\n"
        "Observers from the Parliamentary Assembly of the Council of Europe said the vote was orderly.\n"
    )
    names = {a["name"] for a in extract_document(text, "doc.txt")["agencies"]}
    assert {"Parliamentary Assembly of the Council of Europe", "Council of Europe"} <= names


def test_a_bodys_own_observation_mission_is_a_body_of_its_own():
    text = (
        "Observers arrive\n\n"
        "The Organization of American States said its electoral observation mission would include "
        "specialists in digital media.\n"
    )
    agencies = extract_document(text, "doc.txt")["agencies"]
    mission = next(a for a in agencies if a["name"].endswith("Electoral Observation Mission"))
    assert mission["surface"] == ["electoral observation mission"]
    assert len(agencies) == 2


def test_a_country_name_ending_in_s_takes_a_bare_apostrophe_before_its_body():
    text = (
        "Dutch warning\n\n"
        "The Netherlands' Electoral Council said on Monday that the fake notices were false.\n"
    )
    names = {a["name"] for a in extract_document(text, "doc.txt")["agencies"]}
    assert not any(n.startswith("Netherlands") for n in names)
    assert any("Electoral Council" in n for n in names)


def test_a_legislatures_committee_named_with_its_possessive_is_the_committee():
    text = (
        "Spies brief lawmakers\n\n"
        "Rep. Kim Ho-jin, who sits on the National Assembly’s Intelligence Committee, said the agency had "
        "briefed lawmakers. The House Appropriations Committee did not comment.\n"
    )
    names = {a["name"] for a in extract_document(text, "doc.txt")["agencies"]}
    assert "National Assembly Intelligence Committee" in names
    assert "House Appropriations Committee" in names


def test_an_observation_mission_a_body_opened_is_a_body_only_once_the_text_returns_to_it():
    quiet = (
        "Observers\n\n"
        "The Organization for Security and Co-operation in Europe, which opened an observation mission in "
        "May, said the vote was calm.\n"
    )
    named = (
        "Observers\n\n"
        "The Organization of American States, which deployed an observation mission of 80 people, said the "
        "vote was calm. The head of the mission said voting was orderly.\n"
    )
    quiet_names = {a["name"] for a in extract_document(quiet, "doc.txt")["agencies"]}
    named_names = {a["name"] for a in extract_document(named, "doc.txt")["agencies"]}
    assert not any("Mission" in n for n in quiet_names)
    assert any("Observation Mission" in n for n in named_names)


def test_a_bodys_observers_also_name_the_body_that_sent_them():
    text = (
        "Observers\n\n"
        "The European Union Election Observation Mission said it would follow campaigning closely. "
        "The Commonwealth Observer Group was more cautious.\n"
    )
    names = {a["name"] for a in extract_document(text, "doc.txt")["agencies"]}
    assert {"EU Election Observation Mission", "European Union", "Commonwealth of Nations"} <= names


def test_a_citys_district_court_and_prosecutors_office_are_bodies():
    text = (
        "Fake polls\n\n"
        "The bureau referred the cases to the Taipei District Prosecutors Office. The Seoul Central District "
        "Court has scheduled a hearing.\n"
    )
    names = {a["name"] for a in extract_document(text, "doc.txt")["agencies"]}
    assert {"Taipei District Prosecutors Office", "Seoul Central District Court"} <= names


def test_asian_platforms_and_moldovan_and_german_bodies_from_the_table():
    text = (
        "Election week\n\n"
        "Kakao said it had suspended 900 accounts. The ministry asked LINE and Meta to label the posts. "
        "Moldova's Intelligence and Security Service (SIS) said the attacks came from abroad. The lawmaker "
        "who chairs the Parliamentary Oversight Panel said the services had briefed it.\n"
    )
    keys = agency_keys(text)
    assert {"Kakao", "LINE Yahoo", "SIS", "PKGr"} <= keys
    assert "MI5" not in keys


def test_a_company_named_before_its_app_is_still_the_company_the_text_names_first():
    text = (
        "Impersonation\n\n"
        "LY Corp., which operates the LINE messaging app, said it had removed accounts. The company said the "
        "posts had been “reported quickly by users and removed within hours.”\n"
    )
    quote = extract_document(text, "doc.txt")["quotes"][0]
    assert "LY Corp." in quote["speaker"]


def test_a_nationality_before_a_prosecution_or_data_protection_body_is_that_countrys_body():
    text = (
        "Charges\n\n"
        "The Dutch Public Prosecution Service said it had charged a man. The Hungarian Data Protection "
        "Authority fined the party. Moldova's Security and Intelligence Service said the same.\n"
    )
    keys = agency_keys(text)
    assert {"Dutch Public Prosecution Service", "Hungarian Data Protection Authority", "SIS"} <= keys


def test_a_nationality_before_foreign_minister_names_that_countrys_foreign_ministry():
    text = (
        "Expulsions\n\n"
        "Czech Foreign Minister Jan Novak said Prague would expel the diplomats. Piotr Wrona, Poland's "
        "foreign minister, agreed.\n"
    )
    result = extract_document(text, "doc.txt")
    by_name = {o["name"]: o for o in result["officials"]}
    assert by_name["Jan Novak"]["agency"] == "Ministry of Foreign Affairs of the Czech Republic"
    assert by_name["Piotr Wrona"]["agency"] == "Ministry of Foreign Affairs of Poland"


def test_an_acronym_the_text_defines_in_brackets_is_the_bodys_even_when_the_table_gives_it_another():
    text = (
        "Fake results\n\n"
        "ACCRA, Ghana - Ghana's electoral body, the National Electoral Council (NEC), said on Monday it had "
        "found fake result sheets. “The sheets are forged,” the NEC said.\n"
    )
    result = extract_document(text, "doc.txt")
    council = [a for a in result["agencies"] if a["name"] == "National Electoral Council"]
    assert council
    assert council[0]["acronym"] == "NEC"
    assert "National Election Commission" not in {a["name"] for a in result["agencies"]}
    assert result["quotes"][0]["speaker_agencies"] == ["NEC"]


def test_a_table_body_without_an_acronym_takes_the_one_the_text_defines():
    text = (
        "Count\n\n"
        "QUITO - The National Electoral Council (CNE) said the count was on time. “No fraud was found,” "
        "the CNE said.\n"
    )
    result = extract_document(text, "doc.txt")
    assert "CNE" in {
        a["acronym"] for a in result["agencies"] if a["name"].startswith("National Electoral Council")
    }
    assert result["quotes"][0]["speaker_agencies"] == ["CNE"]


def test_a_country_in_brackets_after_a_body_is_not_its_acronym():
    text = "Register\n\nThe Electoral Commission (UK) said the register was safe.\n"
    assert all(a["acronym"] != "UK" for a in run(text)["agencies"])


def test_a_description_refers_back_to_the_body_it_stood_in_apposition_with():
    text = (
        "Fake sheets\n\n"
        "Valdoria's electoral body, the National Vote Council (NVC), said on Monday it had found forged "
        "result sheets. “The sheets are forged,” the electoral body said.\n"
    )
    assert run(text)["quotes"][0]["speaker_agencies"] == ["NVC"]


def test_a_description_after_a_body_in_apposition_names_that_body():
    text = (
        "Appeal\n\n"
        "The High Ballot Tribunal (HBT), the country's top election court, took up the appeal. “We will rule "
        "within a week,” the court said.\n"
    )
    assert run(text)["quotes"][0]["speaker_agencies"] == ["HBT"]


def test_a_poll_body_is_the_election_body_the_text_named_before():
    text = (
        "Videos\n\n"
        "The Independent Election Board (IEB) removed the videos on Sunday. Two days later, officials said "
        "more had appeared. “We are acting fast,” the poll body said.\n"
    )
    assert run(text)["quotes"][0]["speaker_agencies"] == ["IEB"]


def test_a_longer_name_with_its_own_bracketed_acronym_is_not_the_table_body_inside_it():
    text = (
        "Sites\n\n"
        "The State Electoral Commission (SEKO) said none of its systems had been breached, and the chairman "
        "of the commission urged calm.\n"
    )
    names = {(a["name"], a["acronym"]) for a in run(text)["agencies"]}
    assert ("State Electoral Commission", "SEKO") in names
    assert not any(name == "UK Electoral Commission" for name, _ in names)


def test_a_nationality_before_a_described_election_body_is_that_countrys_election_body():
    text = (
        "Calls\n\n"
        "MEXICO CITY - The Mexican electoral authority said it had traced the cloned calls. “We acted at "
        "once,” the authority said.\n"
    )
    result = run(text)
    assert "INE" in {a["acronym"] for a in result["agencies"]}
    assert result["quotes"][0]["speaker_agencies"] == ["INE"]


def test_a_countrys_lower_case_electoral_commission_is_the_one_the_table_gives_it():
    text = "Rumours\n\nLAGOS - Nigeria's electoral commission warned voters about forged result sheets.\n"
    assert "INEC" in agency_keys(text)


def test_a_described_election_body_is_the_election_body_the_text_names():
    text = (
        "Warning\n\n"
        "The Dutch election watchdog issued a warning on Tuesday. The Electoral Council said the notices "
        "about closed polling stations were fake.\n"
    )
    names = {a["name"] for a in run(text)["agencies"]}
    assert "Electoral Council of the Netherlands" not in names or "Electoral Council" not in names


def test_a_bare_electoral_commission_in_a_one_country_story_is_that_countrys_election_body():
    text = (
        "Sheets\n\n"
        "ACCRA, Ghana - The electoral commission said on Monday the result sheets circulating online were "
        "forged. “They are fake,” the electoral commission said. Ghana votes in December.\n"
    )
    result = run(text)
    assert {a["name"] for a in result["agencies"]} == {"Electoral Commission of Ghana"}
    assert result["quotes"][0]["speaker_agencies"] == ["Electoral Commission of Ghana"]


def test_a_bare_electoral_commission_is_the_body_the_text_names_when_it_names_one():
    text = (
        "Sheets\n\n"
        "ACCRA, Ghana - The Independent Vote Board (IVB) said the sheets were forged. The electoral "
        "commission said it would publish the real ones.\n"
    )
    assert "Electoral Commission of Ghana" not in {a["name"] for a in run(text)["agencies"]}


def test_a_bare_election_board_in_a_us_story_is_no_foreign_election_body():
    text = (
        "Count\n\n"
        "Officials in the county said Russian accounts had spread rumours about the count. The election "
        "board said the count in the United States county was accurate, and U.S. officials agreed.\n"
    )
    assert not any(a["country"] == "RU" for a in run(text)["agencies"])
