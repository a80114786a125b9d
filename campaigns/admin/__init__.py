"""The campaigns app in the Wagtail admin: the writers' and reviewers'
rights and workflow (:mod:`~campaigns.admin.permissions`), the page forms
(:mod:`~campaigns.admin.forms`) and the snippets of themes and pledges
(:mod:`~campaigns.admin.viewsets`). ``campaigns/wagtail_hooks.py`` registers
them."""
