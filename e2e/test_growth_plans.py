"""Browser test for the heart of Trellis: a teacher writes a full growth plan through
the guided steps, uploads a PDF, checks in twice and reflects. axe checks every page
visited; screenshots of the plan page at desktop and phone width land in e2e/artifacts/.
"""

from __future__ import annotations

import pathlib

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (
    ADMIN_EMAIL,
    DEMO_PASSWORD,
    DEMO_SCHOOLS,
    button,
    click_and_wait,
    fill,
    go,
    h1_text,
    path_of,
    screenshot,
    sign_in,
    sign_out,
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


def click(driver, text):
    click_and_wait(driver, button(driver, text))


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
    suggestion = driver.find_element(By.CSS_SELECTOR, "input[name=standards]")
    assert "WA-T-6" in driver.find_element(By.CSS_SELECTOR, f"label[for='{suggestion.get_attribute('id')}']").text
    suggestion.click()
    click(driver, "Save standards for goal 1")

    # Step 3: an action step.
    go(driver, plan_path + "/actions")
    driver.find_element(By.CSS_SELECTOR, "details summary").click()
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
    driver.find_element(By.ID, "kind-file").click()
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
    driver.find_element(By.ID, "kind-file").click()
    driver.find_element(By.ID, "field-file").send_keys(str(fake))
    fill(driver, "caption", "Not really a PDF")
    click(driver, "Add evidence")
    assert "its content is not" in driver.find_element(By.CSS_SELECTOR, ".field-error").text
    assert driver.find_element(By.NAME, "caption").get_attribute("value") == "Not really a PDF"
