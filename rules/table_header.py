"""table-header: data tables without header cells (WCAG 1.3.1), HTML only."""

from __future__ import annotations

from audit.engine.rule import Rule
from audit.results.findings import Severity


def is_layout(attrs) -> bool:
    """A table used for layout, not data: marked so, nested, or a single row or column."""
    return (
        attrs.get("role") in ("presentation", "none")
        or attrs.get("nested_table")
        or attrs.get("rows", 0) < 2
        or attrs.get("columns", 0) < 2
    )


class TableHeader(Rule):
    """Flags an HTML data table (two or more rows and columns) that has no header
    cells: no `<th>` and no cell with a header role.

    Tables marked `role="presentation"` or `role="none"`, tables holding other tables
    and single-row or single-column tables are treated as layout and left alone.
    Markdown tables always have a header row, so only HTML is checked.

    Why:
    WCAG 2.2 success criterion 1.3.1 (Info and Relationships, level A). A screen reader
    announces each cell with its row and column headers ("Party: Labour, Seats: 412");
    without `<th>` cells, a listener hears a stream of numbers with nothing to tie them
    to.

    Bad:
    <table><tr><td>Party</td><td>Seats</td></tr><tr><td>Labour</td><td>412</td></tr></table>

    Good:
    <table><tr><th scope="col">Party</th><th scope="col">Seats</th></tr>
    <tr><td>Labour</td><td>412</td></tr></table>
    """

    id = "table-header"
    category = "accessibility"
    summary = "Data table has no header cells (WCAG 1.3.1)"
    severity = Severity.ERROR
    wcag = ("1.3.1",)
    language_bound = False

    def check(self, doc, opts):
        if doc.format != "html":
            return
        for table in doc.elements:
            if table.kind != "table" or is_layout(table.attrs):
                continue
            if not table.attrs.get("header_cells"):
                end = doc.source.find(">", table.start, table.end)
                yield self.finding(
                    table.start,
                    end + 1 if end != -1 else table.end,
                    f"This table of {table.attrs['rows']} rows and {table.attrs['columns']} "
                    "columns has no header cells; mark the header row or column with <th> "
                    '(and scope="col" or "row").',
                )


RULE = TableHeader
