"""Django's makemessages without fuzzy matching: a new string must be
translated by a person, not pre-filled with the translation of a look-alike
(which gettext would then silently skip as "fuzzy")."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
