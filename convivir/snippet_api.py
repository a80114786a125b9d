"""wagtail-localize's snippet API (``/admin/localize/api/snippets/…``), which
its translation editor asks for the title and edit link of a snippet a page
points to, limited to what the user may see in the snippets admin.

wagtail-localize answers any admin user with every instance of any snippet
model (a network coordinator would read the title of every pledge and
report). These views, routed ahead of its own, answer only users who may
list the model in the snippets admin, and only with the instances the
model's permission policy and its viewset's listing give them.

One exception keeps the translation editor working: a snippet that
translatable content points to through a chooser (the network of a
campaign's volunteer call, an event's venue) is named to whoever translates
that content, as Wagtail's own snippet chooser shows it to every editor.
Only the one snippet asked for, never the list."""

from functools import cache

from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import path

from modelcluster.fields import ParentalKey
from wagtail.blocks import Block
from wagtail.fields import StreamField
from wagtail.models import get_translatable_models
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.views import snippets_api

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
def chooser_targets() -> frozenset:
    """Snippet models that translatable pages and snippets point to, by a
    foreign key or a snippet chooser block: the ones the translation editor
    shows a chosen snippet of."""
    snippets = set(get_snippet_models())
    targets = set()
    for model in get_translatable_models(include_subclasses=True):
        for field in model._meta.get_fields():
            # A ParentalKey points to the object an item belongs to, which the
            # editor translates as one, not to a chosen snippet.
            if isinstance(field, models.ForeignKey) and not isinstance(
                field, ParentalKey
            ):
                targets.add(field.related_model)
            elif isinstance(field, StreamField):
                targets |= _chosen_in_blocks(field.stream_block)
    return frozenset(targets & snippets)


class PermittedSnippetViewSet(snippets_api.SnippetViewSet):
    """wagtail-localize's snippet API, within the user's permissions."""

    def get_queryset(self):
        model = self.get_model()
        viewset = model.snippet_viewset
        policy = viewset.permission_policy
        user = self.request.user
        if not policy.user_has_any_permission(user, LISTING_ACTIONS):
            if self.action == "retrieve" and model in chooser_targets():
                return model._default_manager.all()
            raise PermissionDenied
        permitted = policy.instances_user_has_any_permission_for(user, LISTING_ACTIONS)
        listed = viewset.get_queryset(self.request)
        if listed is None:
            return permitted
        return listed.filter(pk__in=permitted.values("pk"))


def urlpatterns() -> list:
    """The API's two addresses, as wagtail-localize names them under the
    admin (``localize/api/snippets/…``), for a ``register_admin_urls`` hook
    that runs before wagtail-localize's."""
    prefix = "localize/api/snippets/<slug:app_label>/<slug:model_name>/"
    return [
        path(prefix, PermittedSnippetViewSet.as_view({"get": "list"})),
        path(
            f"{prefix}<str:pk>/",
            PermittedSnippetViewSet.as_view({"get": "retrieve"}),
        ),
    ]
