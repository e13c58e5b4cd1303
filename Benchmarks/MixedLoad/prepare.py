#!/usr/bin/env python3
"""Signs in many demo teachers and writes what the mixed load (mixed.lua) sends as each of them.

Usage: prepare.py BASE_URL EMAILS_FILE OUTPUT_TSV PASSWORD

For each email: signs in the way a browser does (its own session cookie and form token), finds this year's plan,
and reads the real check-in form and the form of the plan's first action step, so the saves the load makes are the
forms a person would send. One tab-separated line per teacher:
  cookie, plan path, version, check-in action, check-in body, step action, step body
Bodies are URL-encoded with __VERSION__ (the plan version the form was made from) and __N__ (a counter, so every save
changes something) left for the load to fill in. Teachers whose plan cannot be edited are left out. Standard library only.
"""
import concurrent.futures
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class PostForm(HTMLParser):
    """The first <form method="post"> of a page whose action contains `wanted` (the layout's sign-out form comes
    first on every page): its action and the fields a browser would send unchanged."""

    def __init__(self, wanted):
        super().__init__()
        self.wanted = wanted
        self.action, self.fields, self.radios = None, [], {}
        self.inside = self.done = False
        self.textarea = self.select = None
        self.select_first = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.done:
            return
        if tag == "form" and (a.get("method") or "").lower() == "post" and self.wanted in (a.get("action") or "") and self.action is None:
            self.action, self.inside = a.get("action") or "", True
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind == "radio":
                self.radios.setdefault(name, a.get("value") or "")
                if "checked" in a:
                    self.radios[name] = a.get("value") or ""
            elif kind == "checkbox":
                if "checked" in a:
                    self.fields.append((name, a.get("value") or "on"))
            elif kind not in ("submit", "button", "file"):
                self.fields.append((name, a.get("value") or ""))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select, self.select_first = [name, None], None
        elif tag == "option" and self.select is not None:
            if self.select_first is None:
                self.select_first = a.get("value") or ""
            if "selected" in a:
                self.select[1] = a.get("value") or ""

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            self.fields.append((self.select[0], self.select[1] if self.select[1] is not None else (self.select_first or "")))
            self.select = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def post_form(html, wanted):
    form = PostForm(wanted)
    form.feed(html)
    if form.action is None:
        return None
    form.fields += list(form.radios.items())
    return form


def body(fields, change):
    """URL-encoded fields with the version left as __VERSION__ and `change` applied (name -> value)."""
    out = []
    for name, value in fields:
        if name == "version":
            value = "__VERSION__"
        value = change.get(name, value)
        out.append(urllib.parse.quote_plus(name) + "=" + urllib.parse.quote_plus(value))
    return "&".join(out)


def prepare(base, email, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def get(path):
        with opener.open(base + path, timeout=30) as response:
            return response.read().decode("utf-8")

    token = re.search(r'name="csrf_token" value="([^"]*)"', get("/signin")).group(1)
    data = urllib.parse.urlencode({"email": email, "password": password, "csrf_token": token}).encode()
    with opener.open(base + "/signin", data=data, timeout=30) as response:
        response.read()
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    if "trellis_session=" not in cookie:
        raise RuntimeError(f"signing in as {email} gave no session cookie")
    plan = re.search(r'href="(/plans/[0-9a-f-]{36})"', get("/plans"))
    if not plan:
        return None
    plan = plan.group(1)
    check_in = post_form(get(plan + "/check-ins"), "/check-ins")
    steps = re.search(r'href="(' + re.escape(plan) + r'/goals/[0-9a-f-]{36}/steps/[0-9a-f-]{36})"', get(plan + "/actions"))
    if check_in is None or steps is None:
        return None
    step = post_form(get(steps.group(1)), "/steps/")
    if step is None:
        return None
    version = dict(check_in.fields).get("version", "")
    check_in_body = body(check_in.fields, {"what_happened": "Check-in __N__ from the mixed load.", "whats_next": "Keep going."})
    step_body = body(step.fields, {"estimated_hours": "__N__"})
    return "\t".join([cookie, plan, version, check_in.action, check_in_body, step.action, step_body])


def main():
    base, emails_file, output, password = sys.argv[1:5]
    emails = [line.strip() for line in open(emails_file, encoding="utf-8") if line.strip()]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        lines = list(pool.map(lambda email: prepare(base, email, password), emails))
    ready = [line for line in lines if line]
    with open(output, "w", encoding="utf-8") as out:
        out.write("\n".join(ready) + "\n")
    print(f"{len(ready)} of {len(emails)} teachers signed in with an editable plan")
    if not ready:
        sys.exit("no teacher could be prepared")


if __name__ == "__main__":
    main()
