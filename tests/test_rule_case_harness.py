"""The rule-case harness (audit.engine.rule_cases): reading case files, and telling
a rule's findings from what a case expects."""

from __future__ import annotations

import textwrap

import pytest

from audit.engine import rule_cases
from audit.engine.rule import Option, Rule
from audit.results.findings import Fix, Severity
from audit.rules.typo import RULE as Typo


def write(tmp_path, text, name="typo.yml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def one_case(tmp_path, case_yaml):
    """The single case of a typo case file whose case is `case_yaml`."""
    body = textwrap.indent(textwrap.dedent(case_yaml), "    ")
    return rule_cases.load(write(tmp_path, "rule: typo\ncases:\n  -" + body[3:])).cases[0]


DOUBLED = """\
   name: doubled word
   text: "First line.\\nThe minister met the the coalition."
   expect:
     - excerpt: the the
       line: 2
       column: 18
       severity: error
       message: [doubled, delete one]
       suggestion: the
       fix: {replacement: "", safe: true, excerpt: " the"}
   fixed: "First line.\\nThe minister met the coalition."
"""


def test_a_case_that_matches_has_no_mismatches(tmp_path):
    case = one_case(tmp_path, DOUBLED)
    assert case.format == "txt" and case.language == "en" and not case.passes
    assert rule_cases.mismatches(Typo, case) == []


@pytest.mark.parametrize(
    "change, problem",
    [
        (("excerpt: the the", "excerpt: met the"), "excerpt 'the the', expected 'met the'"),
        (("line: 2", "line: 1"), "line 2, expected 1"),
        (("column: 18", "column: 17"), "column 18, expected 17"),
        (("severity: error", "severity: warning"), "severity error, expected warning"),
        (("[doubled, delete one]", "[doubled, thrice]"), "lacks 'thrice'"),
        (("suggestion: the", "suggestion: a"), "suggestion 'the', expected 'a'"),
        (("suggestion: the", "suggestion: null"), "suggestion 'the', expected None"),
        (('replacement: ""', "replacement: a"), "fix replacement '', expected 'a'"),
        (("safe: true", "safe: false"), "fix safe is True, expected False"),
        (('excerpt: " the"', "excerpt: the"), "fix replaces ' the', expected 'the'"),
        (('met the coalition."\n', 'met coalition."\n'), "after the fixes the text is"),
        (('fix: {replacement: "", safe: true, excerpt: " the"}', "fix: null"), "a fix to '', expected none"),
    ],
)
def test_each_difference_is_reported(tmp_path, change, problem):
    assert change[0] in DOUBLED
    case = one_case(tmp_path, DOUBLED.replace(*change))
    problems = rule_cases.mismatches(Typo, case)
    assert any(problem in p for p in problems), problems
    assert problems[-1].startswith("got:\n- excerpt: the the\n")  # what was found, to paste into a case


def test_findings_are_counted_exactly(tmp_path):
    case = one_case(
        tmp_path,
        """\
       name: two slips
       text: The the minister met the the coalition.
       expect:
         - excerpt: The the
    """,
    )
    assert "expected 1 finding(s), got 2" in rule_cases.mismatches(Typo, case)
    passing = one_case(tmp_path, "name: n\ntext: The minister met the coalition.\nexpect: []\n")
    assert passing.passes and rule_cases.mismatches(Typo, passing) == []
    assert (
        rule_cases.mismatches(Typo, one_case(tmp_path, "name: n\ntext: The the end.\nexpect: []\n"))[0]
        == "expected 0 finding(s), got 1"
    )


class Shouting(Rule):
    """Flags the word LOUD.

    Why:
    Because.

    Bad:
    It was LOUD.

    Good:
    It was quiet.
    """

    id = "shouting"
    summary = "Loud"
    severity = Severity.WARNING
    options = (Option("word", str, "LOUD", "the word"), Option("limit", float, 1.0, "a number"))

    def check(self, doc, opts):
        # Reported out of order, and under another id when asked: the harness sorts and checks.
        for m in reversed([i for i in range(len(doc.source)) if doc.source.startswith(opts["word"], i)]):
            yield self.finding(m, m + len(opts["word"]), f"limit {opts['limit']!r}", fix=Fix(m, m, ""))


def test_findings_are_compared_in_report_order_and_options_validated(tmp_path):
    case = one_case(
        tmp_path,
        """\
       name: options
       options: {word: ab, limit: 2}
       text: ab ab
       expect:
         - {excerpt: ab, column: 1, message: "limit 2.0"}
         - {excerpt: ab, column: 4}
    """,
    )
    assert rule_cases.mismatches(Shouting, case) == []
    assert rule_cases.options(Shouting, {"limit": 2}) == {"word": "LOUD", "limit": 2.0}
    with pytest.raises(rule_cases.CaseError, match="no option 'words'"):
        rule_cases.options(Shouting, {"words": "x"})
    with pytest.raises(rule_cases.CaseError, match="option word: expected string"):
        rule_cases.options(Shouting, {"word": 3})


def test_a_finding_under_another_rule_id_is_a_mismatch(tmp_path):
    class Impostor(Shouting):
        __doc__ = Shouting.__doc__  # a rule documents itself: the definition check reads it
        id = "impostor"

        def check(self, doc, opts):
            for f in super().check(doc, opts):
                yield f._replace(rule="shouting")

    case = one_case(tmp_path, "name: n\ntext: It was LOUD.\nexpect: [{excerpt: LOUD}]\n")
    assert "finding 1: reported by 'shouting', not 'impostor'" in rule_cases.mismatches(Impostor, case)


def test_overlapping_fixes_give_no_fixed_text(tmp_path):
    class Overlapping(Shouting):
        def check(self, doc, opts):
            yield self.finding(0, 4, "a", fix=Fix(0, 4, "x"))
            yield self.finding(2, 6, "b", fix=Fix(2, 6, "y"))

    case = one_case(tmp_path, "name: n\ntext: abcdefg\nexpect: [{excerpt: abcd}, {excerpt: cdef}]\nfixed: xyg\n")
    with pytest.raises(rule_cases.CaseError, match="overlap"):
        rule_cases.mismatches(Overlapping, case)


@pytest.mark.parametrize(
    "text, message",
    [
        ("rule: typo\n", "missing cases"),
        ("rule: typo\ncases: []\n", "expected a non-empty list"),
        ("rule: typo\ncase: []\ncases: [{name: a, text: b, expect: []}]\n", "unknown key(s) case"),
        ("rule: typo\ncases: [{name: a, text: b}]\n", "case 1: missing expect"),
        ("rule: typo\ncases: [{name: a, text: b, expect: [], format: rst}]\n", "format: 'rst'"),
        ("rule: typo\ncases: [{name: a, text: b, expect: {}}]\n", "expect: expected a list"),
        ("rule: typo\ncases: [{name: a, text: b, expect: [{line: 1}]}]\n", "missing excerpt"),
        ("rule: typo\ncases: [{name: a, text: b, expect: [{excerpt: b, colum: 1}]}]\n", "unknown key(s) colum"),
        ("rule: typo\ncases: [{name: a, text: b, expect: [{excerpt: b, line: 0}]}]\n", "line: expected a positive"),
        ("rule: typo\ncases: [{name: a, text: b, expect: [{excerpt: b, severity: fatal}]}]\n", "unknown severity"),
        ("rule: typo\ncases: [{name: a, text: b, expect: [{excerpt: b, fix: {safe: 1}}]}]\n", "safe: expected true"),
        ("rule: typo\ncases: [{name: a, text: 3, expect: []}]\n", "case 'a': text: expected text"),
        ("rule: typo\ncases: [{name: a, text: b, expect: []}, {name: a, text: c, expect: []}]\n", "repeated: a"),
        ("rule: typo\ncases: [{name: a, text: 'b}\n", "not valid YAML"),
    ],
)
def test_malformed_case_files_are_refused(tmp_path, text, message):
    with pytest.raises(rule_cases.CaseError) as error:
        rule_cases.load(write(tmp_path, text))
    assert message in str(error.value) and "typo.yml" in str(error.value)


def test_a_folder_names_each_file_after_its_rule(tmp_path):
    write(tmp_path, "rule: typo\ncases: [{name: a, text: b, expect: []}]\n")
    assert list(rule_cases.load_folder(tmp_path)) == ["typo"]
    write(tmp_path, "rule: spelling\ncases: [{name: a, text: b, expect: []}]\n", name="spellng.yml")
    with pytest.raises(rule_cases.CaseError, match="name it spelling.yml"):
        rule_cases.load_folder(tmp_path)


def test_requires_names_outside_services(tmp_path):
    path = write(tmp_path, "rule: typo\nrequires: languagetool\ncases: [{name: a, text: b, expect: []}]\n")
    assert rule_cases.load(path).requires == ("languagetool",)


@pytest.mark.parametrize(
    "text, fmt",
    [
        ("It was LOUD.", "txt"),
        ("<table><tr><td>a</td></tr></table>", "html"),
        ("  <!-- article-audit-disable x -->", "html"),
        ("# Title\n## Part", "md"),
        ("Read [the report](https://x.test).", "md"),
        ("![](chart.png)  <img src='x.png'>", "md"),
        ("Prices [rose] (sharply).", "txt"),
    ],
)
def test_example_format(text, fmt):
    assert rule_cases.example_format(text) == fmt


def test_docstring_examples_are_checked():
    assert rule_cases.example_mismatches(Shouting) == []

    class Backwards(Shouting):
        """Flags the word LOUD.

        Bad:
        It was quiet.

        Good:
        It was LOUD.
        """

    assert rule_cases.example_mismatches(Backwards) == [
        "the Bad: example (txt) gives no finding",
        "the Good: example (txt) gives 1 finding(s): 'LOUD': limit 1.0",
    ]

    class Undocumented(Shouting):
        """Flags the word LOUD."""

    assert rule_cases.example_mismatches(Undocumented) == [
        "the docstring has no Bad: example",
        "the docstring has no Good: example",
    ]
