"""Browser test of the digital-tools catalogue: a teacher proposes a tool, the district admin approves it, a coach runs
an efficacy trial of it with a teacher she coaches (a result without a measure is refused at the field), and a school
leader finds the trial's verdict in the adoption view. axe checks every page; screenshots of the catalogue and the
adoption view at desktop and phone width land in e2e/artifacts/.
"""

from __future__ import annotations

import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (
    ADMIN_EMAIL,
    COACH_EMAIL,
    EDUCATOR_EMAIL,
    EDUCATOR_NAME,
    LEADER_EMAIL,
    as_person,
    click,
    field_message,
    fill,
    go,
    link,
    screenshot,
    set_value,
    unique,
)


def test_propose_approve_trial_and_find_the_verdict_in_the_adoption_view(driver):
    name = f"Phonics Studio {unique()}"
    # Hồng proposes a tool.
    as_person(driver, EDUCATOR_EMAIL)
    go(driver, "/tools")
    for width in (1280, 375):
        screenshot(driver, "tools-catalogue", width)
    go(driver, "/tools/new")
    fill(driver, "name", name)
    fill(driver, "link", "https://phonics-studio.example/app")
    Select(driver.find_element(By.NAME, "kind")).select_by_index(1)
    fill(driver, "subjects", "Reading")
    driver.find_element(By.CSS_SELECTOR, "input[name=grade_bands]").click()
    click(driver, "Propose the tool")
    assert name in driver.page_source

    # The admin approves it.
    as_person(driver, ADMIN_EMAIL)
    go(driver, "/tools/proposals")
    link(driver, name)
    click(driver, "Approve the tool")
    go(driver, "/tools?q=" + name.split()[-1])
    assert name in driver.page_source

    # Zoë runs a trial with Hồng; a result without a measure is refused, with what was typed kept.
    as_person(driver, COACH_EMAIL)
    go(driver, "/trials/new")
    Select(driver.find_element(By.NAME, "tool")).select_by_visible_text(name)
    driver.find_element(By.XPATH, f"//label[contains(., '{EDUCATOR_NAME}')]").click()
    fill(driver, "goal", "More of my third graders read at grade level")
    fill(driver, "question", "Do ten minutes a day of phonics practice raise fluency?")
    fill(driver, "baseline", "61")
    fill(driver, "baseline_unit", "words per minute")
    fill(driver, "result", "74")
    fill(driver, "result_unit", "words per minute")
    today = datetime.date.today()
    set_value(driver, "starts_on", (today - datetime.timedelta(days=42)).isoformat())
    set_value(driver, "ends_on", today.isoformat())
    fill(driver, "students", "24")
    Select(driver.find_element(By.NAME, "verdict")).select_by_value("expand")
    driver.find_element(By.CSS_SELECTOR, "input[name=visibility][value=shared_summary]").click()
    click(driver, "Start the trial")
    assert field_message(driver, "measure")
    assert driver.find_element(By.NAME, "question").get_attribute("value").startswith("Do ten minutes")
    fill(driver, "measure", "Words correct per minute on the district benchmark")
    click(driver, "Start the trial")
    assert "Expand" in driver.page_source

    # Marcus, a principal, finds the verdict and the numbers in the adoption view.
    as_person(driver, LEADER_EMAIL)
    go(driver, "/tools/adoption")
    for width in (1280, 375):
        screenshot(driver, "tools-adoption", width)
    page = driver.find_element(By.TAG_NAME, "main").text
    assert name in page and "Expand" in page
