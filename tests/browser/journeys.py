"""What the journeys share: each runs in both languages, with JavaScript and
without, on a 360 x 640 phone."""

import pytest

PHONE = {"width": 360, "height": 640}
DESKTOP = {"width": 1280, "height": 900}

# Every journey in Spanish and in English, each with and without JavaScript.
# Use as ``@pytest.mark.parametrize("language, javascript", VARIANTS)``.
VARIANTS = [
    pytest.param("es", False, id="es-nojs"),
    pytest.param("es", True, id="es-js"),
    pytest.param("en", False, id="en-nojs"),
    pytest.param("en", True, id="en-js"),
]


def phone(browser, javascript: bool):
    """A phone's browser context, its script on or off."""
    return browser.new_context(
        viewport=PHONE, device_scale_factor=2, java_script_enabled=javascript
    )
