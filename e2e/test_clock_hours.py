"""Browser test of verification and clock hours: the district admin opens the queue of signed plans, verifies
Diego Ramírez's (signed last school year, waiting in the demo district), and he then sees the 25 clock hours on
his ledger and his renewal tracker's sentence; Nguyễn Thị Hồng's plan, verified in the demo, is on hers.
axe checks every page; screenshots of /verification and /clock-hours at phone and desktop width land in
e2e/artifacts/.
"""

from __future__ import annotations

from selenium.webdriver.common.by import By

from conftest import (
    ADMIN_EMAIL,
    DEMO_PASSWORD,
    EDUCATOR_EMAIL,
    EDUCATOR_NAME,
    button,
    click_and_wait,
    go,
    h1_text,
    path_of,
    screenshot,
    sign_in,
)
from test_foundation import fresh_session

DIEGO_NAME = "Diego Ramírez"
DIEGO_EMAIL = "diego.ramirez@cascade.example"


def test_admin_verifies_a_signed_plan_and_the_educator_sees_her_hours(driver):
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    go(driver, "/verification")
    assert h1_text(driver) == "Verification"
    screenshot(driver, "verification-queue", 375)
    screenshot(driver, "verification-queue", 1280)
    rows = driver.find_elements(By.CSS_SELECTOR, "table.stack tbody tr td[data-label=Educator] a")
    diego = [a for a in rows if a.text == DIEGO_NAME]
    assert diego, [a.text for a in rows]
    click_and_wait(driver, diego[0])
    assert "Intact:" in driver.find_element(By.CSS_SELECTOR, ".signature").text
    screenshot(driver, "verification-detail", 375)
    click_and_wait(driver, button(driver, "Verify 25 clock hours"))
    assert path_of(driver) == "/verification"
    assert "25 clock hours are on the educator's ledger" in driver.find_element(By.CSS_SELECTOR, ".flash").text
    assert DIEGO_NAME not in driver.find_element(By.CSS_SELECTOR, "main").text, "verified plans leave the queue"

    fresh_session(driver)
    sign_in(driver, DIEGO_EMAIL, DEMO_PASSWORD)
    go(driver, "/clock-hours")
    assert "Growth plan 2025–26, verified" in driver.find_element(By.CSS_SELECTOR, "table.stack").text

    fresh_session(driver)
    sign_in(driver, EDUCATOR_EMAIL, DEMO_PASSWORD)
    go(driver, "/clock-hours")
    assert h1_text(driver) == "Your clock hours"
    ledger = driver.find_element(By.CSS_SELECTOR, "table.stack").text
    assert "Growth plan 2025–26, verified" in ledger and "25" in ledger
    tracker = driver.find_element(By.CSS_SELECTOR, "section.renewal")
    assert tracker.find_element(By.CSS_SELECTOR, "progress").get_attribute("value")
    sentences = [li.text for li in tracker.find_elements(By.CSS_SELECTOR, ".renewal__needs li")]
    assert tracker.find_elements(By.CSS_SELECTOR, ".renewal__summary") and (
        any(" before " in s or " were due by " in s for s in sentences) or "Renewal requirements met" in tracker.text
    ), tracker.text
    screenshot(driver, "clock-hours", 375)
    screenshot(driver, "clock-hours", 1280)
