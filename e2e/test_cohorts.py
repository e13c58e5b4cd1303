"""Browser tests of cohorts and PLCs: a coach starts a cohort, adds members with their stakeholder roles and opens
visioning; a member posts statements, one without a name; the coach groups them into a theme (after a refused theme
without a student outcome) and makes a PLC, which writes a group goal; a member links a goal of their own plan and the
roll-up shows it. Then the demo's cohort page, as a member and at desktop and phone width, and the admin, who is not
in it, finding nothing. axe checks every page; screenshots land in e2e/artifacts/.
"""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (
    ADMIN_EMAIL,
    COACH_EMAIL,
    EDUCATOR_EMAIL,
    LEADER_EMAIL,
    as_person,
    click,
    field_message,
    fill,
    go,
    h1_text,
    link,
    path_of,
    screenshot,
    unique,
)

DEMO_COHORT = "Cascade Digital Learning Cohort"


def test_a_cohort_from_visioning_to_themes_to_a_group_goal_fed_by_a_members_plan(driver):
    name = unique("Cohort ")
    # Zoë starts a cohort and adds Hồng (teacher) and Marcus (building leader).
    as_person(driver, COACH_EMAIL)
    go(driver, "/cohorts")
    fill(driver, "name", name)
    click(driver, "Start the cohort")
    assert h1_text(driver) == "Members and PLCs"
    cohort_path = path_of(driver).removesuffix("/members")
    for email, role in ((EDUCATOR_EMAIL, "teacher"), (LEADER_EMAIL, "building leader")):
        fill(driver, "email", email)
        Select(driver.find_element(By.NAME, "role")).select_by_visible_text(role)
        click(driver, "Add to the cohort")
    go(driver, cohort_path + "/visioning")
    fill(driver, "prompt", "Digital learning, now and in three years")
    click(driver, "Open visioning")

    # Hồng posts a current-state statement without her name, and an ideal one with it.
    as_person(driver, EDUCATOR_EMAIL)
    go(driver, cohort_path + "/visioning")
    click(driver, "Post the statement")
    assert "Write a short statement" in field_message(driver, "text")
    driver.find_element(By.ID, "kind-current").click()
    fill(driver, "text", "Students mostly consume videos on their devices")
    driver.find_element(By.ID, "anonymous").click()
    click(driver, "Post the statement")
    driver.find_element(By.ID, "kind-ideal").click()
    fill(driver, "text", "Students create and publish projects with their devices")
    click(driver, "Post the statement")
    assert "Students create and publish" in driver.find_element(By.TAG_NAME, "main").text

    # Zoë sees both as cards (one without a name), is refused a theme without a student outcome, then saves one.
    as_person(driver, COACH_EMAIL)
    go(driver, cohort_path + "/themes")
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Without a name" in main and "Students mostly consume" in main
    fill(driver, "title", "Students as creators")
    click(driver, "Save the theme")
    assert "student outcome" in field_message(driver, "student_outcome")
    assert driver.find_element(By.NAME, "title").get_attribute("value") == "Students as creators"
    screenshot(driver, "cohort-themes", 1280)
    fill(driver, "student_outcome", "Students create to show what they learned")
    for box in driver.find_elements(By.CSS_SELECTOR, 'input[name="statements"]'):
        box.click()
    click(driver, "Save the theme")
    go(driver, cohort_path + "/members")
    fill(driver, "plc_name", "Cedar Ridge team")
    for box in driver.find_elements(By.CSS_SELECTOR, 'input[name="plc_members"]'):
        box.click()
    click(driver, "Make the PLC")
    plc_path = path_of(driver)
    Select(driver.find_element(By.NAME, "theme")).select_by_visible_text("Students as creators")
    fill(driver, "statement", "By May, every student publishes two projects made with technology")
    click(driver, "Save the group goal")
    assert "Feedback on the goal" in driver.find_element(By.TAG_NAME, "main").text

    # Hồng links the first goal of her own plan; the roll-up shows its progress.
    as_person(driver, EDUCATOR_EMAIL)
    go(driver, plc_path)
    click(driver, "Link this goal")
    rollup = driver.find_element(By.CSS_SELECTOR, ".rollup").text
    for width in (1280, 375):
        screenshot(driver, "cohort-plc", width)
    assert "Goal 1" in rollup and "Making progress" in rollup, rollup
    assert "No goal linked yet" in rollup, "Marcus has not linked one"
    go(driver, cohort_path)
    page = driver.find_element(By.TAG_NAME, "main").text
    assert "Students as creators" in page and "every student publishes two projects" in page


def test_the_demo_cohort_page_for_a_member_at_desktop_and_phone_and_nothing_for_the_admin(driver):
    as_person(driver, LEADER_EMAIL)
    go(driver, "/cohorts")
    link(driver, DEMO_COHORT)
    cohort_path = path_of(driver)
    page = driver.find_element(By.TAG_NAME, "main").text
    for expected in ("Current state", "Ideal state in three years", "Students create with technology",
                     "Cedar Ridge Elementary team", "Riverside Middle School team", "Group progress"):
        assert expected in page, expected
    assert driver.find_elements(By.CSS_SELECTOR, "svg.bar"), "no progress bars"
    for width in (1280, 375):
        screenshot(driver, "cohort-page", width)
    as_person(driver, ADMIN_EMAIL)
    go(driver, cohort_path)
    assert h1_text(driver) == "Page not found"
