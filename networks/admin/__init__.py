"""The networks app in the Wagtail admin: the coordinators' volunteer
pipeline (:mod:`~networks.admin.viewsets`, :mod:`~networks.admin.views`,
:mod:`~networks.admin.permissions`, :mod:`~networks.admin.forms`), the
snippets of networks and opportunities, and the dashboard panel
(:mod:`~networks.admin.dashboard`). ``networks/wagtail_hooks.py`` registers
them."""
