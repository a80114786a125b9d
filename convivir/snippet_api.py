"""wagtail-localize's snippet API (``/admin/localize/api/snippets/…``), which
its translation editor asks for the title and edit link of a snippet a page
points to, limited to what the user may see in the snippets admin.

wagtail-localize answers any admin user with every instance of any snippet
model (a network coordinator would read the title of every pledge and
report). These views, routed ahead of its own, answer only users who may
list the model in the snippets admin, and only with the instances the
model's permission policy and its viewset's listing give them.

One exception keeps the translation editor working: one snippet of a model
some field points to (the network a network's page is about) is named to
whoever asks, as Wagtail's snippet chooser names them all to every editor
(see :mod:`convivir.snippet_access`). Never the list of them."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from wagtail_localize.views import snippets_api

from convivir.snippet_access import (
    LISTING_ACTIONS,
    choosable_snippet_models,
    may_list,
)


class PermittedSnippetViewSet(snippets_api.SnippetViewSet):
    """wagtail-localize's snippet API, within the user's permissions."""

    def get_queryset(self):
        model = self.get_model()
        viewset = model.snippet_viewset
        user = self.request.user
        if not may_list(user, model):
            if self.action == "retrieve" and model in choosable_snippet_models():
                return model._default_manager.all()
            raise PermissionDenied
        permitted = viewset.permission_policy.instances_user_has_any_permission_for(
            user, LISTING_ACTIONS
        )
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
