"""Every public page type of the demo, in Spanish and English, in a phone's
browser on a first visit: within the transfer budget, nothing from another
host, and no WCAG 2.2 A/AA violation found by axe-core; the public forms
too, shown again with their errors. Run from the demo visit in
``test_home`` (the demo is loaded once)."""

from urllib.parse import urlsplit

from django.utils import translation

from tests.convivir.public_pages import FORMS, LANGUAGES, POST_ONLY, public_urls

PHONE = {"width": 360, "height": 640}
MAX_BYTES = 150 * 1024
MAX_REQUESTS = 15


def every_page_type_passes_the_checks(
    live_server, browser, record, accessibility_violations
):
    live_host = urlsplit(live_server.url).netloc
    problems = {}
    checked = set()
    for language in LANGUAGES:
        with translation.override(language):
            urls = public_urls(language)
        for name, path in urls.items():
            if name in POST_ONLY:
                continue
            # A new context each time: a first visit, nothing cached.
            context = browser.new_context(viewport=PHONE, device_scale_factor=2)
            page = context.new_page()
            page.set_default_timeout(15_000)
            recorder = record(page)
            page.goto(live_server.url + path, wait_until="networkidle")
            found = []
            weight = recorder.transferred_bytes()
            if weight > MAX_BYTES:
                found.append(f"{weight} bytes")
            if len(recorder.requests) > MAX_REQUESTS:
                found.append(f"{len(recorder.requests)} requests")
            foreign = [u for u in recorder.requests if urlsplit(u).netloc != live_host]
            if foreign:
                found.append(f"other hosts: {foreign}")
            found += accessibility_violations(page)
            if name in FORMS or name == "service":
                # The form shown again with its errors, checked the same way.
                form = page.locator("main form[method=post]").last
                form.locator("button[type=submit]").last.click()
                page.wait_for_load_state("networkidle")
                if not page.locator(".error-summary").count():
                    found.append("no error summary after an empty submission")
                found += [f"with errors: {v}" for v in accessibility_violations(page)]
            checked.add((language, name))
            if found:
                problems[f"{language} {name} {path}"] = found
            context.close()
    assert problems == {}
    # Every page type, in both languages (the list comes from the demo).
    for language in LANGUAGES:
        names = {name for code, name in checked if code == language}
        assert {"service", "event-register", "pledge", "signup", "town"} <= names
        assert len(names) >= 30, names
