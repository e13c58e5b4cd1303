"""Browser tests for standards frameworks: a district admin imports a CASE package
through the admin page and finds a standard by search; a teacher browses the
built-in frameworks by keyboard. axe checks every page visited (through `go` and
`click_and_wait`).
"""

from __future__ import annotations

import json
import pathlib
import uuid

from selenium.webdriver.common.by import By

from conftest import (
    ADMIN_EMAIL,
    DEMO_PASSWORD,
    EDUCATOR_EMAIL,
    button,
    click_and_wait,
    field_message,
    fill,
    go,
    h1_text,
    path_of,
    screenshot,
    sign_in,
    type_and_submit,
)

FIXTURE = pathlib.Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "case" / "Utf8TestFramework.json"


def package_with_unique_identifiers(tmp_path: pathlib.Path) -> tuple[pathlib.Path, str]:
    """The published fixture with fresh identifiers, so the test can run again on the same server."""
    text = FIXTURE.read_text(encoding="utf-8")
    data = json.loads(text)
    old = data["CFDocument"]["identifier"]
    new = str(uuid.uuid4())
    path = tmp_path / "framework.json"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path, new


def test_admin_imports_a_case_package_and_finds_a_standard(driver, base_url, tmp_path):
    package, identifier = package_with_unique_identifiers(tmp_path)
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    go(driver, base_url + "/frameworks")
    driver.find_element(By.ID, "field-file").send_keys(str(package))
    import_button = [b for b in driver.find_elements(By.CSS_SELECTOR, "button[type=submit]") if b.text.strip() == "Import"][0]
    click_and_wait(driver, import_button)

    assert path_of(driver) == f"/frameworks/{identifier}"
    assert "UTF8 𝑑 Test" in h1_text(driver)
    assert "is imported" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    screenshot(driver, "framework-imported", 1280)

    search = driver.find_element(By.ID, "field-q")
    search.send_keys("Item 𝑑")
    click_and_wait(driver, search.find_element(By.XPATH, "./ancestor::form//button[@type='submit']"))
    results = driver.find_element(By.ID, "results-heading").text
    assert results.startswith("1 standard matches"), results
    assert "Item 𝑑 1" in driver.find_element(By.CSS_SELECTOR, ".results").text
    screenshot(driver, "framework-search", 375)


def test_a_bad_package_is_refused_with_its_problem(driver, base_url, tmp_path):
    bad = tmp_path / "not-case.json"
    bad.write_text('{"CFItems": []}', encoding="utf-8")
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    go(driver, base_url + "/frameworks")
    driver.find_element(By.ID, "field-file").send_keys(str(bad))
    import_button = [b for b in driver.find_elements(By.CSS_SELECTOR, "button[type=submit]") if b.text.strip() == "Import"][0]
    click_and_wait(driver, import_button)
    alert = driver.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert "not-case.json was not imported" in alert and "CFDocument" in alert


def test_admin_settings_page_is_accessible(driver, base_url):
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    go(driver, base_url + "/admin/settings")
    assert "District settings" in h1_text(driver)
    go(driver, base_url + "/frameworks/roles")
    assert "Frameworks for each role" in h1_text(driver)


def test_admin_rewrites_the_guiding_questions_and_goes_back(driver, base_url):
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    go(driver, base_url + "/admin/settings")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Read or change the guiding questions"))
    assert h1_text(driver) == "Guiding questions"
    try:
        # Too many questions in one box: the message sits at that box and the text stays.
        too_many = "\n".join(f"Question {n}?" for n in range(1, 14))
        fill(driver, "questions_specific", too_many)
        click_and_wait(driver, button(driver, "Save questions"))
        assert "this box has 13" in field_message(driver, "questions_specific")
        assert driver.find_element(By.NAME, "questions_specific").get_attribute("value") == too_many
        # A bank in the district's own words is saved.
        fill(driver, "questions_specific", "¿Qué verán tus estudiantes al final del año?")
        click_and_wait(driver, button(driver, "Save questions"))
        assert "The guiding questions are saved" in driver.find_element(By.CSS_SELECTOR, ".flash").text
        assert "your district's own questions" in driver.find_element(By.CSS_SELECTOR, "main").text
        screenshot(driver, "guiding-questions", 1280)
    finally:
        # Other browser tests expect Trellis's own questions.
        go(driver, base_url + "/admin/settings/questions", check_a11y=False)
        if driver.find_elements(By.XPATH, "//button[normalize-space()=\"Go back to Trellis's questions\"]"):
            click_and_wait(driver, button(driver, "Go back to Trellis's questions"))
    assert "Trellis's own guiding questions are back" in driver.find_element(By.CSS_SELECTOR, ".flash").text


def test_teacher_browses_and_searches_by_keyboard(driver, base_url):
    sign_in(driver, EDUCATOR_EMAIL, DEMO_PASSWORD)
    go(driver, base_url + "/frameworks/wa-teacher-criteria")
    # Submitting with Enter loads the results; axe runs on them.
    type_and_submit(driver, driver.find_element(By.ID, "field-q"), "student data")
    assert "student+data" in driver.current_url or "student%20data" in driver.current_url
    assert "WA-T-6" in driver.find_element(By.CSS_SELECTOR, ".results").text
    assert not driver.find_elements(By.ID, "field-file"), "teachers do not see the import form"
    screenshot(driver, "framework-tree", 375)
