"""Paragraphs that did not change are not segmented again: an editor's document (the
language server audits it at each pause in typing) costs its changed paragraphs."""

from __future__ import annotations

import pytest

from audit.api import check_text
from audit.document import model


@pytest.fixture
def counted(monkeypatch):
    calls: list[str] = []
    plain = model.split_sentences

    def counting(text):
        calls.append(text)
        return plain(text)

    monkeypatch.setattr(model, "split_sentences", counting)
    model.segmented.cache_clear()
    yield calls
    model.segmented.cache_clear()


PARAS = [f"Paragraph {n} says the council met on day {n}. It agreed to meet again soon." for n in range(1, 9)]


def test_an_edit_segments_only_the_changed_paragraph(counted):
    text = "# Draft\n\n" + "\n\n".join(PARAS) + "\n"
    first = check_text(text, format="markdown")
    assert len(counted) == len(PARAS) + 1  # the heading and each paragraph once
    counted.clear()
    edited = text.replace("day 3.", "day 3 and night.", 1)
    second = check_text(edited, format="markdown")
    assert len(counted) == 1 and "night" in counted[0]
    assert second.metrics["words"] == first.metrics["words"] + 2


def test_the_memo_gives_what_the_plain_steps_give():
    for block in [*PARAS, "Mr. Smith met Dr. Jones. They talked.", "", "One"]:
        cuts = model.split_sentences(block)
        assert model.segmented(block).plain() == (cuts, model._tokens_by_sentence(block, cuts))
