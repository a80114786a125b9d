"""The directory offline: a web app manifest, a small service worker served
from the site (no build step) and the page it shows without a signal.

The worker keeps only what a view marks with :func:`keep_offline` (a town's
directory page, its printable sheet, a service page), with the form tokens
taken out, and the app shell (the stylesheet, the script, the icon, the
offline page). Everything else (the admin, forms' answers, "my data",
registrations) is never stored: the worker goes to the network, and
without one shows the offline page."""

OFFLINE_HEADER = "X-Convivir-Offline"


def keep_offline(response):
    """Let the service worker keep this page for use without a signal."""
    response[OFFLINE_HEADER] = "keep"
    return response
