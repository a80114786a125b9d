"""What every app needs the same way, written once. The core's shared layer
imports no app; apps import it:

- :mod:`~convivir.common.links`: signed links in e-mails (one class, one
  error, one "link problem" page);
- :mod:`~convivir.common.languages`: the visitor's language and the objects
  in it;
- :mod:`~convivir.common.choices`: the states, the weekdays and the
  languages the apps offer;
- :mod:`~convivir.common.validators` and :mod:`~convivir.common.phones`:
  e-mail addresses, phone numbers and supported languages, for forms,
  models and importers alike;
- :mod:`~convivir.common.conf`: one reader for the apps' settings;
- :mod:`~convivir.common.filters`: the faceted listing filter of every
  public list;
- :mod:`~convivir.common.routes`: sub-pages and URLs in the page's language.
"""
