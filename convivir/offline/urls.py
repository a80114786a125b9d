"""The offline page in each language: /es/sin-conexion/, /en/offline/."""

from convivir.common.routes import localized_urls, route
from convivir.offline import views

app_name = "offline"

urlpatterns = localized_urls(
    app_name, route("page", views.offline_page, es="sin-conexion/", en="offline/")
)
