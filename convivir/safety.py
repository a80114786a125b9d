"""The quick exit: where it leads. A visitor reading about violence or
trafficking on a shared or watched phone leaves at once for a neutral
site; the address is a setting (``QUICK_EXIT_URL``)."""

from convivir.common.conf import app_text_setting

# A weather page: neutral, quick to load, plausible on anyone's phone.
DEFAULT_QUICK_EXIT_URL = "https://www.google.com/search?q=clima"


def quick_exit_url() -> str:
    return app_text_setting("QUICK_EXIT_URL", DEFAULT_QUICK_EXIT_URL) or (
        DEFAULT_QUICK_EXIT_URL
    )
