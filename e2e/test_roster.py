"""Browser test for the roster import: a district admin uploads a CSV with one new
person and one change, reads the dry run, applies it and finds the person on the
people page. axe checks every page visited (through `go` and `click_and_wait`).
"""

from __future__ import annotations

import uuid

from selenium.webdriver.common.by import By

from conftest import (
    ADMIN_EMAIL,
    DEMO_PASSWORD,
    click_and_wait,
    go,
    h1_text,
    path_of,
    screenshot,
    sign_in,
)


def submit(driver, text: str) -> None:
    """Press the submit button that reads `text` and wait for the page it loads."""
    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "button[type=submit]") if b.text.strip() == text]
    assert buttons, f"no button reading {text!r}"
    click_and_wait(driver, buttons[0])


def test_admin_imports_a_roster_after_reading_the_dry_run(driver, tmp_path):
    tag = uuid.uuid4().hex[:8]
    existing = f"roster.existing.{tag}@cascade.example"
    new = f"roster.new.{tag}@cascade.example"
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)

    # Someone for the file to change, added by pasting a first roster (so no demo person is touched).
    go(driver, "/admin/people")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Import a roster (CSV)"))
    assert path_of(driver) == "/district/roster"
    # A mistake first: the page lists it by row, keeps the text, and offers nothing to apply.
    driver.find_element(By.ID, "field-csv").send_keys(f"email,name,roles\n{existing},Rory Before {tag},teacher\n")
    submit(driver, "Check the file")
    summary = driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert "1 row of the file needs correcting" in summary
    assert "“teacher” is not a role" in driver.find_element(By.CSS_SELECTOR, "[aria-labelledby=dry-run-heading]").text
    assert not [b for b in driver.find_elements(By.CSS_SELECTOR, "button[type=submit]") if b.text.startswith("Apply")]
    pasted = driver.find_element(By.ID, "field-csv")
    assert f"Rory Before {tag},teacher" in pasted.get_attribute("value")
    pasted.clear()
    pasted.send_keys(f"email,name,roles\n{existing},Rory Before {tag},educator\n")
    submit(driver, "Check the file")
    submit(driver, "Apply this change")
    assert path_of(driver) == "/admin/people"

    # The file: one new person at a new school, one change of name and roles.
    roster = tmp_path / "roster.csv"
    roster.write_bytes(
        (
            "\ufeffemail,name,roles,school,active\r\n"
            f'{new},"Noor ""New"" {tag}",educator;coach,Roster School {tag},yes\r\n'
            f"{existing},Rory After {tag},educator;leader,,\r\n"
        ).encode("utf-8")
    )
    go(driver, "/district/roster")
    driver.find_element(By.ID, "field-file").send_keys(str(roster))
    submit(driver, "Check the file")

    assert h1_text(driver) == "Import a roster"
    dry_run = driver.find_element(By.CSS_SELECTOR, "[aria-labelledby=dry-run-heading]").text
    assert "2 rows read, 1 to add, 1 to change" in dry_run
    assert f'Noor "New" {tag}' in dry_run
    assert f"Rory Before {tag}" in dry_run and f"Rory After {tag}" in dry_run
    assert f"Roster School {tag}" in dry_run
    screenshot(driver, "roster-dry-run", 375)
    screenshot(driver, "roster-dry-run", 1280)

    submit(driver, "Apply these 3 changes")
    assert path_of(driver) == "/admin/people"
    assert "The roster is imported: 1 added, 1 changed, 1 school added" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    people = driver.find_element(By.TAG_NAME, "main").text
    assert f'Noor "New" {tag}' in people and new in people
    assert f"Rory After {tag}" in people and f"Rory Before {tag}" not in people
