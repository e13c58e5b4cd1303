"""Browser tests of coaching: a coach invites an educator, who accepts; the coach starts a cycle, takes time-stamped
observation notes and gives feedback; the educator responds and answers the alliance pulse, and the coach sees the
trend. Then the privacy rule as a person would test it: a school leader and the district admin try every coaching
address of the demo coach's work and find nothing, and the educator never sees the coach's private note.
axe checks every page; screenshots of the caseload at desktop and phone width land in e2e/artifacts/.
"""

from __future__ import annotations

import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (
    ADMIN_EMAIL,
    COACH_EMAIL,
    LEADER_EMAIL,
    as_person,
    click,
    click_and_wait,
    field_message,
    fill,
    go,
    h1_text,
    link,
    path_of,
    screenshot,
    set_value,
)

DIEGO_EMAIL = "diego.ramirez@cascade.example"
PRIVATE_NOTE = "seemed tired today"  # Zoë's private note on Hồng's observation (DemoCoaching)


def test_invite_accept_cycle_observation_feedback_response_and_alliance(driver):
    today = datetime.date.today().isoformat()
    # Zoë invites Diego.
    as_person(driver, COACH_EMAIL)
    go(driver, "/coaching")
    for width in (1280, 375):
        screenshot(driver, "coaching-caseload", width)
    link(driver, "Invite an educator")
    fill(driver, "q", "Diego")
    click(driver, "Find")
    driver.find_element(By.XPATH, "//label[contains(., 'Diego Ramírez')]").click()
    fill(driver, "message", "Would you like a thinking partner for the lab notebooks?")
    click(driver, "Send the invitation")
    assert "Diego Ramírez" in driver.page_source

    # Diego accepts, sharing his plan.
    as_person(driver, DIEGO_EMAIL)
    go(driver, "/coaching")
    answer = next(a for a in driver.find_elements(By.CSS_SELECTOR, "a[href$='/answer']"))
    click_and_wait(driver, answer)
    assert "thinking partner" in driver.page_source
    assert driver.find_element(By.NAME, "share_plan").is_selected()
    click(driver, "Accept")

    # Zoë starts a cycle with two look-fors and plans an observation.
    as_person(driver, COACH_EMAIL)
    go(driver, "/coaching")
    link(driver, "Diego Ramírez")
    relationship = path_of(driver)
    link(driver, "Start a cycle")
    fill(driver, "focus", "Claim-evidence-reasoning in lab write-ups")
    fill(driver, "look_fors", "Students cite data from their notebooks\nDiego asks for reasoning, not answers")
    set_value(driver, "starts_on", today)
    click(driver, "Start the cycle")
    go(driver, relationship)
    link(driver, "Plan a session")
    Select(driver.find_element(By.NAME, "kind")).select_by_value("observation")
    cycle = Select(driver.find_element(By.NAME, "cycle"))
    cycle.select_by_index(len(cycle.options) - 1)
    set_value(driver, "date", today)
    set_value(driver, "start", "10:00")
    set_value(driver, "end", "09:30")
    click(driver, "Save the session")
    assert "ends before it starts" in field_message(driver, "end")
    assert driver.find_element(By.NAME, "start").get_attribute("value") == "10:00"
    set_value(driver, "end", "10:45")
    click(driver, "Save the session")
    session = path_of(driver)

    # Time-stamped observation notes, one quick note and a transcript, tallied per look-for.
    link(driver, "Take observation notes")
    set_value(driver, "time", "10:05")
    Select(driver.find_element(By.NAME, "look_for")).select_by_index(1)
    fill(driver, "text", "Two groups point to their data tables when they explain.")
    click(driver, "Add the note")
    driver.find_element(By.ID, "field-transcript").send_keys("10:12 #2 Diego: 'What makes you say that?'\n#1 A student reads a temperature from the notebook\n10:20 Groups write claims")
    click(driver, "Add the lines")
    page = driver.page_source
    assert "Diego: 'What makes you say that?'" in page and "Groups write claims" in page
    assert "10:12" in page
    go(driver, session)
    tally = driver.find_element(By.ID, "observation-heading").find_element(By.XPATH, "..").text
    assert "Students cite data from their notebooks: 2" in tally and "Diego asks for reasoning, not answers: 1" in tally

    # A feedback conversation: no next step is refused at the field, with what was typed kept.
    go(driver, relationship)
    link(driver, "Plan a session")
    Select(driver.find_element(By.NAME, "kind")).select_by_value("feedback")
    set_value(driver, "date", today)
    set_value(driver, "start", "15:00")
    fill(driver, "minutes", "25")
    click(driver, "Save the session")
    feedback_session = path_of(driver)
    go(driver, feedback_session + "/feedback")
    fill(driver, "went_well", "Every group used their data tables when they explained.")
    fill(driver, "to_grow", "Claims came before evidence in half the write-ups.")
    click(driver, "Save the feedback")
    assert field_message(driver, "next_step")
    assert "Every group used their data tables" in driver.find_element(By.NAME, "went_well").get_attribute("value")
    fill(driver, "next_step", "Have students underline the evidence before writing the claim, for two labs.")
    shared = driver.find_element(By.CSS_SELECTOR, "input[name=visibility][value=shared]")
    shared.click()
    click(driver, "Save the feedback")

    # Diego reads the feedback, responds, and answers the alliance pulse (a value off the scale is refused).
    as_person(driver, DIEGO_EMAIL)
    go(driver, feedback_session)
    assert "underline the evidence" in driver.page_source
    go(driver, feedback_session + "/feedback")
    fill(driver, "response", "I'll try it in Thursday's lab.")
    Select(driver.find_element(By.NAME, "usefulness")).select_by_value("4")
    click(driver, "Send my response")
    assert "Thursday's lab" in driver.page_source
    go(driver, feedback_session + "/alliance")
    for number, value in ((1, 4), (2, 5), (3, 4)):
        driver.find_element(By.CSS_SELECTOR, f"input[name=answer{number}][value='{value}']").click()
    click(driver, "Send my answers")
    assert field_message(driver, "answer4")
    driver.find_element(By.CSS_SELECTOR, "input[name=answer4][value='5']").click()
    click(driver, "Send my answers")

    # Zoë sees the response and the alliance answers; nobody else will.
    as_person(driver, COACH_EMAIL)
    go(driver, feedback_session)
    assert "Thursday's lab" in driver.page_source
    go(driver, relationship)
    pulse = driver.find_element(By.ID, "alliance-heading").find_element(By.XPATH, "..").text
    assert "I trust my coach with what is hard for me." in pulse and "5" in pulse


def coaching_addresses(driver) -> list[str]:
    """Every coaching address Zoë's demo work with Hồng links to: relationship, cycles, sessions and their parts."""
    as_person(driver, COACH_EMAIL)
    go(driver, "/coaching")
    link(driver, "Nguyễn Thị Hồng")
    addresses = {path_of(driver)}
    for a in driver.find_elements(By.CSS_SELECTOR, "main a[href^='/coaching/']"):
        addresses.add(a.get_attribute("href").split("://", 1)[1].split("/", 1)[1])
    sessions = [a for a in addresses if a.startswith("coaching/sessions/") and a.count("/") == 2]
    for session in sessions:
        addresses.update({f"{session}/observation", f"{session}/feedback", f"{session}/alliance", f"{session}/edit"})
    return sorted("/" + a.lstrip("/") for a in addresses)


def test_a_leader_and_the_admin_cannot_reach_any_coaching_note_by_url(driver):
    addresses = coaching_addresses(driver)
    assert len([a for a in addresses if a.startswith("/coaching/sessions/")]) >= 8
    # The coach does see her private note on the observation.
    seen_by_coach = False
    for address in addresses:
        if address.startswith("/coaching/sessions/") and address.count("/") == 3:
            go(driver, address, check_a11y=False)
            seen_by_coach = seen_by_coach or PRIVATE_NOTE in driver.page_source
    assert seen_by_coach
    for email in (LEADER_EMAIL, ADMIN_EMAIL):
        as_person(driver, email)
        for address in addresses:
            if address.startswith("/coaching/contacts"):
                continue
            go(driver, address, check_a11y=False)
            assert h1_text(driver) == "Page not found", f"{email} reached {address}"
            assert PRIVATE_NOTE not in driver.page_source
        # They see counts only.
        go(driver, "/coaching/counts")
        assert "Sessions" in driver.page_source and PRIVATE_NOTE not in driver.page_source
    # Hồng sees her sessions and what is shared with her, never the private note.
    as_person(driver, "hong.nguyen@cascade.example")
    for address in addresses:
        if "/sessions/" in address and address.count("/") == 3:
            go(driver, address, check_a11y=False)
            assert PRIVATE_NOTE not in driver.page_source
