from __future__ import annotations

import pytest

from audit.frontends import parse
from audit.rules.html_lang import RULE

BODY = "<body><p>The article text.</p></body>"


def found(source, path="a.html"):
    doc = parse(path, source)
    return [doc.source[f.start:f.end] for f in RULE().check(doc, RULE.defaults())]


@pytest.mark.parametrize(
    "source, excerpt",
    [
        (f"<!DOCTYPE html><html>{BODY}</html>", "<html"),
        (f"<html lang=''>{BODY}</html>", "<html"),
        (f"<html lang='english language'>{BODY}</html>", "<html"),
        (f"<!DOCTYPE html><head><title>t</title></head>{BODY}", "<head"),
        (f"<!doctype html>\n<p>No html, head or body tags at all.</p>", "No html, head or body tags at all."),
    ],
)
def test_flags(source, excerpt):
    assert found(source) == [excerpt]


@pytest.mark.parametrize(
    "source, path",
    [
        (f"<html lang='en'>{BODY}</html>", "a.html"),
        (f"<HTML LANG='en-GB'>{BODY}</HTML>", "a.html"),
        (f"<html xml:lang='en-US' xmlns='http://www.w3.org/1999/xhtml'>{BODY}</html>", "a.html"),
        (f"<html lang='zh-Hant-TW'>{BODY}</html>", "a.html"),
        ("<p>A fragment of a page, as a CMS stores it.</p>", "a.html"),
        ("Plain text has no page language.", "a.txt"),
        ("# Markdown\n\nNeither does Markdown.", "a.md"),
    ],
)
def test_does_not_flag(source, path):
    assert found(source, path) == []


def test_explain_names_the_wcag_criterion(capsys):
    from audit.cli.main import main

    assert main(["explain", RULE.id]) == 0
    assert "success criterion 3.1.1" in capsys.readouterr().out
