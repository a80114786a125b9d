"""The pledge confirmation link must still work when its e-mail is sent
late."""

from django.core.checks import register

from campaigns import conf
from convivir.checks import link_outlives_retries


@register()
def confirmation_link_check(app_configs, **kwargs):
    return link_outlives_retries(
        "Pledge confirmation links", conf.confirmation_days(), "campaigns.W001"
    )
