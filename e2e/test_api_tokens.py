"""Browser test for API tokens: made on the account page, shown once, used
against /api/v1/me from a program (urllib, not the browser), revoked, refused.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (
    EDUCATOR_EMAIL,
    as_person,
    click_and_wait,
    fill,
    go,
    h1_text,
    submit_button,
    unique,
)


def call_me(base_url: str, secret: str) -> tuple[int, dict, str]:
    """GET /api/v1/me with the token, as an integration would: (status, JSON body, content type)."""
    request = urllib.request.Request(base_url + "/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read()), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}"), error.headers.get("Content-Type", "")


def test_a_token_is_shown_once_works_for_a_program_and_stops_when_revoked(driver, base_url):
    # setup
    as_person(driver, EDUCATOR_EMAIL)
    go(driver, "/account/password")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "API tokens"))
    assert h1_text(driver) == "Your API tokens"
    name = unique("Grade sync ")

    # run: a mistake first (no scope), which keeps the name
    fill(driver, "name", name)
    form = driver.find_element(By.NAME, "name").find_element(By.XPATH, "ancestor::form")
    click_and_wait(driver, submit_button(form, "Make token"))
    assert driver.title.startswith("Error:")
    assert driver.find_element(By.NAME, "name").get_attribute("value") == name
    assert "Choose at least one" in driver.find_element(By.ID, "field-scopes-error").text

    # run: choose a scope and a lifetime, make it
    driver.find_element(By.ID, "scope-plans-read").click()
    Select(driver.find_element(By.NAME, "expires_in_days")).select_by_visible_text("In 30 days")
    form = driver.find_element(By.NAME, "name").find_element(By.XPATH, "ancestor::form")
    click_and_wait(driver, submit_button(form, "Make token"))

    # check: shown once, with the warning
    assert h1_text(driver) == "Your new token"
    secret = driver.find_element(By.ID, "token-secret").get_attribute("value")
    assert secret.startswith("trl_") and len(secret) == 47
    assert "You will not see it again" in driver.find_element(By.TAG_NAME, "main").text
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Done"))
    assert secret not in driver.page_source
    assert secret[:12] in driver.page_source

    # check: a program uses it
    status, body, _ = call_me(base_url, secret)
    assert status == 200
    assert body["scopes"] == ["plans:read"] and body["token_kind"] == "personal"

    # run: revoke, after asking
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "tbody tr") if name in r.text)
    click_and_wait(driver, row.find_element(By.PARTIAL_LINK_TEXT, "Revoke"))
    assert name in h1_text(driver)
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Revoke token']"))
    assert f"“{name}” is revoked" in driver.find_element(By.CSS_SELECTOR, ".flash").text

    # check: the program is refused, with a problem object
    status, body, content_type = call_me(base_url, secret)
    assert status == 401
    assert content_type.startswith("application/problem+json")
    assert body["status"] == 401 and body["title"]
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "tbody tr") if name in r.text)
    assert "Revoked" in row.text
