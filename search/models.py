"""The database backend's index: one :class:`Entry` per indexed object
(a directory service), written by :mod:`search.indexing` whenever the
object changes, and read by :mod:`search.database`.

An entry holds its text already analysed (:mod:`search.analysis`: folded,
stemmed, without stop words) as space-separated stems, ``title`` (name,
types, populations, towns: the weightier field) and ``body`` (what it
offers, who may use it), so SQLite and PostgreSQL read exactly the same
words. On PostgreSQL a generated ``document`` column turns both into a
weighted ``tsvector`` with a GIN index, and the vocabulary (:class:`Word`)
has a trigram index for typos (migration 0002); SQLite matches the same
columns with ``LIKE``.

Facet values are ``facet=value`` tokens in ``facets`` (on PostgreSQL also
the generated array ``facet_set``, migration 0003), so an entry's values
come with it and one pass counts them. Places and opening hours are rows
of their own. A confidential place is a :class:`Place` without
coordinates: found by its town, never by distance. :mod:`search.stored`
says how words and values are written.
"""

from django.db import models

from search.stored import PAD


class Entry(models.Model):
    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=64)
    #: The name folded, for the order of equal scores.
    sort_name = models.CharField(max_length=300)
    title = models.TextField()
    body = models.TextField()
    #: The facet values, as padded ``facet=value`` tokens.
    facets = models.TextField(default=PAD)
    always_open = models.BooleanField(default=False)
    closed = models.BooleanField(default=False)
    #: When the entry was last confirmed (a kind may hide entries not
    #: confirmed for too long without reindexing them).
    checked_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="search_entry_key")
        ]
        indexes = [models.Index(fields=["kind", "sort_name"])]

    def __str__(self):
        return f"{self.kind}:{self.key}"


class Place(models.Model):
    """Where an entry is; no coordinates for a confidential place."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="places")
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)

    class Meta:
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self):
        return f"{self.latitude},{self.longitude}"


class Opening(models.Model):
    """An opening period in minutes from Monday 00:00 (Mexico City time);
    ``end`` may pass the end of the week (Sunday night into Monday)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="openings")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    def __str__(self):
        return f"{self.start}-{self.end}"


class Word(models.Model):
    """A stem some entry holds: what a mistyped word is corrected to."""

    word = models.CharField(max_length=60, unique=True)

    def __str__(self):
        return self.word
