"""`article-audit serve` over plain HTTP: what it answers, and the safety rules (policy on
every response, size limit, Host and Origin checks, no file read or written)."""

from __future__ import annotations

import http.client
import json
import os
import threading

import pytest

from audit.cli.main import main

DRAFT = "Minister Harjit. S. Sajjan met the press on Monday. The report was written by staff.\n"


def request(server, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    port = server.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    sent = {"Host": f"127.0.0.1:{port}", **(headers or {})}
    conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    for key, value in sent.items():
        conn.putheader(key, value)
    if body is not None and "Content-Length" not in sent:
        conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response, data


def audit(server, payload, **headers):
    body = json.dumps(payload).encode("utf-8")
    return request(server, "POST", "/api/audit", body, {"Content-Type": "application/json", **headers})


def test_page_and_audit(server):
    response, page = request(server, "GET", "/")
    assert response.status == 200 and response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert b'<textarea id="draft"' in page and b"connect-src 'self'" in page
    response, body = audit(server, {"text": DRAFT, "format": "text"})
    answer = json.loads(body)
    assert response.status == 200
    assert "typo" in answer["html"] and "passive-voice" in answer["html"]
    assert json.loads(answer["json"])["files"][0]["path"] == "draft"
    assert answer["markdown"].startswith("# ") and answer["report_html"].startswith("<!DOCTYPE html>")


def test_every_response_carries_the_policy(server):
    policy = server.app.csp()
    assert policy.startswith("default-src 'none'; style-src 'sha256-") and "script-src 'sha256-" in policy
    answers = [
        request(server, "GET", "/")[0],
        request(server, "GET", "/../../etc/passwd")[0],
        audit(server, {"text": DRAFT})[0],
        audit(server, {"text": 3})[0],
        request(server, "GET", "/", headers={"Host": "evil.example"})[0],
        request(server, "PUT", "/")[0],
    ]
    assert [r.status for r in answers] == [200, 404, 200, 400, 403, 405]
    assert {r.getheader("Content-Security-Policy") for r in answers} == {policy}
    assert {r.getheader("X-Content-Type-Options") for r in answers} == {"nosniff"}


def test_page_policy_matches_its_own_style_and_script(server):
    _, page = request(server, "GET", "/")
    response, _ = request(server, "GET", "/")
    meta = page.decode().split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert meta == response.getheader("Content-Security-Policy")


def test_request_size_is_limited_with_a_clear_message(server):
    from audit.serve.server import MAX_BODY

    response, body = request(
        server,
        "POST",
        "/api/audit",
        b"",
        {"Content-Type": "application/json", "Content-Length": str(MAX_BODY + 1)},
    )
    assert response.status == 413
    assert json.loads(body)["error"].startswith(f"the draft is too large to check here: {MAX_BODY + 1:,} bytes")


def test_other_hosts_are_refused_against_dns_rebinding(server):
    port = server.server_address[1]
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1", f"127.0.0.1:{port + 1}", ""):
        response, body = request(server, "GET", "/", headers={"Host": host})
        assert response.status == 403, host
        assert "Host" in json.loads(body)["error"]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
        assert request(server, "GET", "/", headers={"Host": host})[0].status == 200


def test_cross_origin_calls_are_refused(server):
    port = server.server_address[1]
    for origin in ("http://evil.example", f"http://evil.example:{port}", "null", f"https://127.0.0.1:{port}"):
        response, body = audit(server, {"text": DRAFT}, Origin=origin)
        assert response.status == 403, origin
        assert "may not call" in json.loads(body)["error"]
    assert audit(server, {"text": DRAFT}, Origin=f"http://127.0.0.1:{port}")[0].status == 200
    assert audit(server, {"text": DRAFT}, Origin=f"http://localhost:{port}")[0].status == 200


def test_bad_requests_get_a_message(server):
    assert request(server, "POST", "/api/audit", b"{}", {"Content-Type": "text/plain"})[0].status == 415
    response, body = request(server, "POST", "/api/audit", b"not json", {"Content-Type": "application/json"})
    assert response.status == 400 and json.loads(body)["error"] == "the request is not JSON"
    response, body = audit(server, {"text": DRAFT, "format": "pdf"})
    assert response.status == 400 and "unknown format" in json.loads(body)["error"]
    response, body = request(
        server, "POST", "/api/audit", b'{"text": "a \\ud800 b"}', {"Content-Type": "application/json"}
    )
    assert response.status == 400 and "not text" in json.loads(body)["error"]
    response, body = audit(server, {"text": "   "})
    assert response.status == 200 and json.loads(body)["status"] == "error"


def test_reads_and_writes_no_file(server, tmp_path):
    (tmp_path / "secret.txt").write_text("Do not read me.", encoding="utf-8")
    before = sorted(os.listdir(tmp_path))
    for path in ("/secret.txt", "/api/audit?path=secret.txt", "/%2e%2e/secret.txt"):
        assert request(server, "GET", path)[0].status == 404
    answer = json.loads(audit(server, {"text": "secret.txt", "format": "text"})[1])
    assert "Do not read me" not in json.dumps(answer)
    assert sorted(os.listdir(tmp_path)) == before


def test_concurrent_drafts_each_get_their_own_answer(server):
    results = {}

    def one(n):
        text = f"Draft number {n} is here. " + "It was written by staff. " * n
        findings = json.loads(json.loads(audit(server, {"text": text})[1])["json"])["files"][0]["findings"]
        results[n] = sum(f["rule"] == "passive-voice" and not f.get("metric") for f in findings)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(1, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {1: 1, 2: 2, 3: 3, 4: 4}


@pytest.fixture
def no_serving(monkeypatch):
    """`serve` returns at once instead of serving; records what it would open."""
    from audit.serve import server as module

    opened = []
    monkeypatch.setattr(module.Server, "serve_forever", lambda self: None)
    monkeypatch.setattr("webbrowser.open", opened.append)
    return opened


def test_command_prints_a_loopback_url_and_opens_nothing(no_serving, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["serve", "--isolated"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("article-audit serve: http://127.0.0.1:") and err == ""
    assert no_serving == []
    assert main(["serve", "--isolated", "--open", "--port", "0"]) == 0
    url = capsys.readouterr().out.split(": ", 1)[1].split(" ", 1)[0]
    assert no_serving == [url]


def test_command_warns_when_not_loopback(no_serving, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["serve", "--isolated", "--host", "0.0.0.0"]) == 0
    assert "warning: serving on 0.0.0.0" in capsys.readouterr().err


def test_command_reports_a_bad_config_or_a_busy_port(no_serving, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".article-audit.toml").write_text("fail-on = 3\n", encoding="utf-8")
    assert main(["serve"]) == 2
    assert capsys.readouterr().err
    (tmp_path / ".article-audit.toml").unlink()
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        assert main(["serve", "--isolated", "--port", str(busy.getsockname()[1])]) == 2
        assert "cannot listen on 127.0.0.1" in capsys.readouterr().err


def test_a_fault_while_checking_is_an_answer_not_a_dropped_connection(server, monkeypatch):
    def broken(self, text, fmt):
        raise RuntimeError("a rule broke")

    monkeypatch.setattr(type(server.app), "answer", broken)
    response, body = audit(server, {"text": DRAFT})
    assert response.status == 500
    assert json.loads(body)["error"] == "the draft could not be checked: RuntimeError: a rule broke"
    assert request(server, "GET", "/")[0].status == 200  # and it goes on serving
