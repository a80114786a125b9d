"""How the database backend stores an entry's words and facet values and
matches a query's clauses against them, the same on SQLite and PostgreSQL.

- Words are stems padded with spaces (``" albergu casa "``), so that
  ``" stem "`` matches a whole word; a concept the text speaks of is also
  one token (:attr:`search.synonyms.Concept.token`).
- Facet values are ``facet=value`` tokens, padded the same way.
- A clause scores :data:`EXACT_WEIGHT` when its words as typed are in the
  title (name, types, populations, towns), :data:`TITLE_WEIGHT` when one of
  its forms is, :data:`BODY_WEIGHT` when only the body has it."""

PAD = " "
EXACT_WEIGHT, TITLE_WEIGHT, BODY_WEIGHT = 4, 3, 1


def token(facet: str, value: str) -> str:
    """A facet value as stored (values are codes: spaces are dropped)."""
    return f"{facet}={''.join(str(value).split())}"


def padded(tokens) -> str:
    tokens = list(tokens)
    return PAD + " ".join(tokens) + PAD if tokens else PAD


def facet_values(stored: str) -> dict[str, set[str]]:
    """The stored facet tokens back as values by facet."""
    values: dict[str, set[str]] = {}
    for item in stored.split():
        facet, _, value = item.partition("=")
        values.setdefault(facet, set()).add(value)
    return values


def forms(clause) -> tuple[tuple[str, ...], ...]:
    """What a clause is matched by: a concept by its token, a word as is."""
    return ((clause.concept.token,),) if clause.concept else clause.forms
