"""Browser test of the documents: Nguyễn Thị Hồng downloads the printable plan and the verification form of her
verified 2025–26 plan (the downloads are fetched with her session cookie, as the browser would, and their headers
checked), and the district admin's Exports page answers a ZIP and a CSV, and a range ending before it starts with
the message at the field. axe checks every page.
"""

from __future__ import annotations

import urllib.error
import urllib.request

from selenium.webdriver.common.by import By

from conftest import (
    ADMIN_EMAIL,
    DEMO_PASSWORD,
    EDUCATOR_EMAIL,
    click_and_wait,
    go,
    h1_text,
    screenshot,
    sign_in,
    submit_button,
)
from test_foundation import fresh_session


def download(driver, href: str) -> tuple[int, dict[str, str], bytes]:
    """GET `href` with the browser's cookies; the status, headers (lower-case names) and body."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(href, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def assert_download(headers: dict[str, str], media_type: str, filename: str) -> None:
    assert headers["content-type"] == media_type
    assert headers["content-disposition"].startswith(f'attachment; filename="{filename}"'), headers["content-disposition"]
    assert headers["cache-control"] == "private, no-store"
    assert headers["x-content-type-options"] == "nosniff"


def test_the_educator_downloads_her_plan_and_verification_form(driver):
    sign_in(driver, EDUCATOR_EMAIL, DEMO_PASSWORD)
    go(driver, "/plans")
    plan = next(a for a in driver.find_elements(By.CSS_SELECTOR, ".plain-list a") if "2025–26" in a.text)
    click_and_wait(driver, plan)
    documents = driver.find_element(By.CSS_SELECTOR, 'section[aria-labelledby="documents-heading"]')
    plan_link = documents.find_element(By.LINK_TEXT, "Download the plan (PDF)")
    form_link = documents.find_element(By.LINK_TEXT, "Download the verification form (PDF)")

    status, headers, body = download(driver, plan_link.get_attribute("href"))
    assert status == 200 and body.startswith(b"%PDF-")
    assert_download(headers, "application/pdf", "growth-plan-2025-26-nguyen-thi-hong.pdf")
    status, headers, body = download(driver, form_link.get_attribute("href"))
    assert status == 200 and body.startswith(b"%PDF-")
    assert_download(headers, "application/pdf", "verification-form-2025-26-nguyen-thi-hong.pdf")


def test_the_admin_exports_forms_and_clock_hours(driver):
    fresh_session(driver)
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    go(driver, "/admin")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Exports"))
    assert h1_text(driver) == "Exports"
    screenshot(driver, "exports", 375)
    base = driver.base_url
    # The demo verified her 2025–26 plan in August 2026, in the 2026–27 school year.
    status, headers, body = download(driver, f"{base}/admin/exports/verification-forms.zip?from=2026-07-01&to=2027-06-30")
    assert status == 200 and body.startswith(b"PK")
    assert_download(headers, "application/zip", "verification-forms-2026-07-01-2027-06-30.zip")
    status, headers, body = download(driver, f"{base}/admin/exports/clock-hours.csv?from=2025-07-01&to=2026-06-30&excel=yes")
    assert status == 200 and body.startswith("\ufeffeducator_name,".encode())
    assert_download(headers, "text/csv; charset=utf-8", "clock-hours-2025-07-01-2026-06-30.csv")

    # A range ending before it starts comes back with the message at the field and the dates as typed.
    to = driver.find_element(By.ID, "hours-to")
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "hours-from"), "2026-06-30")
    driver.execute_script("arguments[0].value = arguments[1]", to, "2025-07-01")
    click_and_wait(driver, submit_button(to.find_element(By.XPATH, "./ancestor::form"), "Download the CSV"))
    assert "The end date must be on or after the start date" in driver.find_element(By.ID, "hours-to-error").text
    assert driver.find_element(By.ID, "hours-to").get_attribute("value") == "2025-07-01"
    screenshot(driver, "exports-refused", 1280)
