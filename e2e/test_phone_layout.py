"""Browser test for the phone: on a 375 x 800 viewport the header stays one short line,
each page's main heading is in the first screenful, and no page scrolls sideways.
axe checks every page at that size. Screenshots land in e2e/artifacts/.
"""

from __future__ import annotations

import re

from selenium.webdriver.common.by import By

from conftest import (
    ADMIN_EMAIL,
    DEMO_PASSWORD,
    EDUCATOR_EMAIL,
    axe_check,
    click_and_wait,
    go,
    screenshot,
    sign_in,
)

WIDTH, HEIGHT = 375, 800
HEADER_AT_MOST = 80  # CSS px: one line with the name and a menu

_MEASURE = """
const header = document.querySelector('.site-header').getBoundingClientRect();
const h1 = document.querySelector('main h1').getBoundingClientRect();
const first = [...document.querySelector('main').children]
  .find(e => e.getBoundingClientRect().height > 0 && getComputedStyle(e).position !== 'absolute');
return {
  header: Math.round(header.height),
  h1Top: Math.round(h1.top), h1Bottom: Math.round(h1.bottom),
  firstContent: first ? Math.round(first.getBoundingClientRect().top) : null,
  scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth, innerHeight: window.innerHeight,
  // Visually hidden text (clipped to 1 px, e.g. a stacked table's header row) takes no room on screen.
  wide: [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
    .filter(e => { for (let n = e; n && n !== document.body; n = n.parentElement) {
      const style = getComputedStyle(n); if (style.clipPath !== 'none' || style.clip !== 'auto') return false; } return true; })
    .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')),
};
"""


def as_phone(driver) -> None:
    """A 375 x 800 phone viewport (with the page's meta viewport honoured), until cleared."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True},
    )


def measure_on_phone(driver, path: str, name: str) -> dict:
    """Open `path` as a phone, run axe, measure, and save a screenshot."""
    as_phone(driver)
    go(driver, path)
    found = driver.execute_script(_MEASURE)
    print(
        f"\n{name} at {WIDTH}x{HEIGHT}: header {found['header']}px, h1 at {found['h1Top']}-{found['h1Bottom']}px, "
        f"first content at {found['firstContent']}px, scrollWidth {found['scrollWidth']} of {found['innerWidth']}"
        + (f", too wide: {found['wide']}" if found["wide"] else "")
    )
    screenshot(driver, f"phone-{name}", WIDTH)  # clears the phone viewport afterwards
    found["name"] = name
    return found


def problems(found: dict) -> list[str]:
    wrong = []
    if found["header"] > HEADER_AT_MOST:
        wrong.append(f"{found['name']}: the header is {found['header']}px tall (at most {HEADER_AT_MOST})")
    if found["h1Bottom"] > found["innerHeight"]:
        wrong.append(f"{found['name']}: the main heading ends at {found['h1Bottom']}px, below the first screen")
    if found["scrollWidth"] > found["innerWidth"]:
        wrong.append(f"{found['name']}: the page is {found['scrollWidth']}px wide and scrolls sideways ({found['wide']})")
    if found["wide"]:
        # A table in a scrolling box keeps the page narrow but cuts its columns off: count that too.
        wrong.append(f"{found['name']}: content wider than the phone, cut off or scrolling in its box: {found['wide']}")
    return wrong


def test_admin_pages_fit_a_phone(driver):
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    pages = [measure_on_phone(driver, "/", "admin-home"), measure_on_phone(driver, "/admin/audit?kind=all", "admin-audit")]
    wrong = [p for found in pages for p in problems(found)]
    assert not wrong, "\n".join(wrong)
    screenshot(driver, "desktop-admin-audit", 1280)

    # The menu opens without JavaScript and holds the navigation and the sign-out button.
    as_phone(driver)
    go(driver, "/admin/audit", check_a11y=False)
    assert not driver.find_element(By.CSS_SELECTOR, ".site-nav--wide").is_displayed()
    menu = driver.find_element(By.CSS_SELECTOR, "details.menu > summary")
    assert menu.size["height"] >= 24 and menu.size["width"] >= 24, "the menu button is a big enough target"
    menu.click()
    panel = driver.find_element(By.CSS_SELECTOR, ".menu__panel")
    assert panel.is_displayed()
    links = [a.text for a in panel.find_elements(By.CSS_SELECTOR, "nav a")]
    assert "District" in links and "Verification" in links, links
    assert any(b.text == "Sign out" and b.is_displayed() for b in panel.find_elements(By.CSS_SELECTOR, "button"))
    axe_check(driver)
    screenshot(driver, "phone-menu-open", WIDTH)


def test_plan_pages_fit_a_phone(driver):
    sign_in(driver, EDUCATOR_EMAIL, DEMO_PASSWORD)
    go(driver, "/plans")
    plan_path = re.search(r'href="(/plans/[0-9a-fA-F-]{36})"', driver.page_source).group(1)
    pages = [
        measure_on_phone(driver, plan_path, "plan-overview"),
        measure_on_phone(driver, plan_path + "/actions", "plan-actions"),
    ]
    wrong = [p for found in pages for p in problems(found)]
    assert not wrong, "\n".join(wrong)
    screenshot(driver, "desktop-plan-actions", 1280)

    # The step bar: where you are, and the steps on either side.
    as_phone(driver)
    go(driver, plan_path + "/actions", check_a11y=False)
    assert not driver.find_element(By.CSS_SELECTOR, ".steps__all").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, ".steps__where").text.startswith("Step 3 of 6: Action plan")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, '.steps__bar a[rel="next"]'))
    assert driver.current_url.endswith("/evidence")
    # The action plan's steps are cards on a phone, each value labelled by its column.
    go(driver, plan_path + "/actions", check_a11y=False)
    cells = driver.find_elements(By.CSS_SELECTOR, "table.stack td[data-label]")
    assert cells, "the demo plan has action steps"
    assert driver.execute_script("return getComputedStyle(arguments[0]).display", cells[0]) != "table-cell"
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
