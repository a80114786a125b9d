"""The directory's admin: snippet viewsets (:mod:`~directory.admin.viewsets`)
with their forms (:mod:`~directory.admin.forms`) and list filters
(:mod:`~directory.admin.filters`), the views beyond them
(:mod:`~directory.admin.views`, routed by :mod:`~directory.admin.urls`) and
the dashboard panel (:mod:`~directory.admin.dashboard`). ``wagtail_hooks``
only registers them."""
