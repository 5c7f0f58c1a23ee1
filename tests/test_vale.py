"""article-audit vale: each check type and .vale.ini key on self-written cases, the RE2
layer (linear time, the lookaround shim, errors naming file and key), broken styles."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from audit.cli.main import main
from audit.vale.regex import PatternError, compile_pattern


def project(tmp_path: Path, ini: str, rules: dict[str, str], files: dict[str, str]) -> Path:
    (tmp_path / ".vale.ini").write_text(ini, encoding="utf-8")
    for name, text in rules.items():
        path = tmp_path / "styles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def vale(tmp_path, monkeypatch, capsys, *args: str) -> tuple[int, list[str], str]:
    monkeypatch.chdir(tmp_path)
    code = main(["vale", "--output=line", "--sort", "--relative", *args] + ([] if "-" in args else ["."]))
    captured = capsys.readouterr()
    return code, [line for line in captured.out.splitlines() if line], captured.err


INI = "StylesPath = styles\n\n[*.md]\nBasedOnStyles = House\n"


@pytest.mark.parametrize(
    "rule,text,expected",
    [
        (
            "extends: existence\nmessage: \"'%s' is vague\"\ntokens: [very]\n",
            "A very good day.\n",
            ["a.md:1:3:House.Rule:'very' is vague"],
        ),
        (
            "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap: {utilize: use}\n",
            "We utilize it.\n",
            ["a.md:1:4:House.Rule:Use 'use' instead of 'utilize'."],
        ),
        (
            "extends: occurrence\nmessage: Too many commas\nscope: sentence\nmax: 2\ntoken: ','\n",
            "A, b, c, d.\n",
            ["a.md:1:2:House.Rule:Too many commas"],
        ),
        (
            "extends: repetition\nmessage: \"'%s' twice\"\nalpha: true\ntokens: ['[^\\s]+']\n",
            "It is the the end.\n",
            ["a.md:1:7:House.Rule:'the' twice"],
        ),
        (
            "extends: consistency\nmessage: \"Mixed '%s'\"\nignorecase: true\neither: {colour: color}\n",
            "Colour here.\n\nColor there.\n",
            ["a.md:3:1:House.Rule:Mixed 'Color'"],
        ),
        (
            "extends: conditional\nmessage: \"'%s' undefined\"\nfirst: '\\b([A-Z]{3})\\b'\nsecond: '\\(([A-Z]{3})\\)'\n",
            "Air Base (RAF) and RAF. But NHS.\n",
            ["a.md:1:29:House.Rule:'NHS' undefined"],
        ),
        (
            "extends: capitalization\nmessage: \"'%s' not sentence case\"\nscope: heading\nmatch: $sentence\n",
            "# A Title In Caps\n\nText.\n",
            ["a.md:1:3:House.Rule:'A Title In Caps' not sentence case"],
        ),
        (
            "extends: metric\nmessage: 'Words per sentence: %s'\nformula: words / sentences\ncondition: '> 3'\n",
            "One two three four five.\n",
            ["a.md:1:1:House.Rule:Words per sentence: 5.00"],
        ),
        (
            "extends: spelling\nmessage: \"Spelling: '%s'\"\n",
            "A wrod here.\n",
            ["a.md:1:3:House.Rule:Spelling: 'wrod'"],
        ),
        (
            "extends: sequence\nmessage: 'Sequence %s'\ntokens: [{pattern: meet}, {pattern: up}]\n",
            "We meet up.\n",
            ["a.md:1:4:House.Rule:Sequence meet up"],
        ),
    ],
    ids=[
        "existence",
        "substitution",
        "occurrence",
        "repetition",
        "consistency",
        "conditional",
        "capitalization",
        "metric",
        "spelling",
        "sequence",
    ],
)
def test_check_types(tmp_path, monkeypatch, capsys, rule, text, expected):
    project(tmp_path, INI, {"House/Rule.yml": rule}, {"a.md": text})
    assert vale(tmp_path, monkeypatch, capsys)[1] == expected


def test_script_and_tagged_sequence_are_skipped_with_one_warning(tmp_path, monkeypatch, capsys):
    rules = {
        "House/Script.yml": "extends: script\nmessage: x\nscript: 'x := 1'\n",
        "House/Tagged.yml": "extends: sequence\nmessage: x\ntokens: [{tag: NN}]\n",
    }
    project(tmp_path, INI, rules, {"a.md": "Text.\n", "b.md": "More.\n"})
    code, out, err = vale(tmp_path, monkeypatch, capsys)
    assert (code, out) == (0, [])
    assert err.count("House.Script: skipped") == 1 and err.count("House.Tagged: skipped") == 1


def test_rule_switches_levels_and_min_alert_level(tmp_path, monkeypatch, capsys):
    rules = {
        "House/A.yml": "extends: existence\nmessage: A\nlevel: warning\ntokens: [alpha]\n",
        "House/B.yml": "extends: existence\nmessage: B\ntokens: [beta]\n",
    }
    ini = "StylesPath = styles\nMinAlertLevel = warning\n[*.md]\nBasedOnStyles = House\nHouse.B = error\n[b.md]\nHouse.A = NO\n"
    project(tmp_path, ini, rules, {"a.md": "alpha beta\n", "b.md": "alpha beta\n"})
    code, out, _ = vale(tmp_path, monkeypatch, capsys)
    assert out == ["a.md:1:1:House.A:A", "a.md:1:7:House.B:B", "b.md:1:7:House.B:B"]
    assert code == 1  # an error-level alert
    assert vale(tmp_path, monkeypatch, capsys, "--no-exit")[0] == 0
    assert vale(tmp_path, monkeypatch, capsys, "--minAlertLevel=error")[1] == [
        "a.md:1:7:House.B:B",
        "b.md:1:7:House.B:B",
    ]


def test_vocabulary_accept_is_an_exception_and_terms_and_avoid(tmp_path, monkeypatch, capsys):
    rules = {
        "House/Weasel.yml": "extends: existence\nmessage: \"'%s'\"\ntokens: [very, quite]\n",
        "config/vocabularies/Team/accept.txt": "very\nGitHub\n",
        "config/vocabularies/Team/reject.txt": "utilise\n",
    }
    ini = "StylesPath = styles\nVocab = Team\n[*.md]\nBasedOnStyles = Vale, House\n"
    project(tmp_path, ini, rules, {"a.md": "It is very quite fine on github. We utilise it.\n"})
    out = vale(tmp_path, monkeypatch, capsys)[1]
    assert "a.md:1:12:House.Weasel:'quite'" in out and not any("'very'" in line for line in out)
    assert "a.md:1:26:Vale.Terms:Use 'GitHub' instead of 'github'." in out
    assert "a.md:1:37:Vale.Avoid:Avoid using 'utilise'." in out


def test_ignored_code_token_ignores_and_glob(tmp_path, monkeypatch, capsys):
    rules = {"House/R.yml": "extends: existence\nmessage: \"'%s'\"\ntokens: [foo]\n"}
    ini = "StylesPath = styles\n[*.{md,txt}]\nBasedOnStyles = House\nTokenIgnores = (\\{\\{.+?\\}\\})\n"
    files = {"a.md": "foo `foo` {{ foo }}\n\n```\nfoo\n```\n", "b.txt": "foo\n"}
    project(tmp_path, ini, rules, files)
    assert vale(tmp_path, monkeypatch, capsys)[1] == ["a.md:1:1:House.R:'foo'", "b.txt:1:1:House.R:'foo'"]
    assert vale(tmp_path, monkeypatch, capsys, "--glob=*.txt")[1] == ["b.txt:1:1:House.R:'foo'"]
    assert vale(tmp_path, monkeypatch, capsys, "--glob=!*.txt")[1] == ["a.md:1:1:House.R:'foo'"]


def test_stdin_with_ext_and_json_fields(tmp_path, monkeypatch, capsys):
    project(
        tmp_path,
        "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
        {
            "House/R.yml": "extends: existence\nmessage: \"'%s'\"\nlink: https://example.org\nlevel: error\ntokens: [foo]\n"
        },
        {},
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("# foo\n"))
    assert main(["vale", "--output=JSON", "--ext=.md"]) == 1
    data = json.loads(capsys.readouterr().out)
    alert = data["stdin.md"][0]
    assert alert == {
        "Action": {"Name": "", "Params": None},
        "Span": [3, 5],
        "Check": "House.R",
        "Description": "",
        "Link": "https://example.org",
        "Message": "'foo'",
        "Severity": "error",
        "Match": "foo",
        "Line": 1,
    }


def test_config_found_upward_and_unsupported_formats(tmp_path, monkeypatch, capsys):
    project(
        tmp_path,
        INI.replace("[*.md]", "[*]"),
        {"House/R.yml": "extends: existence\nmessage: x\ntokens: [foo]\n"},
        {"docs/a.md": "foo\n", "docs/b.rst": "foo\n"},
    )
    monkeypatch.chdir(tmp_path / "docs")
    code = main(["vale", "--output=line", "--relative", "."])
    captured = capsys.readouterr()
    assert code == 0 and captured.out == "a.md:1:1:House.R:x\n"
    assert "b.rst: skipped: reStructuredText is not supported" in captured.err


@pytest.mark.parametrize(
    "rule,problem",
    [
        ("extends: existence\nmessage: x\ntokens: [foo\n", "line"),
        ("extends: grammar\nmessage: x\n", "extends: 'grammar' is not an extension point"),
        ("extends: existence\nmessage: x\ntokens: ['(foo']\n", "R.yml: tokens['(foo']: not a valid regular expression"),
        ("extends: existence\nmessage: x\ntokens: ['a(?<=b)c']\n", "R.yml: tokens['a(?<=b)c']: not a valid regular"),
    ],
    ids=["bad-yaml", "unknown-extension-point", "bad-regex", "lookaround-inside"],
)
def test_broken_style_is_a_clear_error_exit_2(tmp_path, monkeypatch, capsys, rule, problem):
    project(tmp_path, INI, {"House/R.yml": rule}, {"a.md": "foo\n"})
    code, out, err = vale(tmp_path, monkeypatch, capsys)
    assert code == 2 and out == [] and problem in err and "Traceback" not in err


def test_bad_ini_and_missing_style_exit_2(tmp_path, monkeypatch, capsys):
    project(tmp_path, "StylesPath = styles\n[*.md]\nBasedOnStyles = Nowhere\n", {}, {"a.md": "x\n"})
    code, _, err = vale(tmp_path, monkeypatch, capsys)
    assert code == 2 and "style 'Nowhere' not found" in err
    project(tmp_path, "StylesPath = styles\nMinAlertLevel = loud\n", {}, {})
    assert vale(tmp_path, monkeypatch, capsys)[0] == 2


def test_lookaround_shim_at_the_ends():
    behind = compile_pattern(r"(?<!automatic )entr[a-z]*")
    assert [(m.start, m.end) for m in behind.finditer("automatic entry, entrance")] == [(17, 25)]
    ahead = compile_pattern(r"\bvs\s(?!Code)")
    assert [m.start for m in ahead.finditer("vs Code, vs red")] == [9]
    with pytest.raises(PatternError, match="x.yml: swap: not a valid"):
        compile_pattern("(a", "x.yml", "swap")


def test_catastrophic_pattern_runs_in_linear_time():
    # (a+)+$ on "aaaa...b" takes exponential time in Python's re; RE2 is linear.
    pattern = compile_pattern(r"(a+)+$")
    text = "a" * 5000 + "b"
    began = time.perf_counter()
    assert list(pattern.finditer(text)) == []
    assert time.perf_counter() - began < 2.0


def test_ignored_and_skipped_scopes(tmp_path, monkeypatch, capsys):
    rules = {"House/R.yml": "extends: existence\nmessage: \"'%s'\"\ntokens: [foo]\n"}
    text = "# foo\n\nA [foo](x) link, **foo** and `foo`.\n\n- foo in a list\n"
    project(tmp_path, "StylesPath = styles\n[*.md]\nBasedOnStyles = House\n", rules, {"a.md": text})
    default = vale(tmp_path, monkeypatch, capsys)[1]
    assert default == [
        "a.md:1:3:House.R:'foo'",
        "a.md:3:4:House.R:'foo'",
        "a.md:3:20:House.R:'foo'",
        "a.md:5:3:House.R:'foo'",
    ]
    ini = "StylesPath = styles\nIgnoredScopes = link, strong\nSkippedScopes = li, h1\n[*.md]\nBasedOnStyles = House\n"
    (tmp_path / ".vale.ini").write_text(ini, encoding="utf-8")
    # Code is linted once IgnoredScopes no longer names it (as Vale: the list replaces the default).
    assert vale(tmp_path, monkeypatch, capsys)[1] == ["a.md:3:31:House.R:'foo'"]


def test_spelling_with_a_hunspell_dictionary_and_ignore_file(tmp_path, monkeypatch, capsys):
    rules = {
        "House/Spell.yml": "extends: spelling\nmessage: \"'%s'?\"\ndicpath: dicts\ndictionaries: [tiny]\n"
        "ignore: House/ignore.txt\n",
        "House/ignore.txt": "zorp\n",
        "dicts/tiny.dic": "3\nwalk/DS\nthe\ncat/S\n",
        "dicts/tiny.aff": "SET UTF-8\nSFX D Y 1\nSFX D 0 ed .\nSFX S Y 1\nSFX S 0 s .\n",
    }
    project(tmp_path, INI, rules, {"a.md": "The cats walked the dog zorp.\n"})
    # "dog" is not in the tiny dictionary (used instead of the default): flagged; "zorp" is ignored.
    assert vale(tmp_path, monkeypatch, capsys)[1] == ["a.md:1:21:House.Spell:'dog'?"]


def test_block_ignores_formats_and_table_header(tmp_path, monkeypatch, capsys):
    rules = {
        "House/R.yml": "extends: existence\nmessage: \"'%s'\"\nscope: table.header\ntokens: [foo]\n",
        "House/Any.yml": "extends: existence\nmessage: \"any '%s'\"\ntokens: [bar]\n",
    }
    ini = (
        "StylesPath = styles\n[formats]\nmarkdown2 = md\n[*.{md,markdown2}]\nBasedOnStyles = House\n"
        "BlockIgnores = (?s)<!-- skip -->.*?<!-- end -->\n"
    )
    text = "| foo | x |\n|---|---|\n| foo | y |\n\n<!-- skip -->\n\nbar here\n\n<!-- end -->\n\nbar there\n"
    project(tmp_path, ini, rules, {"a.md": text, "b.markdown2": "bar\n"})
    assert vale(tmp_path, monkeypatch, capsys)[1] == [
        "a.md:1:3:House.R:'foo'",
        "a.md:11:1:House.Any:any 'bar'",
        "b.markdown2:1:1:House.Any:any 'bar'",
    ]


def test_default_output_and_packages_key(tmp_path, monkeypatch, capsys):
    ini = "StylesPath = styles\nPackages = Google\n[*.md]\nBasedOnStyles = House\n"
    project(
        tmp_path,
        ini,
        {"House/R.yml": "extends: existence\nmessage: Avoid\nlevel: warning\ntokens: [foo]\n"},
        {"a.md": "foo\n"},
    )
    monkeypatch.chdir(tmp_path)
    assert main(["vale", "a.md"]) == 0
    out = capsys.readouterr().out
    assert "a.md\n 1:1" in out and "warning" in out and "House.R" in out
    assert "0 errors, 1 warning and 0 suggestions in 1 file." in out


def test_published_style_quirks_load(tmp_path, monkeypatch, capsys):
    # Go's YAML reads \' in a double-quoted string as a quote, and decodes a number as text.
    rules = {"House/R.yml": "extends: existence\nmessage: \"Don\\'t write '%s'\"\ntokens:\n  - 911\n  - foo\n"}
    project(tmp_path, INI, rules, {"a.md": "Call 911 or foo.\n"})
    assert vale(tmp_path, monkeypatch, capsys)[1] == [
        "a.md:1:6:House.R:Don't write '911'",
        "a.md:1:13:House.R:Don't write 'foo'",
    ]


def test_a_rule_without_message_is_an_error(tmp_path, monkeypatch, capsys):
    project(tmp_path, INI, {"House/R.yml": "extends: occurrence\ntoken: x\nmax: 1\n"}, {"a.md": "x\n"})
    code, _, err = vale(tmp_path, monkeypatch, capsys)
    assert code == 2 and "R.yml: message: is missing" in err


def test_limit_and_yml_only(tmp_path, monkeypatch, capsys):
    rules = {
        "House/R.yml": "extends: existence\nmessage: x\nlimit: 2\ntokens: [foo]\n",
        "House/Other.yaml": "extends: existence\nmessage: y\ntokens: [foo]\n",
    }  # Vale reads .yml only
    project(tmp_path, INI, rules, {"a.md": "foo foo foo\n"})
    assert vale(tmp_path, monkeypatch, capsys)[1] == ["a.md:1:1:House.R:x", "a.md:1:5:House.R:x"]


def test_front_matter_and_code_blocks_are_not_prose(tmp_path, monkeypatch, capsys):
    rules = {"House/R.yml": "extends: existence\nmessage: x\ntokens: [foo]\n"}
    text = "---\ntitle: foo\n---\n\nSome foo.\n\n    indented foo\n\n```\nfenced foo\n```\n"
    project(tmp_path, INI, rules, {"a.md": text})
    assert vale(tmp_path, monkeypatch, capsys)[1] == ["a.md:5:6:House.R:x"]


def test_text_argument_path_for_stdin_and_ignore_syntax(tmp_path, monkeypatch, capsys):
    rules = {"House/R.yml": "extends: existence\nmessage: x\ntokens: [foo]\n"}
    project(tmp_path, "StylesPath = styles\n[docs/*]\nBasedOnStyles = House\n", rules, {"docs/a.md": "`foo` foo\n"})
    monkeypatch.chdir(tmp_path)
    # An argument that is not a path is text; --path matches it to the [docs/*] section.
    assert main(["vale", "--output=line", "--path", "docs/x.txt", "say foo"]) == 0
    assert capsys.readouterr().out == "stdin.txt:1:5:House.R:x\n"
    main(["vale", "--output=line", "--relative", "--ignore-syntax", "docs"])
    assert capsys.readouterr().out == "docs/a.md:1:2:House.R:x\ndocs/a.md:1:7:House.R:x\n"


def test_keys_not_read_are_said_not_fatal(tmp_path, monkeypatch, capsys):
    ini = "StylesPath = styles\nNewGlobalKey = 1\n[*.md]\nBasedOnStyles = House\nTransform = x.xsl\nCommentDelimiters = //\n"
    project(tmp_path, ini, {"House/R.yml": "extends: existence\nmessage: x\ntokens: [foo]\n"}, {"a.md": "foo\n"})
    code, out, err = vale(tmp_path, monkeypatch, capsys)
    assert (code, out) == (0, ["a.md:1:1:House.R:x"])
    assert "NewGlobalKey: not applied" in err and "Transform: not applied" in err and "CommentDelimiters" in err


def test_json_action_of_a_replace_substitution(tmp_path, monkeypatch, capsys):
    rule = (
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\ndescription: \"'%s' reads better\"\n"
        "action: {name: replace}\nswap: {utilize: use|employ}\n"
    )
    project(tmp_path, INI, {"House/R.yml": rule}, {"a.md": "We utilize it.\n"})
    monkeypatch.chdir(tmp_path)
    main(["vale", "--output=JSON", "--relative", "a.md"])
    alert = json.loads(capsys.readouterr().out)["a.md"][0]
    assert alert["Action"] == {"Name": "replace", "Params": ["use", "employ"]}
    assert alert["Message"] == "Use 'use' or 'employ' instead of 'utilize'."
    assert alert["Description"] == "''use' or 'employ'' reads better"


def test_a_match_not_verbatim_in_the_source_is_at_column_1_as_in_vale(tmp_path, monkeypatch, capsys):
    rules = {"House/R.yml": "extends: existence\nmessage: \"'%s'\"\ntokens: ['bold text', 'R&D']\n"}
    project(tmp_path, INI, rules, {"a.md": "Some **bold** text here.\n\nOur R&amp;D and R&D.\n"})
    assert vale(tmp_path, monkeypatch, capsys)[1] == [
        "a.md:1:1:House.R:'bold text'",  # markup inside the match
        "a.md:3:1:House.R:'R&D'",  # an entity decoded
        "a.md:3:17:House.R:'R&D'",  # verbatim: its own column
    ]


def test_default_levels_as_vale(tmp_path, monkeypatch, capsys):
    # A rule without a level is a warning; suggestions are hidden unless asked for (Vale's defaults).
    rules = {
        "House/A.yml": "extends: existence\nmessage: A\ntokens: [alpha]\n",
        "House/B.yml": "extends: existence\nmessage: B\nlevel: suggestion\ntokens: [beta]\n",
    }
    project(tmp_path, INI, rules, {"a.md": "alpha beta\n"})
    assert vale(tmp_path, monkeypatch, capsys)[1] == ["a.md:1:1:House.A:A"]
    assert vale(tmp_path, monkeypatch, capsys, "--minAlertLevel=suggestion")[1] == [
        "a.md:1:1:House.A:A",
        "a.md:1:7:House.B:B",
    ]


def test_sections_as_vale_merges_them(tmp_path, monkeypatch, capsys):
    # [*] applies first wherever it stands; a matching section's BasedOnStyles replaces it;
    # a rule switched off in [*] stays off.
    rules = {
        "A/R.yml": "extends: existence\nmessage: a\ntokens: [foo]\n",
        "A/Off.yml": "extends: existence\nmessage: off\ntokens: [foo]\n",
        "B/R.yml": "extends: existence\nmessage: b\ntokens: [foo]\n",
    }
    ini = "StylesPath = styles\n[*.md]\nBasedOnStyles = B, A\n[*]\nBasedOnStyles = A\nA.Off = NO\n"
    project(tmp_path, ini, rules, {"a.md": "foo\n", "b.txt": "foo\n"})
    assert vale(tmp_path, monkeypatch, capsys)[1] == ["a.md:1:1:A.R:a", "a.md:1:1:B.R:b", "b.txt:1:1:A.R:a"]
    (tmp_path / ".vale.ini").rename(tmp_path / "vale.ini")  # another name Vale looks for
    assert vale(tmp_path, monkeypatch, capsys)[1] == ["a.md:1:1:A.R:a", "a.md:1:1:B.R:b", "b.txt:1:1:A.R:a"]


def test_spelling_filters_and_vocabulary_as_vale(tmp_path, monkeypatch, capsys):
    rules = {
        "House/Spell.yml": "extends: spelling\nmessage: \"'%s'?\"\n",
        "House/Raw.yml": "extends: spelling\nmessage: \"raw '%s'?\"\ncustom: true\nfilters: ['^[a-z]+$']\n",
        "config/vocabularies/Team/accept.txt": "Zorbl\n",
    }
    ini = "StylesPath = styles\nVocab = Team\n[*.md]\nBasedOnStyles = House\n"
    project(tmp_path, ini, rules, {"a.md": "The MacBook and NASA and x86 and zorbl and qwrty and Xqwrty.\n"})
    # Default filters skip camel case, capitals at the end and non-letters; the vocabulary
    # is searched regardless of case. `custom: true` drops the default filters.
    assert vale(tmp_path, monkeypatch, capsys)[1] == [
        "a.md:1:5:House.Raw:raw 'MacBook'?",
        "a.md:1:26:House.Raw:raw 'x86'?",
        "a.md:1:44:House.Spell:'qwrty'?",
        "a.md:1:54:House.Raw:raw 'Xqwrty'?",
        "a.md:1:54:House.Spell:'Xqwrty'?",
    ]


def test_lookaround_guards_run_in_linear_time_too():
    # The shim's guard is RE2 as well: a lookbehind Python's re would backtrack on returns at once.
    text = "a" * 5000 + "b"
    began = time.perf_counter()
    assert [m.start for m in compile_pattern(r"(?<=(a+)+)b").finditer(text)] == [5000]
    assert time.perf_counter() - began < 2.0
    # A lookaround before a top-level alternative holds for one branch: not the shim's to split.
    with pytest.raises(PatternError):
        compile_pattern(r"(?<=a)b|c")


def test_an_actions_fix_is_the_messages_second_argument(tmp_path, monkeypatch, capsys):
    rule = (
        "extends: existence\nmessage: \"'%s': write '%s'\"\nnonword: true\n"
        "action: {name: edit, params: [trim_right, '.?!']}\ntokens: ['[a-z]+[.?!]$']\nscope: heading\n"
    )
    project(tmp_path, INI, {"House/R.yml": rule}, {"a.md": "# A title here.\n"})
    assert vale(tmp_path, monkeypatch, capsys)[1] == ["a.md:1:11:House.R:'here.': write 'here'"]


def test_a_file_that_cannot_be_read_is_a_runtime_error(tmp_path, monkeypatch, capsys):
    project(tmp_path, INI, {"House/R.yml": "extends: existence\nmessage: x\ntokens: [foo]\n"}, {"a.md": "foo\n"})
    (tmp_path / "b.md").write_bytes(b"caf\xe9 in Latin-1\n")  # not UTF-8: refused, never guessed
    code, out, err = vale(tmp_path, monkeypatch, capsys)
    assert code == 2 and out == ["a.md:1:1:House.R:x"] and "b.md: cannot be read" in err


def test_the_structure_of_a_pattern_skips_escapes_and_classes():
    from audit.vale.groups import closing, has_top_level, opening, split_top_level

    assert split_top_level(r"a(b,c), [x,y]z, \,d", ",") == ["a(b,c)", "[x,y]z", r"\,d"]
    assert has_top_level("(?<!a)b|c", "|") and not has_top_level("(a|b)c[|]", "|")
    text = r"(?<=x\))a(b)(?=[)]c)"
    assert closing(text, 0) == 7 and opening(text, len(text) - 1) == 12
    assert opening(r"ab\)", 3) is None
