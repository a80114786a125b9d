"""The directory's taxonomy as an import reads it: a term by id, by code or
by its Spanish or English name, and a partner's map of their codes to
ours (``--taxonomy-map``, CSV or JSON)."""

import csv
import io
import json
from pathlib import Path

from directory.exchange.read import ImportFailed
from directory.exchange.values import Problem, plain, text
from directory.models import TaxonomyTerm


def read_taxonomy_map(path) -> dict[str, str]:
    """Their code → our code, from a JSON object or a two-column CSV (a
    header row is allowed)."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ImportFailed(
            f"taxonomy map {path.name} cannot be read: {error}"
        ) from error
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            raise ImportFailed(
                f"taxonomy map {path.name} is not valid JSON: {error}"
            ) from error
        if not isinstance(data, dict):
            raise ImportFailed(
                f"taxonomy map {path.name} must be an object: their code → our code"
            )
        pairs = data.items()
    else:
        pairs = [r[:2] for r in csv.reader(io.StringIO(raw)) if len(r) >= 2]
    mapping = {plain(theirs): text(ours) for theirs, ours in pairs if text(ours)}
    mapping.pop("their code", None)
    mapping.pop("code", None)
    return mapping


class TermIndex:
    """Taxonomy terms by id, by code and by name, loaded once; with the
    partner's map of codes."""

    def __init__(self, taxonomy_map: dict | None = None):
        terms = list(TaxonomyTerm.objects.select_related("taxonomy"))
        self.terms = terms
        self.by_id = {str(term.id): term for term in terms}
        self.by_code = {(term.taxonomy.key, term.code): term for term in terms}
        self.by_key = {}
        for term in terms:
            for key in (term.code, term.name_es, term.name_en):
                self.by_key.setdefault(plain(key), []).append(term)
        self.map = taxonomy_map or {}

    def accepted(self) -> str:
        """The codes the directory accepts, taxonomy by taxonomy."""
        groups = {}
        for term in self.terms:
            groups.setdefault(term.taxonomy.key, []).append(term.code)
        return "; ".join(f"{key}: {', '.join(codes)}" for key, codes in groups.items())

    def codes(self, value: str, taxonomy: str) -> list:
        """The terms of the CSV template's ``a;b`` column (our codes only)."""
        terms = []
        for code in filter(None, (c.strip() for c in (value or "").split(";"))):
            term = self.by_code.get((taxonomy, code))
            if term is None:
                raise Problem(
                    taxonomy + "s",
                    f"unknown taxonomy term {code!r}",
                    code,
                    ", ".join(c for (k, c) in self.by_code if k == taxonomy),
                )
            terms.append(term)
        return terms

    def _hinted(self, terms: list, hints: set) -> list:
        narrowed = [
            t
            for t in terms
            if hints
            & {plain(t.taxonomy.key), plain(t.taxonomy.name), str(t.taxonomy_id)}
        ]
        return narrowed or terms

    def find(self, attribute: dict) -> list:
        """The terms an HSDS attribute names (its ``taxonomy_term`` object or
        ``taxonomy_term_id``); :class:`Problem` when none is known."""
        nested = attribute.get("taxonomy_term") or {}
        linked = text(attribute.get("taxonomy_term_id"))
        if linked and text(nested.get("id")) not in ("", linked):
            # The link and the object disagree: the link is the term.
            nested = {}
        term_id = linked or text(nested.get("id"))
        if term_id in self.by_id:
            return [self.by_id[term_id]]
        hints = {
            plain(attribute.get("link_type")),
            plain(nested.get("taxonomy")),
            text(nested.get("taxonomy_id")),
            plain((nested.get("taxonomy_detail") or {}).get("name")),
        } - {""}
        for key in (nested.get("code"), nested.get("name"), attribute.get("value")):
            mapped = self.map.get(plain(key))
            if mapped:
                taxonomy, _, code = mapped.rpartition(":")
                found = [
                    t
                    for t in self.by_key.get(plain(code), [])
                    if t.code == code and (not taxonomy or t.taxonomy.key == taxonomy)
                ]
                if found:
                    return self._hinted(found, hints)
        for key in (nested.get("code"), nested.get("name")):
            found = self.by_key.get(plain(key))
            if found:
                return self._hinted(found, hints)
        label = " ".join(
            p
            for p in (
                repr(text(nested.get("code") or term_id)),
                f'"{text(nested.get("name"))}"' if nested.get("name") else "",
            )
            if p
        )
        raise Problem(
            "attributes",
            f"unknown taxonomy term {label}: the service is imported without it",
            text(nested.get("code") or term_id),
            self.accepted()
            + " (by id, code or name; or map yours with --taxonomy-map)",
        )
