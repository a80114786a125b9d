"""The confirmation link must still work when its e-mail is sent late."""

from django.core.checks import register

from convivir.checks import link_outlives_retries
from networks import conf


@register()
def confirmation_link_check(app_configs, **kwargs):
    return link_outlives_retries(
        "Volunteer confirmation links", conf.confirmation_days(), "networks.W001"
    )
