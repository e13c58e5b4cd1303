"""Shared fixtures and helpers for Trellis's browser tests.

The tests drive Debian's chromium through Selenium against a running Trellis
(script/e2e starts one with demo data and sets TRELLIS_URL). Every page a test
visits is checked with axe-core; serious and critical findings fail the test.
"""

from __future__ import annotations

import base64
import importlib.util
import os
import pathlib
import uuid
from urllib.parse import urlsplit

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ARTIFACTS = pathlib.Path(__file__).resolve().parent / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")

# The demo data every `trellis serve --demo` starts with (see DESIGN.md).
DEMO_PASSWORD = "trellis-demo-2026"
ADMIN_EMAIL = "priya.raman@cascade.example"
LEADER_EMAIL = "marcus.whitfield@cascade.example"
COACH_EMAIL = "zoe.angstrom@cascade.example"
COACH_NAME = "Zoë Ångström"
EDUCATOR_EMAIL = "hong.nguyen@cascade.example"
EDUCATOR_NAME = "Nguyễn Thị Hồng"
DEMO_SCHOOLS = ("Cedar Ridge Elementary", "Riverside Middle School")

# Exact viewports for screenshots (CSS pixels). The height is the viewport; the
# saved PNG covers the whole page.
VIEWPORTS = {375: 800, 1280: 900}

WAIT_SECONDS = 15
IMPACTS_THAT_FAIL = {"serious", "critical"}


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def base_url() -> str:
    url = os.environ.get("TRELLIS_URL")
    if not url:
        pytest.fail("TRELLIS_URL is not set: run the browser tests through script/e2e")
    return url.rstrip("/")


@pytest.fixture
def driver(request, base_url):
    """A fresh browser per test, so no cookie or page state leaks between tests.

    The app's base URL rides along on the driver (driver.base_url) so helpers can
    take just the driver.
    """
    options = Options()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",  # chromium's sandbox refuses to start as root
        "--disable-dev-shm-usage",  # /dev/shm is small in containers
        "--window-size=1280,900",
        "--lang=en-US",
        "--no-first-run",
        "--disable-background-networking",  # the machine is offline; don't try
    ):
        options.add_argument(arg)
    # Service path given explicitly: otherwise Selenium Manager tries to download a driver.
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    drv.set_page_load_timeout(30)
    drv.set_script_timeout(60)  # axe.run on a big page
    drv.base_url = base_url
    yield drv
    # On failure keep what the browser saw: a screenshot and the HTML.
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        stem = ARTIFACTS / f"FAILED-{request.node.name}"
        try:
            drv.save_screenshot(str(stem.with_suffix(".png")))
            stem.with_suffix(".html").write_text(drv.page_source, encoding="utf-8")
            print(f"\nfailure artifacts: {stem}.png/.html (at {drv.current_url})")
        except Exception as exc:  # the browser may be the thing that broke
            print(f"\ncould not save failure artifacts: {exc}")
    drv.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # Lets the driver fixture see whether the test body failed.
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


# ---------------------------------------------------------------- helpers


def unique(prefix: str = "") -> str:
    """A short token that makes names and emails unique per test run."""
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def path_of(driver: WebDriver) -> str:
    return urlsplit(driver.current_url).path


def wait_for(driver: WebDriver, css: str, timeout: float = WAIT_SECONDS) -> WebElement:
    return WebDriverWait(driver, timeout).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, css))
    )


def wait_loaded(driver: WebDriver) -> None:
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def go(driver: WebDriver, path_or_url: str, check_a11y: bool = True) -> None:
    """Open a page of the app (a path, or a full URL) and run axe on it."""
    url = path_or_url if "://" in path_or_url else driver.base_url + path_or_url
    driver.get(url)
    wait_loaded(driver)
    if check_a11y:
        axe_check(driver)


def click_and_wait(driver: WebDriver, element: WebElement, check_a11y: bool = True) -> None:
    """Click something that loads a new page (link or submit button) and wait for it.

    A plain click returns before the navigation finishes. The old document gets a
    marker; the new page is there when the marker is gone and it has loaded.
    (Selenium's staleness_of is flaky here: mid-navigation chromedriver can answer
    with a generic "Node ... does not belong to the document" error.)
    """
    _load_new_page(driver, element.click, check_a11y)


def type_and_submit(driver: WebDriver, field: WebElement, text: str, check_a11y: bool = True) -> None:
    """Type into a form's field and press Enter, as a keyboard user submits, and wait for the new page."""
    _load_new_page(driver, lambda: field.send_keys(text, Keys.ENTER), check_a11y)


def _load_new_page(driver: WebDriver, action, check_a11y: bool) -> None:
    driver.execute_script("window.__trellisOldPage = true")
    action()

    def new_page_loaded(d: WebDriver) -> bool:
        try:
            return d.execute_script(
                "return window.__trellisOldPage !== true && document.readyState === 'complete'"
            )
        except WebDriverException:  # the page is between documents; ask again
            return False

    WebDriverWait(driver, WAIT_SECONDS).until(
        new_page_loaded, f"that did not load a new page (still at {driver.current_url})"
    )
    if check_a11y:
        axe_check(driver)


def form_of(field: WebElement) -> WebElement:
    return field.find_element(By.XPATH, "./ancestor::form[1]")


def submit_button(form: WebElement, text: str | None = None) -> WebElement:
    """The form's <button type="submit">, optionally the one with the given label."""
    buttons = form.find_elements(By.CSS_SELECTOR, 'button[type="submit"]')
    if text is not None:
        buttons = [b for b in buttons if b.text.strip() == text]
    assert buttons, f"no submit button {text!r} in the form"
    return buttons[0]


def button(driver: WebDriver, text: str) -> WebElement:
    """A submit button anywhere on the page, by its visible label."""
    found = [
        b
        for b in driver.find_elements(By.CSS_SELECTOR, 'button[type="submit"]')
        if b.text.strip() == text
    ]
    assert found, f'no <button type="submit"> labelled {text!r} on {driver.current_url}'
    return found[0]


def click(driver: WebDriver, text: str) -> None:
    """Press the submit button labelled `text` and wait for the page it loads."""
    click_and_wait(driver, button(driver, text))


def link(driver: WebDriver, text: str) -> None:
    """Follow the link reading `text` and wait for the page it loads."""
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, text))


def set_value(driver: WebDriver, name: str, value: str) -> None:
    """Date and time fields take typed keys in the browser's locale; set what the form sends instead."""
    field = driver.find_element(By.NAME, name)
    driver.execute_script("arguments[0].value = arguments[1]", field, value)


def as_person(driver: WebDriver, email: str) -> None:
    """Forget every cookie and sign in as a demo person."""
    driver.delete_all_cookies()
    sign_in(driver, email, DEMO_PASSWORD)


def fill(driver: WebDriver, name: str, value: str) -> WebElement:
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)
    return field


def assert_csrf_field(form: WebElement) -> None:
    tokens = form.find_elements(By.CSS_SELECTOR, 'input[type="hidden"][name="csrf_token"]')
    assert tokens and tokens[0].get_attribute("value"), "form has no csrf_token hidden input"


def h1_text(driver: WebDriver) -> str:
    return wait_for(driver, "h1").text


def sign_in(driver: WebDriver, email: str, password: str) -> None:
    """Open /signin, fill in the form and submit it.

    Does not assert success: callers check where they landed.
    """
    go(driver, "/signin")
    email_field = wait_for(driver, 'input[name="email"]')
    form = form_of(email_field)
    assert_csrf_field(form)
    email_field.clear()
    email_field.send_keys(email)
    password_field = form.find_element(By.NAME, "password")
    password_field.clear()
    password_field.send_keys(password)
    click_and_wait(driver, submit_button(form))


def sign_out(driver: WebDriver) -> None:
    click_and_wait(driver, button(driver, "Sign out"))


def error_messages(driver: WebDriver) -> list[str]:
    """Visible error texts: elements with class field-error or role=alert."""
    return [
        e.text.strip()
        for e in driver.find_elements(By.CSS_SELECTOR, '.field-error, [role="alert"]')
        if e.is_displayed() and e.text.strip()
    ]


def field_message(driver: WebDriver, name: str) -> str:
    """The message shown next to form field `name`, or "" if there is none.

    Looks first at what the field's aria-describedby points to, then for an error
    element close to the field (same wrapper, up to three levels up).
    """
    field = driver.find_element(By.NAME, name)
    texts = []
    for ref in (field.get_attribute("aria-describedby") or "").split():
        try:
            el = driver.find_element(By.ID, ref)
        except NoSuchElementException:
            continue
        if el.is_displayed() and el.text.strip() and _looks_like_error(el):
            texts.append(el.text.strip())
    if texts:
        return " ".join(texts)
    node = field
    for _ in range(3):
        node = node.find_element(By.XPATH, "..")
        if node.tag_name.lower() == "form":
            break
        for el in node.find_elements(By.CSS_SELECTOR, '.field-error, [role="alert"]'):
            if el.is_displayed() and el.text.strip():
                return el.text.strip()
    return ""


def _looks_like_error(el: WebElement) -> bool:
    # aria-describedby may also point to a permanent hint ("We'll email a link");
    # count only error elements.
    classes = (el.get_attribute("class") or "").split()
    return "field-error" in classes or el.get_attribute("role") == "alert"


# ---------------------------------------------------------------- axe


def _axe_source() -> str:
    """axe.min.js as shipped inside the axe-playwright-python package.

    find_spec locates the package without importing it (importing would need
    Playwright, which we do not install).
    """
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("axe-playwright-python is not installed: run script/bootstrap")
    for location in spec.submodule_search_locations:
        for path in pathlib.Path(location).rglob("axe.min.js"):
            return path.read_text(encoding="utf-8")
    pytest.fail("axe.min.js not found inside the axe-playwright-python package")


_AXE_SOURCE: str | None = None

_AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ["violations"]})
  .then(r => done({violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target, html: n.html, impact: n.impact}))
  }))}))
  .catch(e => done({error: String(e && e.stack || e)}));
"""


def axe_check(driver: WebDriver) -> list[dict]:
    """Run axe-core on the current page; fail on serious or critical violations.

    Minor and moderate findings are printed (pytest shows them with -s or on
    failure) but do not fail the test. Returns all violations.
    """
    global _AXE_SOURCE
    if _AXE_SOURCE is None:
        _AXE_SOURCE = _axe_source()
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(_AXE_SOURCE)
    result = driver.execute_async_script(_AXE_RUN)
    if result.get("error"):
        pytest.fail(f"axe-core could not run on {driver.current_url}: {result['error']}")
    violations = result["violations"]
    page = f"{path_of(driver)} ({driver.title!r})"
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"])
                            for n in v["nodes"][:10])
        more = f" (+{len(v['nodes']) - 10} more)" if len(v["nodes"]) > 10 else ""
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']}\n      nodes: {targets}{more}\n      {v['helpUrl']}")
    blocking = [v for v in violations if v["impact"] in IMPACTS_THAT_FAIL]
    if blocking:
        pytest.fail(
            f"axe found {len(blocking)} serious/critical accessibility violation(s) on {page}:\n"
            + "\n".join(lines),
            pytrace=False,
        )
    if lines:
        print(f"axe on {page} (minor/moderate only):\n" + "\n".join(lines))
    return violations


# ---------------------------------------------------------------- screenshots


def screenshot(driver: WebDriver, name: str, width: int) -> pathlib.Path:
    """Save a full-page PNG of the current page at an exact viewport, e.g. 375x800.

    set_window_size would size the outer window (the page gets ~140 px less), so
    the viewport is set through CDP instead; widths under 600 px are emulated as a
    phone (the page's <meta name=viewport> then counts, as on a real phone). The
    capture covers the page's whole content size laid out at that viewport. A page
    wider than the phone makes a wider PNG and a printed note: that is a layout
    bug worth seeing, not hiding.
    """
    height = VIEWPORTS.get(width, 900)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    try:
        content = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        full_width = max(width, int(content["width"]))
        full_height = max(height, int(content["height"]))
        if full_width > width:
            print(f"note: {path_of(driver)} is {full_width}px wide at a {width}px viewport (sideways scrolling)")
        shot = driver.execute_cdp_cmd(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": full_width, "height": full_height, "scale": 1},
            },
        )
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}-{width}x{height}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path
