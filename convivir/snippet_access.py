"""Which snippets the admin names to a user outside the snippets' own
listing: Wagtail's snippet chooser and wagtail-localize's snippet API (see
:mod:`convivir.snippet_api`).

Both answer any admin user with every instance of any snippet model. For a
snippet that some field can point to (a campaign's network, an event's
venue, a service's organisation) that is how editors pick one, whatever
their permissions on the model, and it stays so. A snippet no field points
to (pledges, reports of wrong information, the menus) has nothing to be
picked for: its chooser answers only users who may list it in the snippets
admin, so a network coordinator cannot page through every pledge and report
in a chooser."""

from functools import cache

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import path

from modelcluster.fields import ParentalKey
from wagtail.blocks import Block
from wagtail.fields import StreamField
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params

# What Wagtail's snippet listing asks for: any one of them shows the list.
LISTING_ACTIONS = ["add", "change", "delete", "view"]


def _chosen_in_blocks(block: Block) -> set:
    if isinstance(block, SnippetChooserBlock):
        return {block.target_model}
    children = list(getattr(block, "child_blocks", {}).values())
    if getattr(block, "child_block", None) is not None:
        children.append(block.child_block)
    return set().union(*(_chosen_in_blocks(child) for child in children))


@cache
def choosable_snippet_models() -> frozenset:
    """Snippet models some field points to: a foreign key or many-to-many
    field of any model, or a snippet chooser block in a StreamField. A
    ParentalKey is left out: it points to the object an item belongs to,
    which is edited as one, never chosen."""
    targets = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, ParentalKey) or not field.concrete:
                continue
            if isinstance(field, models.ForeignKey | models.ManyToManyField):
                targets.add(field.related_model)
            elif isinstance(field, StreamField):
                targets |= _chosen_in_blocks(field.stream_block)
    return frozenset(targets & set(get_snippet_models()))


def may_list(user, model) -> bool:
    """Whether ``user`` may see ``model``'s listing in the snippets admin."""
    policy = model.snippet_viewset.permission_policy
    return policy.user_has_any_permission(user, LISTING_ACTIONS)


def _permitted_chooser(view_name: str):
    def view(request, app_label, model_name, **kwargs):
        model = get_snippet_model_from_url_params(app_label, model_name)
        if model not in choosable_snippet_models() and not may_list(
            request.user, model
        ):
            raise PermissionDenied
        chooser = getattr(model.snippet_viewset.chooser_viewset, view_name)
        return chooser(request, **kwargs)

    view.__name__ = f"permitted_snippet_{view_name}"
    return view


def chooser_urlpatterns() -> list:
    """The snippet chooser's addresses (``snippets/choose/…``), for a
    ``register_admin_urls`` hook that runs before Wagtail's own."""
    prefix = "snippets/choose/<slug:app_label>/<slug:model_name>/"
    return [
        path(prefix, _permitted_chooser("choose_view")),
        path(f"{prefix}results/", _permitted_chooser("choose_results_view")),
        path(f"{prefix}chosen/<str:pk>/", _permitted_chooser("chosen_view")),
        path(f"{prefix}chosen-multiple/", _permitted_chooser("chosen_multiple_view")),
        path(f"{prefix}create/", _permitted_chooser("create_view")),
    ]
