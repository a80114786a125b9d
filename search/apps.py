from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import pgettext_lazy


class SearchConfig(AppConfig):
    name = "search"
    label = "convivir_search"
    verbose_name = pgettext_lazy("app", "Search")

    def ready(self):
        from search.signals import index_what_is_missing

        post_migrate.connect(index_what_is_missing, sender=self)
