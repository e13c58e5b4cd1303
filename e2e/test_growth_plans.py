"""Browser test for the heart of Trellis: a teacher writes a full growth plan through
the guided steps, uploads a PDF, checks in twice and reflects. axe checks every page
visited; screenshots of the plan page at desktop and phone width land in e2e/artifacts/.
"""

from __future__ import annotations

import pathlib

from selenium.webdriver.common.by import By

from conftest import (
    ADMIN_EMAIL,
    COACH_EMAIL,
    DEMO_PASSWORD,
    DEMO_SCHOOLS,
    EDUCATOR_EMAIL,
    EDUCATOR_NAME,
    axe_check,
    button,
    click,
    click_and_wait,
    fill,
    form_of,
    go,
    h1_text,
    path_of,
    screenshot,
    sign_in,
    sign_out,
    submit_button,
    unique,
)
from test_foundation import add_person, fresh_session, set_password

PASSWORD = "Growth-mindset-2027"

# A small but real PDF: one empty page.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def new_teacher(driver) -> str:
    """An admin adds a teacher; the teacher sets a password and signs in. Returns the email."""
    email = f"{unique('pgp')}@cascade.example"
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    _, link = add_person(driver, "Sam Ortíz", email, DEMO_SCHOOLS[0])
    sign_out(driver)
    fresh_session(driver)
    set_password(driver, link, PASSWORD)
    sign_in(driver, email, PASSWORD)
    return email


def test_teacher_writes_a_full_plan_step_by_step(driver, tmp_path):
    new_teacher(driver)
    go(driver, "/plans")
    click(driver, next(b.text for b in driver.find_elements(By.CSS_SELECTOR, "button[type=submit]") if b.text.startswith("Start your")))
    assert path_of(driver).endswith("/goals")
    plan_path = path_of(driver).rsplit("/", 1)[0]

    # Step 1: a goal, first with nothing in it (kept, explained), then written well enough.
    click(driver, "Save goal")
    assert "Write your goal" in driver.find_element(By.CSS_SELECTOR, ".field-error").text
    fill(driver, "statement", "I will use exit tickets every week to adjust small-group instruction")
    fill(driver, "measure", "district fluency benchmark")
    click(driver, "Save goal")
    assert "Feedback on this goal" in driver.page_source
    fill(driver, "target", "80% proficient")
    click(driver, "Save goal")

    # Step 2: align to the top suggestion.
    go(driver, plan_path + "/alignment")
    suggestion = driver.find_element(By.CSS_SELECTOR, "input[type=checkbox][name^=standards_]")
    assert "WA-T-6" in driver.find_element(By.CSS_SELECTOR, f"label[for='{suggestion.get_attribute('id')}']").text
    suggestion.click()
    click(driver, "Save standards")

    # Step 3: an action step.
    go(driver, plan_path + "/actions")
    open_step_form(driver, 1)
    fill(driver, "what", "Give a two-question exit ticket every Friday")
    fill(driver, "support_needed", "Coach to model a small-group lesson")
    click(driver, "Add step")

    # The plan can become active now.
    go(driver, plan_path)
    click(driver, "Make this plan active")
    assert "Active" in driver.find_element(By.CSS_SELECTOR, ".status").text

    # Step 4: a PDF as evidence.
    pdf = tmp_path / "exit-tickets.pdf"
    pdf.write_bytes(PDF)
    go(driver, plan_path + "/evidence")
    assert driver.find_elements(By.NAME, "link") == [], "the file form shows only the file's fields"
    driver.find_element(By.ID, "field-file").send_keys(str(pdf))
    fill(driver, "caption", "Exit tickets from week 3")
    driver.find_element(By.ID, "evidence-goal-0").click()
    click(driver, "Add evidence")
    assert "Download exit-tickets.pdf" in driver.page_source

    # Two check-ins.
    for level, text in (("getting_started", "Started exit tickets in two classes"), ("making_progress", "Groups change every week now")):
        go(driver, plan_path + "/check-ins")
        driver.find_element(By.CSS_SELECTOR, f"input[type=radio][value={level}]").click()
        fill(driver, "what_happened", text)
        click(driver, "Save check-in")
    assert "Groups change every week now" in driver.page_source
    assert "Started exit tickets in two classes" in driver.page_source

    # Step 6: the reflection.
    go(driver, plan_path + "/reflection")
    fields = driver.find_elements(By.CSS_SELECTOR, "textarea")
    fields[0].send_keys("More students reach the benchmark")
    fields[1].send_keys("I plan groups from data, not habit")
    click(driver, "Save reflection")
    assert "Your reflection is saved" in driver.page_source

    go(driver, plan_path)
    assert "growth plan" in h1_text(driver)
    assert "6 of 6 steps done" in driver.page_source
    screenshot(driver, "plan-desktop", 1280)
    screenshot(driver, "plan-phone", 375)


def test_an_executable_named_pdf_is_refused(driver, tmp_path):
    new_teacher(driver)
    go(driver, "/plans")
    click(driver, next(b.text for b in driver.find_elements(By.CSS_SELECTOR, "button[type=submit]") if b.text.startswith("Start your")))
    plan_path = path_of(driver).rsplit("/", 1)[0]
    fake = tmp_path / "report.pdf"
    fake.write_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 64)
    go(driver, plan_path + "/evidence")
    driver.find_element(By.ID, "field-file").send_keys(str(fake))
    fill(driver, "caption", "Not really a PDF")
    click(driver, "Add evidence")
    assert "its content is not" in driver.find_element(By.CSS_SELECTOR, ".field-error").text
    assert driver.find_element(By.NAME, "caption").get_attribute("value") == "Not really a PDF"


def open_step_form(driver, goal: int) -> None:
    """Unfolds the "Add a step" form of goal number `goal` on the action plan."""
    driver.find_element(By.XPATH, f"//details[.//textarea[@id='g{goal}-what']]/summary").click()


def open_own_plan(driver) -> str:
    """The signed-in person's first plan, from the plans list; returns its path."""
    go(driver, "/plans")
    link = driver.find_element(By.CSS_SELECTOR, "main ul.plain-list a")
    click_and_wait(driver, link)
    return path_of(driver)


def test_an_action_step_error_is_summarized_focused_and_linked_on_a_phone(driver):
    sign_in(driver, EDUCATOR_EMAIL, DEMO_PASSWORD)
    plan_path = open_own_plan(driver)
    # A phone from here on, so the page comes back laid out as on one.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    go(driver, plan_path + "/actions")
    open_step_form(driver, 1)
    what = driver.find_element(By.ID, "g1-what")
    what.send_keys("Read aloud with a partner")
    hours = driver.find_element(By.ID, "g1-estimated_hours")
    hours.clear()
    hours.send_keys("two")
    click_and_wait(driver, submit_button(form_of(hours), "Add step"))

    # The summary is there, focused, and on screen without scrolling; the field's form is open.
    summary = driver.find_element(By.CSS_SELECTOR, ".error-summary")
    assert "Enter hours as a number" in summary.text
    assert driver.switch_to.active_element == summary, "the error summary has focus after the page loads"
    top, bottom, height = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight]", summary)
    assert 0 <= top and bottom <= height, f"summary at {top}-{bottom}px of a {height}px phone screen"
    assert driver.find_element(By.ID, "g1-estimated_hours").is_displayed(), "the step's form is open"
    assert driver.title.startswith("Error:")
    axe_check(driver)
    shot = screenshot(driver, "error-summary-phone", 375)
    print(f"screenshot: {shot}")

    # Its link goes to the field.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    summary.find_element(By.CSS_SELECTOR, "a[href='#g1-estimated_hours']").click()
    assert driver.switch_to.active_element.get_attribute("id") == "g1-estimated_hours"
    assert driver.execute_script("const r = document.getElementById('g1-estimated_hours').getBoundingClientRect();"
                                 " return r.top >= 0 && r.bottom <= window.innerHeight"), "the field is on screen"
    assert driver.find_element(By.ID, "g1-estimated_hours").get_attribute("value") == "two"
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_coach_reads_a_shared_plan_without_edit_buttons(driver):
    sign_in(driver, COACH_EMAIL, DEMO_PASSWORD)
    go(driver, "/plans")
    shared = next(a for a in driver.find_elements(By.CSS_SELECTOR, "main a") if EDUCATOR_NAME in a.text)
    click_and_wait(driver, shared)
    plan_path = path_of(driver)
    goal_path = driver.find_element(By.CSS_SELECTOR, ".goal-list a").get_attribute("pathname")
    for page in ["", "/goals", "/alignment", "/actions", "/evidence", "/check-ins", "/reflection"]:
        go(driver, plan_path + page)
        forms = [f.get_attribute("action") for f in driver.find_elements(By.CSS_SELECTOR, "main form")]
        assert forms == [], f"forms on {page or 'the overview'}: {forms}"
        labels = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "main button, main a.button--danger")]
        assert labels == [], f"buttons on {page or 'the overview'}: {labels}"
        text = driver.find_element(By.TAG_NAME, "main").text
        assert "Your goal" not in text and "You last checked in" not in text
    go(driver, plan_path + "/check-ins")
    assert f"{EDUCATOR_NAME} last checked in" in driver.find_element(By.TAG_NAME, "main").text
    go(driver, goal_path)
    assert driver.find_elements(By.CSS_SELECTOR, "main form") == []
    assert "Goal 1" in driver.find_element(By.TAG_NAME, "main").text
