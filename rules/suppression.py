"""suppression: in-file suppression comments that are malformed or lack a reason."""

from __future__ import annotations

from audit.document import suppressions
from audit.engine.rule import Option, Rule
from audit.results.findings import Severity


class Suppression(Rule):
    """Flags suppression comments that name an unknown rule and, when the project
    asks for it, suppressions without a reason. With `--report-unused-suppressions`
    the engine also reports suppressions that silence nothing, under this rule.

    Why:
    A suppression is a decision an editor made; without a reason the next editor
    cannot tell whether it still holds, and a misspelt rule name silences nothing.

    Bad:
    <!-- article-audit-disable pasive-voice -->

    Good:
    <!-- article-audit-disable passive-voice -- the quote is the minister's wording -->
    """

    id = "suppression"
    category = "suppression"
    summary = "Suppression comment names an unknown rule or gives no reason"
    severity = Severity.WARNING
    language_bound = False
    suppressible = False  # a suppression that silences everything must not silence these
    options = (Option("require-reason", bool, False, "a suppression without a reason is a finding"),)

    def check(self, doc, opts):
        directives = suppressions.of(doc)
        if not directives:
            return
        from audit.engine.registry import registry

        known = registry()
        for d in directives:
            for name in d.rules:
                # Known: a rule of the registry, or a name a rule of this run reports under
                # (a project's Vale rule, `Microsoft.Passive`).
                if name not in known and name not in doc.rule_ids:
                    yield self.finding(
                        d.start,
                        d.end,
                        f"Suppression names an unknown rule {name!r}; run 'article-audit rules' for the list.",
                    )
            if opts["require-reason"] and d.kind != "enable" and not d.reason:
                yield self.finding(
                    d.start,
                    d.end,
                    "Suppression gives no reason; add one after ' -- '.",
                    suggestion=f"article-audit-{d.kind} {','.join(d.rules)} -- <reason>".replace(
                        f"{d.kind}  --", f"{d.kind} --"
                    ),
                )

    def unused_suppressions(self, doc, unused, opts):
        for d in unused:
            yield self.finding(d.start, d.end, "Suppression silences nothing; remove it.", severity=Severity.INFO)


RULE = Suppression
