"""Share links as plain addresses: no share buttons' scripts, no trackers.
Each service receives only what the reader chooses to send it, when they
tap the link. WhatsApp comes first: it is how most people here share."""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _


def share_links(url: str, title: str) -> list[dict]:
    text = f"{title} {url}"
    return [
        {
            "name": "whatsapp",
            "label": _("WhatsApp"),
            "href": "https://wa.me/?" + urlencode({"text": text}),
        },
        {
            "name": "facebook",
            "label": _("Facebook"),
            "href": "https://www.facebook.com/sharer/sharer.php?"
            + urlencode({"u": url}),
        },
        {
            "name": "x",
            "label": _("X"),
            "href": "https://x.com/intent/post?"
            + urlencode({"text": title, "url": url}),
        },
        {
            "name": "telegram",
            "label": _("Telegram"),
            "href": "https://t.me/share/url?" + urlencode({"url": url, "text": title}),
        },
        {
            "name": "email",
            "label": _("E-mail"),
            "href": f"mailto:?subject={quote(title)}&body={quote(url)}",
        },
    ]
