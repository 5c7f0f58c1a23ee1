"""The language server, driven as a subprocess by pytest-lsp's client over stdio."""

from __future__ import annotations

import asyncio
import sys

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed (the test extra)")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

LINE = "🎉 e\u0301 The minister met the the coalition partners."
DRAFT = f"# Draft\n\n{LINE}\n\n![](cat.png)\n"
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "audit", "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


async def open_draft(client, tmp_path, text=DRAFT, name="draft.md", language="markdown"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )
    await asyncio.wait_for(client.wait_for_notification(PUBLISH), 30)
    return uri


def change(client, uri, version, text):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def by_code(client, uri, code):
    return [d for d in client.diagnostics[uri] if d.code == code]


@pytest.mark.asyncio
async def test_diagnostics_on_open_with_utf16_positions_codes_and_links(client: LanguageClient, tmp_path):
    uri = await open_draft(client, tmp_path)
    [typo] = by_code(client, uri, "typo")
    start = LINE.index("the the")
    assert typo.range.start == types.Position(line=2, character=utf16(LINE[:start]))
    assert typo.range.end.character == utf16(LINE[: start + len("the the")])
    assert utf16(LINE[:start]) == start + 1  # the emoji is two code units (one character), the mark one
    assert typo.severity == types.DiagnosticSeverity.Error and typo.source == "article-audit"
    assert typo.code_description and typo.code_description.href.endswith("docs/rules/typo.md")
    [alt] = by_code(client, uri, "image-alt")
    assert alt.range.start == types.Position(line=4, character=0)


@pytest.mark.asyncio
async def test_plain_text_is_not_read_as_markdown(client: LanguageClient, tmp_path):
    uri = await open_draft(client, tmp_path, name="draft.txt", language="plaintext")
    assert by_code(client, uri, "typo") and not by_code(client, uri, "image-alt")


@pytest.mark.asyncio
async def test_the_latest_version_wins_and_stale_results_are_not_published(client: LanguageClient, tmp_path):
    uri = await open_draft(client, tmp_path)
    change(client, uri, 2, DRAFT.replace("![](cat.png)", "![A cat](cat.png)"))
    change(client, uri, 3, DRAFT.replace("the the", "the"))
    published = await asyncio.wait_for(client.wait_for_notification(PUBLISH), 30)
    assert published.version == 3
    assert not by_code(client, uri, "typo") and by_code(client, uri, "image-alt")
    with pytest.raises(asyncio.TimeoutError):  # version 2 was never published
        await asyncio.wait_for(client.wait_for_notification(PUBLISH), 1.0)


@pytest.mark.asyncio
async def test_code_actions_fix_suppress_and_fix_all(client: LanguageClient, tmp_path):
    uri = await open_draft(client, tmp_path)
    [typo] = by_code(client, uri, "typo")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=typo.range,
            context=types.CodeActionContext(diagnostics=[typo]),
        )
    )
    titles = [a.title for a in actions]
    fix = next(a for a in actions if a.title.startswith(("Replace", "Remove")))
    [edit] = fix.edit.changes[uri]
    line = LINE
    s, e = edit.range.start.character, edit.range.end.character
    as_units = line.encode("utf-16-le")
    fixed = (as_units[: 2 * s] + edit.new_text.encode("utf-16-le") + as_units[2 * e :]).decode("utf-16-le")
    assert fixed == LINE.replace("the the", "the")
    suppress = next(a for a in actions if a.title.startswith("Silence typo"))
    [insert] = suppress.edit.changes[uri]
    assert insert.range.start == types.Position(line=2, character=0)
    assert insert.new_text == "<!-- article-audit-disable-next-line typo -->\n"
    fix_all = next(a for a in actions if a.kind == types.CodeActionKind.SourceFixAll)
    assert fix_all.edit.changes[uri], titles
    # The suppression, applied, silences the finding
    change(client, uri, 2, DRAFT.replace(LINE, insert.new_text + LINE))
    await asyncio.wait_for(client.wait_for_notification(PUBLISH), 30)
    assert not by_code(client, uri, "typo") and by_code(client, uri, "image-alt")


@pytest.mark.asyncio
async def test_hover_explains_the_rule_and_figures_are_a_request(client: LanguageClient, tmp_path):
    uri = await open_draft(client, tmp_path)
    [typo] = by_code(client, uri, "typo")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=typo.range.start)
    )
    assert "**typo**" in hover.contents.value and "*Why:*" in hover.contents.value
    figures = await client.protocol.send_request_async("articleAudit/figures", {"textDocument": {"uri": uri}})
    metrics = figures["metrics"] if isinstance(figures, dict) else figures.metrics
    words = metrics["words"] if isinstance(metrics, dict) else metrics.words
    assert words >= 8


@pytest.mark.asyncio
async def test_a_config_error_is_a_diagnostic_and_a_message_and_is_reloaded(client: LanguageClient, tmp_path):
    uri = await open_draft(client, tmp_path)
    config = tmp_path / ".article-audit.toml"
    config.write_text("select = [\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]
        )
    )
    await asyncio.wait_for(client.wait_for_notification(PUBLISH), 30)
    assert len(client.diagnostics[uri]) == 1, [(d.code, d.message) for d in client.diagnostics[uri]]
    [problem] = client.diagnostics[uri]
    assert problem.code == "config" and "configuration error" in problem.message
    assert any("configuration error" in m.message for m in client.messages)
    config.write_text('ignore = ["typo"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    await asyncio.wait_for(client.wait_for_notification(PUBLISH), 30)
    assert not by_code(client, uri, "typo") and by_code(client, uri, "image-alt")
