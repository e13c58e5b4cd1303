"""Browser test of the leader's dashboard: Siobhán O'Connell, principal of Riverside Middle School, opens "Dashboard"
from the navigation and finds Diego Ramírez's quiet plan (stalled, or overdue for a check-in), the standards heat-map
with its counts as text, and a CSV download (fetched with her session, its status and headers checked). The district
admin reaches the district dashboard through "District". axe checks every page; screenshots at 1280 and 375 wide.
"""

from __future__ import annotations

from selenium.webdriver.common.by import By

from conftest import (
    ADMIN_EMAIL,
    LEADER_EMAIL,
    DEMO_PASSWORD,
    click_and_wait,
    go,
    h1_text,
    screenshot,
    sign_in,
)
from test_documents import download
from test_foundation import fresh_session

PRINCIPAL_EMAIL = "siobhan.oconnell@cascade.example"


def assert_header_is_one_line(driver, with_sign_out: bool = True) -> None:
    """At 1280 px the navigation is one line, and (`with_sign_out`) the person's name with "Sign out" shares it."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    items = driver.find_elements(By.CSS_SELECTOR, ".site-nav--wide .nav li")
    sign_out = driver.find_element(By.CSS_SELECTOR, "form.signout")
    tops = {item.rect["y"] for item in items}
    assert max(tops) - min(tops) < 10, f"the navigation wraps: {sorted(tops)}"
    assert not with_sign_out or abs(sign_out.rect["y"] + sign_out.rect["height"] / 2 - (items[0].rect["y"] + items[0].rect["height"] / 2)) < 20, "Sign out wraps"


def section(driver, heading_id: str):
    return driver.find_element(By.CSS_SELECTOR, f'section[aria-labelledby="{heading_id}"]')


def test_the_principal_sees_her_schools_follow_through(driver):
    fresh_session(driver)
    sign_in(driver, PRINCIPAL_EMAIL, DEMO_PASSWORD)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "header").find_element(By.LINK_TEXT, "Dashboard"))
    assert h1_text(driver).startswith("Riverside Middle School")

    # Diego's plan has had no check-in, change or coaching for six weeks: stalled, and overdue for a check-in.
    stalled = section(driver, "stalled-heading").text
    check_ins = section(driver, "checkins-heading")
    overdue_row = next(row for row in check_ins.find_elements(By.CSS_SELECTOR, "tbody tr") if "Overdue" in row.text)
    assert "Diego Ramírez" in stalled or "Diego Ramírez" in overdue_row.text
    # He shares his plan with the school's leaders, so his name links to it.
    assert section(driver, "statuses-heading").find_elements(By.LINK_TEXT, "Diego Ramírez")

    # The heat-map: a table of standards, each count written as the cell's text, shaded by a class.
    cells = section(driver, "standards-heading").find_elements(By.CSS_SELECTOR, "table.heat-map td.heat")
    assert cells and all(cell.text.isdigit() for cell in cells)
    assert any("heat--4" in cell.get_attribute("class") for cell in cells)

    status, headers, body = download(driver, driver.find_element(By.CSS_SELECTOR, 'a[href$="/plans.csv"]').get_attribute("href"))
    assert status == 200
    assert headers["content-type"] == "text/csv; charset=utf-8; header=present"
    assert headers["content-disposition"].startswith('attachment; filename="riverside-middle-school-plans-')
    assert body.startswith("\ufeffname,status,".encode()) and "Diego Ramírez".encode() in body

    screenshot(driver, "dashboard-school", 1280)
    screenshot(driver, "dashboard-school", 375)
    assert_header_is_one_line(driver)


def test_a_principal_who_also_teaches_keeps_a_one_line_navigation(driver):
    fresh_session(driver)
    sign_in(driver, LEADER_EMAIL, DEMO_PASSWORD)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "header").find_element(By.LINK_TEXT, "Dashboard"))
    assert h1_text(driver).startswith("Cedar Ridge Elementary")
    # Coaching (his own) and Dashboard both stay; his name and "Sign out" already took a second line before the
    # dashboard (its item takes the width "Standards" had), so only the navigation itself is held to one line here.
    assert_header_is_one_line(driver, with_sign_out=False)


def test_the_admin_opens_the_district_dashboard(driver):
    fresh_session(driver)
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    go(driver, "/admin")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main").find_element(By.LINK_TEXT, "Dashboard"))
    assert h1_text(driver) == "District dashboard"
    rows = driver.find_elements(By.CSS_SELECTOR, "table.district-dashboard tbody tr")
    assert [row.find_element(By.CSS_SELECTOR, "th").text for row in rows][:2] == ["Cedar Ridge Elementary", "Riverside Middle School"]
    assert "All schools" in driver.find_element(By.CSS_SELECTOR, "table.district-dashboard tfoot").text
    screenshot(driver, "dashboard-district", 1280)
    click_and_wait(driver, rows[1].find_element(By.LINK_TEXT, "Riverside Middle School"))
    assert h1_text(driver).startswith("Riverside Middle School")
