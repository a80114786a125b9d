"""What is indexed: each app registers a :class:`Kind` (the directory
registers its services) saying how to turn its objects into
:class:`Document` s. The search app never imports an app; apps call
:func:`search.indexing.reindex` when their objects change."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Document:
    """One object as the search backends index it. Texts are raw (the
    backend analyses them); ``values`` are the facet values by facet name;
    ``places`` are ``(latitude, longitude)`` pairs, ``(None, None)`` for a
    place that must not be placed on a map; ``openings`` are week-minute
    periods (:class:`search.models.Opening`)."""

    key: str
    name: str
    title: list[str]
    body: list[str]
    values: dict[str, list[str]] = field(default_factory=dict)
    places: list[tuple[float | None, float | None]] = field(default_factory=list)
    openings: list[tuple[int, int]] = field(default_factory=list)
    always_open: bool = False
    closed: bool = False
    checked_at: datetime | None = None


@dataclass(frozen=True)
class Kind:
    """A kind of object in the index.

    ``documents(keys)`` gives the documents of the objects with those keys
    that the public may find (an object left out is removed from the
    index); ``public_keys()`` gives every such key, for a rebuild;
    ``hidden_before()`` an optional moment: entries whose ``checked_at`` is
    older are not found (the directory hides entries nobody confirmed for a
    year, without a write)."""

    name: str
    documents: Callable[[list[str]], list[Document]]
    public_keys: Callable[[], Iterable[str]]
    hidden_before: Callable[[], datetime | None] = lambda: None
    #: For the site-wide search: the group's heading, and ``present(keys)``
    #: giving ``{"title", "url", "summary"}`` of each key in the page's
    #: language (None: the kind is not listed there).
    label: object = None
    present: Callable[[list[str]], list[dict]] | None = None


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    _KINDS[kind.name] = kind
    return kind


def kind(name: str) -> Kind:
    return _KINDS[name]


def kinds() -> list[Kind]:
    return list(_KINDS.values())
