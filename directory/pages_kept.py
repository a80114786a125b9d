"""The directory's part in the whole-page cache (convivir/pagecache.py):
its pages and API depend on the ``directory`` area, which changes whenever
the services' index is written (saves, status, verification, imports) or
any directory record is saved or deleted."""

from django.apps import apps

from convivir import pagecache
from search.results_cache import index_changed


def _changed(**kwargs):
    pagecache.changed("directory")


def connect():
    index_changed.connect(_changed, dispatch_uid="directory.pages_kept.index")
    pagecache.follow("directory", *apps.get_app_config("directory").get_models())
