#!/usr/bin/env python3
"""The language server at the protocol level, with frames written by hand:
what a real client never sends (bad JSON, bad framing, requests out of
order) and what Neovim's client does not exercise (UTF-8 and UTF-32
positions, CSV documents, creating .titlelint.ini).  Each session is one
run of `titlelint lsp`; every answer is checked.

    protocol.py BUILD/titlelint
"""
import json
import os
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1])
WRAP = os.environ.get("LSP_WRAPPER", "").split()   # e.g. valgrind
failures = 0


def check(ok, what):
    global failures
    print(("ok: " if ok else "FAIL: ") + what)
    failures += not ok


def frame(msg):
    body = msg if isinstance(msg, bytes) else json.dumps(msg, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def session(*frames, caps=None, root=None, init=True, shutdown=True):
    """Runs the server over the frames (dicts, or bytes sent as they are);
    returns (exit status, messages written, stderr)."""
    data = b""
    if init:
        params = {"capabilities": caps or {}}
        if root:
            params["rootUri"] = "file://" + root
        data += frame({"jsonrpc": "2.0", "id": "init", "method": "initialize", "params": params})
        data += frame({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    for f in frames:
        data += f if isinstance(f, bytes) else frame(f)
    if shutdown:
        data += frame({"jsonrpc": "2.0", "id": "bye", "method": "shutdown"})
        data += frame({"jsonrpc": "2.0", "method": "exit"})
    p = subprocess.run(WRAP + ([BIN, "lsp", "--no-config"] if root is None else [BIN, "lsp"]),
                       input=data, capture_output=True, timeout=120, cwd=root or "/")
    out, msgs = p.stdout, []
    while out:
        head, _, rest = out.partition(b"\r\n\r\n")
        assert head.startswith(b"Content-Length: "), head
        n = int(head.split(b": ")[1])
        msgs.append(json.loads(rest[:n]))
        out = rest[n:]
    return p.returncode, msgs, p.stderr.decode()


def response(msgs, id):
    return next((m for m in msgs if "id" in m and m["id"] == id and "method" not in m), None)


def published(msgs, uri):
    return [m["params"] for m in msgs if m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri]


def did_open(uri, text, version=1):
    return {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": version, "text": text}}}


def code_action(id, uri, line, only=None):
    ctx = {"diagnostics": []}
    if only:
        ctx["only"] = only
    pos = {"line": line, "character": 0}
    return {"jsonrpc": "2.0", "id": id, "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": uri}, "range": {"start": pos, "end": pos}, "context": ctx}}


def by_code(diags, code):
    return [d for d in diags if d["code"] == code]


# -- the lifecycle ---------------------------------------------------------
rc, msgs, _ = session({"jsonrpc": "2.0", "id": 1, "method": "shutdown"}, init=False,
                      shutdown=False)
r = response(msgs, 1)
check(r and r["error"]["code"] == -32002, "a request before initialize: ServerNotInitialized")
check(rc == 1, "the input ends without shutdown and exit: exit status 1")

rc, msgs, _ = session({"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": {}},
                      {"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {}},
                      {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 1}},
                      {"jsonrpc": "2.0", "method": "some/notification"})
init = response(msgs, "init")["result"]
check(init["capabilities"]["positionEncoding"] == "utf-16", "UTF-16 when the client names none")
check(init["capabilities"]["textDocumentSync"]["change"] == 2, "incremental sync is offered")
check(response(msgs, 2)["error"]["code"] == -32600, "a second initialize: InvalidRequest")
check(response(msgs, 3)["error"]["code"] == -32601, "an unknown request: MethodNotFound")
check(len(msgs) == 4, "notifications get no answer (%d messages)" % len(msgs))
check(rc == 0 and response(msgs, "bye")["result"] is None, "shutdown, exit: status 0")

rc, msgs, _ = session(shutdown=False, *[
    {"jsonrpc": "2.0", "id": 4, "method": "shutdown"},
    {"jsonrpc": "2.0", "id": 5, "method": "textDocument/codeAction", "params": {}},
    {"jsonrpc": "2.0", "method": "exit"}])
check(response(msgs, 5)["error"]["code"] == -32600, "a request after shutdown: InvalidRequest")
check(rc == 0, "exit after shutdown: status 0")

# -- bad input never stops the server --------------------------------------
big = 70 * 1024 * 1024
rc, msgs, _ = session(
    b"Content-Length: 9\r\n\r\n{not json",
    b"Content-Length: 5\r\n\r\n\xff\xfe\"a\"",
    b"Content-Type: application/vscode-jsonrpc\r\n\r\n",
    b"Content-Length: %d\r\n\r\n" % big + b" " * big,
    frame([1, 2]),
    {"jsonrpc": "2.0", "id": {"bad": 1}, "method": "shutdown"},
    {"jsonrpc": "2.0", "id": 6, "method": "textDocument/codeAction",
     "params": {"textDocument": {"uri": "file:///nowhere.txt"}}},
    did_open("file:///n.txt", "香奈儿同款\u0000外套\n"))
errors = [m["error"]["code"] for m in msgs if "error" in m]
check(errors[:6] == [-32700, -32700, -32600, -32600, -32600, -32600],
      "bad JSON, bad UTF-8, no Content-Length, %d MiB body, a batch, a bad id: %s"
      % (big >> 20, errors[:6]))
check(any("over the limit of 64 MiB" in m["error"]["message"] for m in msgs if "error" in m),
      "the size limit is named in the error")
check(response(msgs, 6)["error"]["code"] == -32602, "codeAction on an unopened document: InvalidParams")
diags = published(msgs, "file:///n.txt")[0]["diagnostics"]
check([d["code"] for d in diags] == ["TL001"], "a title with a NUL byte: invalid-input")
check(rc == 0, "and the server still shuts down cleanly")

# -- positions in each encoding --------------------------------------------
title = "🌸杨幂同款碎花雪纺连衣裙"
for enc, start, end in (("utf-8", 4, 16), ("utf-32", 1, 5), ("utf-16", 2, 6)):
    rc, msgs, _ = session(did_open("file:///e.txt", "\n" + title + "\n"),
                          caps={"general": {"positionEncodings": [enc, "utf-16"]}})
    check(response(msgs, "init")["result"]["capabilities"]["positionEncoding"] == enc,
          enc + " is chosen when offered first")
    d = by_code(published(msgs, "file:///e.txt")[0]["diagnostics"], "TL502")[0]["range"]
    check(d["start"] == {"line": 1, "character": start} and d["end"]["character"] == end,
          "%s: the celebrity after an emoji is at %d..%d (%s)" % (enc, start, end, d))

# incremental changes, in UTF-32: insert a brand-riding phrase after the emoji
rc, msgs, _ = session(
    did_open("file:///c.txt", "🌸纯棉短袖T恤男夏季宽松圆领\n"),
    {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": "file:///c.txt", "version": 2},
        "contentChanges": [{"range": {"start": {"line": 0, "character": 1},
                                      "end": {"line": 0, "character": 1}}, "text": "耐克同款"}]}},
    {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": "file:///c.txt", "version": 3},
        "contentChanges": [{"text": "杨幂同款连衣裙\n"}]}},
    {"jsonrpc": "2.0", "method": "textDocument/didClose",
     "params": {"textDocument": {"uri": "file:///c.txt"}}},
    caps={"general": {"positionEncodings": ["utf-32"]}})
pubs = published(msgs, "file:///c.txt")
check(len(pubs) == 4 and pubs[1]["version"] == 2, "open, changes and close each publish")
check("TL502" in [d["code"] for d in pubs[2]["diagnostics"]] and pubs[2]["version"] == 3,
      "a full-text change replaces the document")
riding = by_code(pubs[1]["diagnostics"], "TL501")
check(riding and riding[0]["range"]["start"]["character"] == 1 and
      riding[0]["range"]["end"]["character"] == 5, "the inserted text is linted where it went")
check(pubs[3]["diagnostics"] == [], "didClose clears the diagnostics")

# a line inserted above: the titles below keep their findings (reused,
# not checked again) at their new place
rc, msgs, _ = session(
    did_open("file:///m.txt", "x耐克同款跑步鞋男\n"),
    {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": "file:///m.txt", "version": 2},
        "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                      "end": {"line": 0, "character": 0}},
                            "text": "纯棉短袖T恤男夏季宽松圆领\n"}]}})
before, after = [by_code(p["diagnostics"], "TL501") for p in published(msgs, "file:///m.txt")]
check(before[0]["range"]["start"] == {"line": 0, "character": 1} and
      after[0]["range"]["start"] == {"line": 1, "character": 1} and
      after[0]["range"]["end"] == {"line": 1, "character": 5} and
      before[0]["message"] == after[0]["message"], "findings move with their line")

# -- CSV documents, code actions, .titlelint.ini ---------------------------
with tempfile.TemporaryDirectory() as root:
    csv = os.path.join(root, "export.csv")
    text = ("商品ID,商品标题,品牌\n"
            "1,\"香奈儿同款,小香风粗花呢短外套女\",\n"
            "2,香奈儿经典粗花呢短外套女秋冬,香奈儿\n")
    with open(csv, "w") as f:
        f.write(text)
    uri = "file://" + csv
    caps = {"workspace": {"workspaceEdit": {"documentChanges": True,
                                            "resourceOperations": ["create"]}}}
    rc, msgs, _ = session(did_open(uri, text), code_action(7, uri, 1), code_action(8, uri, 2),
                          code_action(9, uri, 1, only=["source.fixAll"]), caps=caps, root=root)
    diags = published(msgs, uri)[0]["diagnostics"]
    riding = by_code(diags, "TL501")
    check(len(riding) == 1 and riding[0]["range"]["start"] == {"line": 1, "character": 3},
          "CSV: row 1 rides (inside its quoted cell); row 2 is the brand's own")
    acts = response(msgs, 7)["result"]
    fix = next(a for a in acts if a["kind"] == "quickfix" and a.get("isPreferred"))
    edit = fix["edit"]["changes"][uri][0]
    check(edit["range"]["start"] == {"line": 1, "character": 3} and
          "香奈儿" not in edit["newText"], "the quick fix replaces the cell's text: " + edit["newText"])
    auth = next((a for a in acts if "已授权名单" in a["title"]), None)
    ops = auth and auth["edit"]["documentChanges"]
    check(ops and ops[0]["kind"] == "create" and
          ops[0]["uri"] == "file://" + root + "/.titlelint.ini" and
          ops[1]["edits"][0]["newText"].startswith("[authorized]\n香奈儿 = "),
          "no .titlelint.ini yet: the authorize action creates one in the workspace folder")
    check([a["kind"] for a in response(msgs, 8)["result"]] == ["source.fixAll"],
          "on a clean row, only fix-all")
    only = response(msgs, 9)["result"]
    check([a["kind"] for a in only] == ["source.fixAll"], "context.only is honoured")

    # with a .titlelint.ini: edits of the file as it is
    with open(os.path.join(root, ".titlelint.ini"), "w") as f:
        f.write("[titlelint]\nlang = zh\n\n[authorized]\n迪士尼 = 授权书 DS-1\n\n[severity]\nTL603 = off\n")
    rc, msgs, _ = session(did_open(uri, text), code_action(10, uri, 1), caps=caps, root=root)
    auth = next(a for a in response(msgs, 10)["result"] if "已授权名单" in a["title"])
    e = auth["edit"]["changes"]["file://" + root + "/.titlelint.ini"][0]
    check(e["range"]["start"] == {"line": 4, "character": 14} and e["newText"].startswith("\n香奈儿 = "),
          "the name is added at the end of [authorized] (%s)" % e["range"]["start"])

    with open(os.path.join(root, ".titlelint.ini"), "w") as f:
        f.write("[authorized\n")
    rc, msgs, err = session(did_open(uri, text), root=root)
    shown = [m["params"] for m in msgs if m.get("method") == "window/showMessage"]
    check(shown and shown[0]["type"] == 1 and ".titlelint.ini:1" in shown[0]["message"],
          "a broken .titlelint.ini is shown with its file and line")
    check(published(msgs, uri), "and the document is still linted")

sys.exit(1 if failures else 0)
