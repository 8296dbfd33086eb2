"""Error policies: what a bad value in a column does to its row (`on_error` in the mapping).

    reject_row   the row is rejected: nothing of it is loaded (one reject line per problem)
    drop_value   the value is left out, as if the cell were empty; the row loads and a warning says so
    drop_link    relation tables: the row's relationship is left out, its organisations load

A column's policy is its own `on_error`, else the mapping's `on_error`, else `reject_row` for required
columns and `drop_value` for the others. Names, the code and name of a taxonomy member and the ends of a
chain are what a row is about: a problem there always rejects it, as does an empty required cell. A column
that two specs of one entry read takes the stricter policy. Validation always builds a row without its bad
values; `outcome` then decides from the row's problems what happens to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from loader.load_report import Outcome
from loader.mapping import Column, FileMapping, Kind, Mapping, OnError, OrgSpec

# (column, value, reason, fatal): one problem of one row; fatal problems reject the row whatever the policy.
RowProblem = tuple[str, str, str, bool]

_STRICTNESS = {OnError.drop_value: 0, OnError.drop_link: 1, OnError.reject_row: 2}


@dataclass
class Policies:
    """The policy of every column one mapping entry reads."""

    by_column: dict[str, OnError]
    relations: bool  # a relation table: drop_link leaves the relationship out

    @classmethod
    def of(cls, m: Mapping, fm: FileMapping) -> Policies:
        out: dict[str, OnError] = {}

        def put(column: str | None, policy: OnError) -> None:
            if column is None:
                return
            old = out.get(column)
            if old is None or _STRICTNESS[policy] > _STRICTNESS[old]:
                out[column] = policy

        def column(c: Column | None) -> None:
            if c is not None:
                put(
                    c.column,
                    c.on_error or m.on_error or (OnError.reject_row if c.required else OnError.drop_value),
                )

        def org(spec: OrgSpec) -> None:
            put(spec.name.column, OnError.reject_row)
            for c in (spec.id, spec.name_en, spec.parent, spec.industry, spec.tech_layer):
                column(c)
            for lc in (
                spec.aliases,
                spec.application_fields,
                spec.core_technologies,
                *spec.categories,
                *spec.products,
            ):
                column(lc)
            for p in spec.properties.values():
                column(p)
            if spec.kind is not None and not isinstance(spec.kind, Kind):
                put(spec.kind.column, spec.kind.on_error or m.on_error or OnError.drop_value)
            if spec.location is not None:
                loc = spec.location
                policy = (
                    loc.on_error or m.on_error or (OnError.reject_row if loc.required else OnError.drop_value)
                )
                for cell in loc.columns().values():
                    put(cell.column, policy)

        if fm.nodes is not None:
            org(fm.nodes)
        if fm.relations is not None:
            r = fm.relations
            org(r.sample)
            org(r.partner)
            for p in r.properties.values():
                column(p)
            lenient = m.on_error in (OnError.drop_value, OnError.drop_link)
            put(r.type.column, r.type.on_error or (OnError.drop_link if lenient else OnError.reject_row))
        if fm.taxonomy is not None:
            t = fm.taxonomy
            put(t.code.column, OnError.reject_row)
            put(t.name.column, OnError.reject_row)
            column(t.name_en)
            column(t.parent)
        if fm.crosswalk is not None:
            x = fm.crosswalk
            put(x.code.column, OnError.reject_row)
            put(x.industry.column, x.industry.on_error or OnError.reject_row)
            column(x.weight)
        if fm.chain is not None:
            put(fm.chain.upstream.column, OnError.reject_row)
            put(fm.chain.downstream.column, OnError.reject_row)
        return cls(out, relations=fm.relations is not None)

    def policy(self, column: str) -> OnError:
        # A column no spec reads (a NUL byte elsewhere in the record) can only be fatal: reject.
        return self.by_column.get(column, OnError.reject_row)

    def line_outcome(self, row: Outcome, problem: RowProblem) -> Outcome:
        """The outcome one problem line reports, given its row's."""
        if row is Outcome.rejected:
            return row
        return (
            Outcome.link_dropped
            if self.policy(problem[0]) is OnError.drop_link and self.relations
            else (Outcome.value_dropped)
        )

    def outcome(self, problems: list[RowProblem]) -> Outcome | None:
        """What the row's problems do to it: rejected, its link dropped, values dropped (None: no problem)."""
        if not problems:
            return None
        policies = {self.policy(c) for c, _, _, _ in problems}
        if any(fatal for *_, fatal in problems) or OnError.reject_row in policies:
            return Outcome.rejected
        if self.relations and OnError.drop_link in policies:
            return Outcome.link_dropped
        return Outcome.value_dropped
