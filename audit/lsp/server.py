"""The language server: diagnostics on open, change (debounced) and save; code actions;
hovers; the document's figures through the custom request `articleAudit/figures`.

Audits run on one worker thread, never on the message loop. Each change replaces the
document's pending audit (latest version wins); a result is published only when the
document still has the version that was audited, so a stale result never shows."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from audit import __version__
from audit.api import audit_text, rules_registry
from audit.config.loader import ConfigError, find
from audit.config.per_folder import PerFolderSettings
from audit.frontends import FRONT_ENDS
from audit.lsp import diagnostics as shapes
from audit.lsp.positions import Positions
from audit.results.model import FileResult

DEBOUNCE_SECONDS = 0.05  # a burst of keystrokes is audited once, after it
FIGURES = "articleAudit/figures"
LANGUAGE_FORMATS = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
CONFIG_FILES = ("**/.article-audit.toml", "**/pyproject.toml")
MARKUP = ("markdown", "html")


@dataclass
class Audited:
    """The last published audit of a document."""

    version: int | None
    result: FileResult
    positions: Positions
    format: str


class AuditServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("article-audit", __version__)
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="article-audit")
        self.pending: dict[str, asyncio.Future] = {}
        self.audited: dict[str, Audited] = {}
        self.per_folder: PerFolderSettings | None = None  # made and used on the worker thread
        self.shown_config_errors: set[str] = set()

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.ensure_future(self._audit_later(uri, delay))

    async def _audit_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return
        version, text = doc.version, doc.source
        fmt = document_format(uri, doc.language_id)
        outcome = await asyncio.get_running_loop().run_in_executor(self.worker, self._audit, uri, text, fmt)
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # stale: the document changed or closed while it was audited
        self.pending.pop(uri, None)
        if isinstance(outcome, ConfigError):
            self.audited.pop(uri, None)
            message = f"article-audit configuration error: {outcome}"
            if message not in self.shown_config_errors:
                self.shown_config_errors.add(message)
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))
            found = [shapes.problem_diagnostic(message, code="config")]
        else:
            positions = Positions(text)
            self.audited[uri] = Audited(version, outcome, positions, fmt)
            found = shapes.diagnostics(outcome, positions)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=found)
        )

    def _audit(self, uri: str, text: str, fmt: str) -> FileResult | ConfigError:
        """On the worker thread: the document's result under its path's configuration."""
        path = to_fs_path(uri) or uri
        try:
            if self.per_folder is None:
                self.per_folder = PerFolderSettings(rules_registry())
            settings = self.per_folder(path)
        except ConfigError as exc:
            return exc
        return audit_text(text, settings, path=path, format=fmt)

    def current(self, uri: str) -> Audited | None:
        """The last audit of the document, if it is of its current text."""
        audited = self.audited.get(uri)
        doc = self.workspace.text_documents.get(uri)
        if audited is None or doc is None or doc.version != audited.version:
            return None
        return audited

    def config_changed(self) -> None:
        def forget() -> None:
            self.per_folder = None
            find.cache_clear()  # the search for config files is memoised per folder

        self.worker.submit(forget)  # on the worker, between audits
        self.shown_config_errors.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)


def document_format(uri: str, language_id: str | None) -> str:
    suffix = os.path.splitext(uri)[1].lower()
    if suffix in FRONT_ENDS:
        return FRONT_ENDS[suffix]
    return LANGUAGE_FORMATS.get(language_id or "", "text")


server = AuditServer()


@server.feature(types.INITIALIZED)
def initialized(ls: AuditServer, params: types.InitializedParams) -> None:
    watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watched and watched.dynamic_registration:
        watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in CONFIG_FILES]
        ls.client_register_capability(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id="article-audit-config",
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
                    )
                ]
            )
        )


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: AuditServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: AuditServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: AuditServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: AuditServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    pending = ls.pending.pop(uri, None)
    if pending is not None:
        pending.cancel()
    ls.audited.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: AuditServer, params: types.DidChangeWatchedFilesParams) -> None:
    ls.config_changed()


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]),
)
def code_actions(ls: AuditServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    audited = ls.current(uri)
    if audited is None:
        return []
    only = params.context.only
    actions: list[types.CodeAction] = []
    if not only or types.CodeActionKind.QuickFix in only:
        for diag in params.context.diagnostics:
            if diag.source != shapes.SOURCE or not isinstance(diag.data, dict) or "index" not in diag.data:
                continue
            index = diag.data["index"]
            if not 0 <= index < len(audited.result.findings):
                continue
            actions += _finding_actions(uri, audited, index, diag)
    if not only or any(kind.startswith(types.CodeActionKind.SourceFixAll) for kind in only):
        edits = shapes.safe_fix_edits(audited.result, audited.positions)
        if edits:
            actions.append(
                types.CodeAction(
                    title="article-audit: apply every safe fix",
                    kind=types.CodeActionKind.SourceFixAll,
                    edit=types.WorkspaceEdit(changes={uri: edits}),
                )
            )
    return actions


def _finding_actions(uri: str, audited: Audited, index: int, diag: types.Diagnostic) -> list[types.CodeAction]:
    item = audited.result.findings[index]
    actions = []
    edit = shapes.fix_edit(item, audited.positions)
    if edit is not None:
        shown = edit.new_text if len(edit.new_text) <= 40 else edit.new_text[:39] + "…"
        title = f"Replace with “{shown}”" if edit.new_text else "Remove it"
        actions.append(
            types.CodeAction(
                title=f"{title} ({item.rule})",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diag],
                is_preferred=item.finding.fix.safe,
                edit=types.WorkspaceEdit(changes={uri: [edit]}),
            )
        )
    suppress = shapes.suppression_edit(item, audited.positions, audited.format in MARKUP)
    actions.append(
        types.CodeAction(
            title=f"Silence {item.rule} on this line (a suppression comment)",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diag],
            edit=types.WorkspaceEdit(changes={uri: [suppress]}),
        )
    )
    return actions


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: AuditServer, params: types.HoverParams) -> types.Hover | None:
    audited = ls.current(params.text_document.uri)
    if audited is None:
        return None
    offset = audited.positions.offset(params.position)
    hits = [i for i in audited.result.findings if i.finding.start <= offset <= max(i.finding.end, i.finding.start + 1)]
    if not hits:
        return None
    rules = rules_registry()
    text = "\n\n---\n\n".join(shapes.hover_text(item, rules.get(item.rule)) for item in hits)
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


@server.feature(FIGURES)
def figures(ls: AuditServer, params: Any) -> dict[str, Any] | None:
    """`articleAudit/figures` {textDocument: {uri}}: the document's status and metrics
    (words, grade, passive share...) as in the JSON report, or null before its first audit."""
    uri = _uri_of(params)
    audited = ls.current(uri) if uri else None
    if audited is None:
        return None
    return {"status": audited.result.status, "metrics": audited.result.metrics}


def _uri_of(params: Any) -> str | None:
    doc = params.get("textDocument") if isinstance(params, dict) else getattr(params, "textDocument", None)
    if doc is None:
        doc = getattr(params, "text_document", None)
    if doc is None:
        return None
    return doc.get("uri") if isinstance(doc, dict) else getattr(doc, "uri", None)


def main() -> None:
    server.start_io()
