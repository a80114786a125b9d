"""schema.org JSON-LD for ``<script type="application/ld+json">``."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

# Every character that could end the script element or start markup.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data) -> str:
    """The script body for ``data``: it cannot close its own ``<script>``,
    whatever editors or the public typed."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_ESCAPES))  # noqa: S308 - escaped above
