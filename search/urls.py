"""The site-wide search, at its address in each language."""

from convivir.common.routes import localized_urls, route
from search import views

app_name = "search"

urlpatterns = localized_urls(
    app_name, route("site", views.site_search, es="buscar/", en="search/")
)
