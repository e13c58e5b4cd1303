"""Browser test of review and signature: a teacher asks someone outside Trellis, who returns the plan through
their link; the teacher revises and asks again; the reviewer, in a browser with no cookies, sees what changed and
signs; the teacher sees "Signed" and checks the signature. axe checks every page; screenshots of the reviewer's
page and the owner's review page at desktop and phone width land in e2e/artifacts/.
"""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (
    ADMIN_EMAIL,
    DEMO_PASSWORD,
    axe_check,
    click,
    click_and_wait,
    fill,
    go,
    h1_text,
    path_of,
    screenshot,
    sign_in,
)
from test_documents import download
from test_foundation import fresh_session
from test_growth_plans import PDF, PASSWORD, new_teacher, open_step_form


def write_ready_plan(driver, tmp_path) -> tuple[str, str]:
    """A new teacher's plan with everything review asks for: an aligned goal, a step, evidence, a reflection.
    Returns the plan's path and the teacher's email."""
    email = new_teacher(driver)
    go(driver, "/plans")
    click(driver, next(b.text for b in driver.find_elements(By.CSS_SELECTOR, "button[type=submit]") if b.text.startswith("Start your")))
    plan_path = path_of(driver).rsplit("/", 1)[0]
    fill(driver, "statement", "I will use exit tickets every week to adjust small-group instruction")
    fill(driver, "measure", "district fluency benchmark")
    click(driver, "Save goal")
    go(driver, plan_path + "/alignment")
    driver.find_element(By.CSS_SELECTOR, "input[type=checkbox][name^=standards_]").click()
    click(driver, "Save standards")
    go(driver, plan_path + "/actions")
    open_step_form(driver, 1)
    fill(driver, "what", "Give a two-question exit ticket every Friday")
    click(driver, "Add step")
    go(driver, plan_path)
    click(driver, "Make this plan active")
    pdf = tmp_path / "exit-tickets.pdf"
    pdf.write_bytes(PDF)
    go(driver, plan_path + "/evidence")
    driver.find_element(By.ID, "field-file").send_keys(str(pdf))
    fill(driver, "caption", "Exit tickets from week 3")
    driver.find_element(By.ID, "evidence-goal-0").click()
    click(driver, "Add evidence")
    go(driver, plan_path + "/reflection")
    fields = driver.find_elements(By.CSS_SELECTOR, "textarea")
    fields[0].send_keys("More students reach the benchmark")
    fields[1].send_keys("I plan groups from data, not habit")
    click(driver, "Save reflection")
    return plan_path, email


def ask_outside_reviewer(driver, plan_path: str, shots: str | None = None) -> str:
    """Asks Dana Peer (outside Trellis) from the review page; returns the link the flash shows once."""
    go(driver, plan_path)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Go to review and signature"))
    assert path_of(driver) == plan_path + "/review"
    if shots:
        screenshot(driver, shots + "-desktop", 1280)
        screenshot(driver, shots + "-phone", 375)
    driver.find_element(By.ID, "reviewer-kind-outside").click()
    fill(driver, "reviewer_name", "Dana Peer")
    fill(driver, "reviewer_email", "dana.peer@example.org")
    fill(driver, "reviewer_certificate", "512345")
    click(driver, next(b.text for b in driver.find_elements(By.CSS_SELECTOR, "button[type=submit]") if b.text.startswith("Ask for review")))
    flash = driver.find_element(By.CSS_SELECTOR, ".flash").text
    assert "Send this link to Dana Peer" in flash, flash
    return driver.find_element(By.ID, "one-time-link").get_dom_attribute("href")


def as_stranger(driver, link: str) -> None:
    """Opens the link in a browser that has no cookies for Trellis."""
    fresh_session(driver)
    go(driver, link)
    assert "Review of Sam Ortíz" in h1_text(driver)


def test_an_outside_reviewer_returns_then_signs_through_links(driver, tmp_path):
    plan_path, email = write_ready_plan(driver, tmp_path)
    link = ask_outside_reviewer(driver, plan_path, shots="review-owner-ask")
    screenshot(driver, "review-owner-asked-desktop", 1280)
    screenshot(driver, "review-owner-asked-phone", 375)
    go(driver, plan_path + "/review")
    assert not driver.find_elements(By.ID, "one-time-link"), "the link is shown once"
    assert "Dana Peer" in driver.page_source and "Withdraw the request" in driver.page_source

    # The reviewer returns it with a comment on the goal.
    as_stranger(driver, link)
    assert "Download Exit tickets from week 3" in driver.page_source
    fill(driver, "note", "Say what score on the benchmark counts as growth.")
    driver.find_element(By.CSS_SELECTOR, "textarea[name^=comment_]:not([name=comment_plan])").send_keys("What is the target?")
    click(driver, "Return for changes")
    assert path_of(driver) == "/review-done"
    assert "You returned" in driver.page_source
    go(driver, link)
    assert "doesn" in h1_text(driver), "a used link opens nothing"

    # The teacher revises and asks again.
    fresh_session(driver)
    sign_in(driver, email, PASSWORD)
    go(driver, plan_path + "/review")
    assert "Say what score on the benchmark counts as growth." in driver.page_source
    assert "What is the target?" in driver.page_source
    go(driver, plan_path + "/goals")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main a[href*='/goals/']"))
    fill(driver, "target", "80% of students at benchmark by May")
    click(driver, "Save goal")
    second = ask_outside_reviewer(driver, plan_path)

    # A browser with no cookies opens the new link, sees what changed, and signs.
    as_stranger(driver, second)
    assert "What changed since submission 1" in driver.page_source
    assert "80% of students at benchmark by May" in driver.find_element(By.CSS_SELECTOR, "table.changes").text
    screenshot(driver, "review-reviewer-desktop", 1280)
    screenshot(driver, "review-reviewer-phone", 375)
    click(driver, "Sign the plan")
    assert "Tick the box" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    axe_check(driver)
    assert driver.find_element(By.NAME, "signer_name").get_attribute("value") == "Dana Peer"
    driver.find_element(By.ID, "field-attest").click()
    click(driver, "Sign the plan")
    assert path_of(driver) == "/review-done"
    assert "You signed Sam Ortíz" in driver.page_source

    # The teacher sees the signature and checks it.
    fresh_session(driver)
    sign_in(driver, email, PASSWORD)
    go(driver, plan_path + "/review")
    assert "Signed" in driver.find_element(By.CSS_SELECTOR, ".status").text
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Check the signature"))
    assert "The stored snapshot still matches its SHA-256" in driver.page_source
    screenshot(driver, "review-owner-signed-desktop", 1280)
    screenshot(driver, "review-owner-signed-phone", 375)
    go(driver, "/notifications")
    assert "Dana Peer signed your growth plan." in driver.page_source

    # The district verifies it from its queue; the teacher then downloads the verification form and sees the
    # 25 hours on the renewal tracker.
    fresh_session(driver)
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    go(driver, "/verification")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Sam Ortíz"))
    click(driver, "Verify 25 clock hours")
    assert "25 clock hours are on the educator's ledger" in driver.find_element(By.CSS_SELECTOR, ".flash").text
    fresh_session(driver)
    sign_in(driver, email, PASSWORD)
    go(driver, plan_path)
    form_link = driver.find_element(By.LINK_TEXT, "Download the verification form (PDF)")
    status, headers, body = download(driver, form_link.get_attribute("href"))
    assert status == 200 and headers["content-type"] == "application/pdf" and body.startswith(b"%PDF")
    go(driver, "/clock-hours")
    assert "25" in driver.find_element(By.CSS_SELECTOR, "table.stack").text
    # With a certificate on file, the renewal tracker counts the plan.
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Add a certificate"))
    Select(driver.find_element(By.NAME, "type")).select_by_value("professional_teacher")
    fill(driver, "number", "512345")
    for name, value in (("issued_on", "2024-07-01"), ("expires_on", "2029-06-30")):
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.NAME, name), value)
    click(driver, "Save the certificate")
    tracker = driver.find_element(By.CSS_SELECTOR, "section.renewal")
    assert "25 of 100 clock hours" in tracker.text, tracker.text
    assert tracker.find_element(By.CSS_SELECTOR, "progress").get_attribute("value")
    axe_check(driver)
