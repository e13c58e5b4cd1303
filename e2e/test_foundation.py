"""Browser tests for Trellis's foundation: sign-in, schools, people, set-password
links, deactivation, audit log.

Each test starts its own browser and makes its own data (unique emails), so the
tests can run in any order, alone, or again against the same server.
"""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (
    ADMIN_EMAIL,
    COACH_EMAIL,
    COACH_NAME,
    DEMO_PASSWORD,
    DEMO_SCHOOLS,
    EDUCATOR_EMAIL,
    EDUCATOR_NAME,
    button,
    click_and_wait,
    error_messages,
    field_message,
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

TEACHER_NAME = "Zoë Test-Ångström"
NEW_PASSWORD = "Lakeside-garden-2026!"
PERSON_PAGE = re.compile(r"^/admin/people/(?!new$)[^/]+$")


# ---------------------------------------------------------------- page helpers


def nav_link(driver, text):
    """A link in the navigation; a district admin's own pages are one step further, behind "District"."""
    links = driver.find_elements(By.LINK_TEXT, text)
    if not links and driver.find_elements(By.LINK_TEXT, "District"):
        click_and_wait(driver, driver.find_element(By.LINK_TEXT, "District"))
        links = driver.find_elements(By.LINK_TEXT, text)
    assert links, f"no link {text!r} on {driver.current_url}"
    return links[0]


def listed_texts(driver) -> str:
    """Text of list items and table cells: where lists of things are shown."""
    return "\n".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "li, td, th, dd"))


def without_browser_validation(driver):
    """Let the server, not the browser, judge bad input: the test is about what the
    server does when required/type=email checks are bypassed."""
    driver.execute_script("document.querySelectorAll('form').forEach(f => f.noValidate = true)")


def add_school(driver, name: str) -> None:
    """On /admin/schools: submit the add-school form and check the list shows it."""
    assert path_of(driver) == "/admin/schools"
    field = fill(driver, "name", name)
    click_and_wait(driver, submit_button(form_of(field), "Add school"))
    assert name in listed_texts(driver), f"{name!r} is not in the schools list after adding it"


def fill_person_form(driver, name: str, email: str, school: str, roles=("educator",)) -> None:
    assert path_of(driver) == "/admin/people/new"
    fill(driver, "display_name", name)
    fill(driver, "email", email)
    Select(driver.find_element(By.NAME, "school_id")).select_by_visible_text(school)
    for role in ("educator", "coach", "leader", "district_admin"):
        box = driver.find_element(By.ID, f"role-{role}")
        assert box.get_attribute("name") == "roles" and box.get_attribute("value") == role
        if box.is_selected() != (role in roles):
            box.click()


def add_person(driver, name: str, email: str, school: str, roles=("educator",)) -> tuple[str, str]:
    """As a signed-in admin: add a person; returns (person page URL, one-time link)."""
    go(driver, "/admin/people/new")
    fill_person_form(driver, name, email, school, roles)
    click_and_wait(driver, button(driver, "Add person"))
    assert PERSON_PAGE.match(path_of(driver)), (
        f"expected the new person's page /admin/people/{{id}}, got {driver.current_url}: {error_messages(driver)}"
    )
    assert name in driver.find_element(By.TAG_NAME, "body").text
    link = driver.find_element(By.ID, "one-time-link")
    assert link.tag_name.lower() == "a"
    raw_href = link.get_dom_attribute("href") or ""
    assert raw_href.startswith(driver.base_url + "/reset/"), (
        f"the one-time link should be the full URL {driver.base_url}/reset/<token>, got {raw_href!r}"
    )
    return driver.current_url, raw_href


def set_password(driver, link: str, password: str) -> None:
    """Open a one-time link (in whatever session the driver has) and set a password."""
    go(driver, link)
    fill(driver, "new_password", password)
    field = fill(driver, "confirm_password", password)
    click_and_wait(driver, submit_button(form_of(field), "Set password"))
    assert path_of(driver) == "/signin", f"expected /signin after setting a password, got {driver.current_url}"
    statuses = [e.text for e in driver.find_elements(By.CSS_SELECTOR, '[role="status"]') if e.text.strip()]
    assert statuses, "no role=status message after setting the password"


def assert_signed_in_as(driver, display_name: str) -> None:
    assert path_of(driver) == "/", f"expected the home page, got {driver.current_url}: {error_messages(driver)}"
    heading = h1_text(driver)
    assert display_name in heading, f"home <h1> is {heading!r}, expected it to contain {display_name!r}"


def assert_sign_in_refused(driver, email: str) -> None:
    assert driver.find_elements(By.CSS_SELECTOR, 'input[name="password"]'), (
        f"expected the sign-in form again, got {driver.current_url}"
    )
    assert error_messages(driver), "no error (.field-error or role=alert) after a refused sign-in"
    assert driver.find_element(By.NAME, "email").get_attribute("value") == email, "typed email was not kept"


def fresh_session(driver) -> None:
    """Forget every cookie: from here on the browser is a stranger to the app."""
    driver.delete_all_cookies()


# ---------------------------------------------------------------- the tests


def test_admin_adds_school_and_teacher_who_sets_password_and_signs_in(driver):
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    assert path_of(driver) == "/", f"admin sign-in did not land on /: {error_messages(driver)}"
    assert h1_text(driver).strip()
    screenshot(driver, "admin-home", 375)
    screenshot(driver, "admin-home", 1280)

    # Schools: the demo ones are listed; add Lakeside High School.
    click_and_wait(driver, nav_link(driver, "Schools"))
    assert path_of(driver) == "/admin/schools"
    for school in DEMO_SCHOOLS:
        assert school in listed_texts(driver), f"demo school {school!r} not listed"
    school = "Lakeside High School"
    if school in listed_texts(driver):  # a reused server: keep this run's data its own
        school = f"Lakeside High School {unique()}"
    add_school(driver, school)

    # People: add a teacher at the new school.
    click_and_wait(driver, nav_link(driver, "People"))
    assert path_of(driver) == "/admin/people"
    assert driver.find_elements(By.TAG_NAME, "table"), "the people list is not a table"
    click_and_wait(driver, nav_link(driver, "Add person"))
    assert path_of(driver) == "/admin/people/new"
    email = f"zoe.test.{unique()}@lakeside.example"
    fill_person_form(driver, TEACHER_NAME, email, school)
    click_and_wait(driver, button(driver, "Add person"))
    assert PERSON_PAGE.match(path_of(driver)), f"not on the person's page: {driver.current_url}: {error_messages(driver)}"
    assert TEACHER_NAME in driver.find_element(By.TAG_NAME, "body").text
    link = driver.find_element(By.ID, "one-time-link").get_dom_attribute("href") or ""
    assert link.startswith(driver.base_url + "/reset/"), f"one-time link is {link!r}"

    go(driver, "/admin/people")
    people = driver.find_element(By.TAG_NAME, "table").text
    assert TEACHER_NAME in people and email in people, "the new teacher is not in the people table"
    screenshot(driver, "people", 375)
    screenshot(driver, "people", 1280)

    # The teacher, in a fresh session, sets her password and signs in.
    fresh_session(driver)
    set_password(driver, link, NEW_PASSWORD)
    sign_in(driver, email, NEW_PASSWORD)
    assert_signed_in_as(driver, TEACHER_NAME)
    screenshot(driver, "teacher-home", 375)
    screenshot(driver, "teacher-home", 1280)

    # The link is one-time: a second use must not set a password again.
    fresh_session(driver)
    go(driver, link)
    fields = driver.find_elements(By.NAME, "new_password")
    if fields:  # the form may still render; submitting it must not succeed
        fill(driver, "new_password", "Another-password-2026!")
        field = fill(driver, "confirm_password", "Another-password-2026!")
        click_and_wait(driver, submit_button(form_of(field), "Set password"))
    sign_in(driver, email, "Another-password-2026!")
    assert path_of(driver) != "/", "a used one-time link set a password a second time"


BAD_PERSON_INPUT = {
    # case: (display_name, email, field that must carry a message)
    "empty name": ("", "fresh.{u}@cascade.example", "display_name"),
    "invalid email": ("Bad Email Person", "not-an-email-{u}", "email"),
    "duplicate email": ("Duplicate Person", EDUCATOR_EMAIL, "email"),
}


@pytest.mark.parametrize("case", BAD_PERSON_INPUT.keys())
def test_add_person_with_bad_input_keeps_values_and_explains(driver, case):
    name, email, bad_field = BAD_PERSON_INPUT[case]
    email = email.format(u=unique())
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    go(driver, "/admin/people/new")
    fill_person_form(driver, name, email, DEMO_SCHOOLS[0])
    without_browser_validation(driver)
    click_and_wait(driver, button(driver, "Add person"))

    assert not PERSON_PAGE.match(path_of(driver)), f"{case}: the person was created anyway"
    assert driver.find_element(By.NAME, "display_name").get_attribute("value") == name, "typed name was not kept"
    assert driver.find_element(By.NAME, "email").get_attribute("value") == email, "typed email was not kept"
    message = field_message(driver, bad_field)
    assert message, (
        f"{case}: no message next to the {bad_field!r} field "
        f"(looked at aria-describedby and nearby .field-error/role=alert); errors on page: {error_messages(driver)}"
    )


def test_wrong_password_shows_an_error_and_keeps_the_email(driver):
    sign_in(driver, EDUCATOR_EMAIL, "not-the-password")
    assert_sign_in_refused(driver, EDUCATOR_EMAIL)


def test_deactivated_teacher_cannot_sign_in(driver):
    email = f"deactivate.me.{unique()}@riverside.example"
    name = f"Teacher To Deactivate {unique()}"
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    person_url, link = add_person(driver, name, email, "Riverside Middle School")

    # She can sign in before...
    fresh_session(driver)
    set_password(driver, link, NEW_PASSWORD)
    sign_in(driver, email, NEW_PASSWORD)
    assert_signed_in_as(driver, name)

    # ...the admin deactivates her...
    fresh_session(driver)
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    go(driver, person_url)
    click_and_wait(driver, button(driver, "Deactivate"))

    # ...and then she cannot.
    fresh_session(driver)
    sign_in(driver, email, NEW_PASSWORD)
    assert_sign_in_refused(driver, email)


@pytest.mark.parametrize("email,name", [(EDUCATOR_EMAIL, EDUCATOR_NAME), (COACH_EMAIL, COACH_NAME)])
def test_demo_people_sign_in_and_see_their_names_exactly(driver, email, name):
    # Vietnamese and Scandinavian letters must survive database, templates and browser.
    sign_in(driver, email, DEMO_PASSWORD)
    assert_signed_in_as(driver, name)


def test_sign_out_ends_the_session(driver):
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    assert path_of(driver) == "/"
    sign_out(driver)
    go(driver, "/admin/people")
    assert not driver.find_elements(By.LINK_TEXT, "Add person"), "admin pages still open after signing out"


def test_educator_does_not_get_admin_pages(driver):
    sign_in(driver, EDUCATOR_EMAIL, DEMO_PASSWORD)
    assert_signed_in_as(driver, EDUCATOR_NAME)
    assert not driver.find_elements(By.LINK_TEXT, "People"), "an educator sees the admin People link"
    go(driver, "/admin/people")
    assert not driver.find_elements(By.LINK_TEXT, "Add person"), "an educator can open /admin/people"


def test_form_without_csrf_token_is_refused(driver):
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    go(driver, "/admin/schools")
    school = f"Forged School {unique()}"
    field = fill(driver, "name", school)
    form = form_of(field)
    driver.execute_script("arguments[0].querySelector('input[name=csrf_token]').remove()", form)
    click_and_wait(driver, submit_button(form, "Add school"), check_a11y=False)
    go(driver, "/admin/schools")
    assert school not in listed_texts(driver), "a form without csrf_token was accepted"


def test_audit_log_lists_sign_ins(driver):
    sign_in(driver, ADMIN_EMAIL, DEMO_PASSWORD)
    click_and_wait(driver, nav_link(driver, "Audit log"))
    assert path_of(driver) == "/admin/audit"
    rows = driver.find_elements(By.CSS_SELECTOR, "table tbody tr")
    assert rows, "the audit log has no table rows"
    text = driver.find_element(By.TAG_NAME, "table").text
    assert re.search(r"sign.?in", text, re.IGNORECASE), "no sign-in event in the audit log"
