"""The events app in the Wagtail admin: the event page's form
(:mod:`.forms`), the staff's registration tools (:mod:`.views`, their forms
in :mod:`.registration_forms`, what they look up in :mod:`.queries`), who
may use them (:mod:`.permissions`), the viewsets that route them
(:mod:`.viewsets`), the dashboard panel (:mod:`.dashboard`) and what the
page editor is told or refused about booked dates (:mod:`.pages`).
``events.wagtail_hooks`` registers them.

Nothing is imported here: the page model names the form in :mod:`.forms`,
which must load without the rest.
"""
