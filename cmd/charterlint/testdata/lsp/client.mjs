// A real LSP client for `charterlint lsp`, on the libraries VS Code's
// client is built on (vscode-jsonrpc, vscode-languageserver-protocol).
// Run by TestLSPClient (lsp_test.go):
//
//   node client.mjs PREFIX CHARTERLINT FIXTURE
//
// PREFIX holds node_modules with the packages; CHARTERLINT is the built
// binary; FIXTURE is a charter file to open (testdata/lsp/fixture.charter.json
// copied to a temporary directory). It opens the fixture, edits it into a
// capture finding and back, and checks diagnostics, definition,
// references, rename, completion and hover. It prints one line per check
// and exits non-zero on the first failure.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [prefix, binary, fixture] = process.argv.slice(2);
const require = createRequire(join(prefix, 'package.json'));
const lsp = require('vscode-languageserver-protocol/node');

const child = spawn(binary, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
const published = [];
const waiters = [];
conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
  published.push(p);
  for (const w of [...waiters]) w();
});
conn.listen();

function fail(msg) {
  console.log('FAIL ' + msg);
  child.kill();
  process.exit(1);
}
function check(cond, msg) {
  if (!cond) fail(msg);
  console.log('ok   ' + msg);
}
// diagnostics waits for the diagnostics of uri at version.
function diagnostics(uri, version) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version}`)), 30000);
    const look = () => {
      const p = published.find((p) => p.uri === uri && p.version === version);
      if (p) {
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(look), 1);
        resolve(p.diagnostics);
      }
    };
    waiters.push(look);
    look();
  });
}
// pos is the UTF-16 position of the n-th needle in text, plus delta.
function pos(text, needle, n = 0, delta = 0) {
  let off = -1;
  for (let i = 0; i <= n; i++) {
    off = text.indexOf(needle, off + 1);
    if (off < 0) fail(`${needle} occurs fewer than ${n + 1} times`);
  }
  off += delta;
  const before = text.slice(0, off);
  const line = before.split('\n').length - 1;
  return { line, character: off - (before.lastIndexOf('\n') + 1) }; // JS strings are UTF-16
}

try {
  const init = await conn.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid, rootUri: null, capabilities: { general: { positionEncodings: ['utf-16'] } },
  });
  check(init.capabilities.positionEncoding === 'utf-16', 'initialize: positionEncoding utf-16');
  check(init.capabilities.textDocumentSync.change === lsp.TextDocumentSyncKind.Incremental, 'initialize: incremental sync');
  await conn.sendNotification(lsp.InitializedNotification.type, {});

  const text = readFileSync(fixture, 'utf8');
  const uri = pathToFileURL(fixture).href;
  const doc = { uri };
  await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text } });
  let ds = await diagnostics(uri, 1);
  check(ds.length > 0 && ds.every((d) => d.source === 'charterlint'), `diagnostics on open (${ds.length})`);
  check(!ds.some((d) => d.code === 'CL-CAP-002'), 'no capture finding before the edit');
  const cap5 = ds.find((d) => d.code === 'CL-CAP-005');
  check(cap5 && cap5.codeDescription.href.startsWith('https://github.com/charterlint/charterlint/blob/main/docs/rules.md#cl-cap-005'), 'rule id as code, with its docs');

  // Edit the firms' seat into a seat without a vote: capture.
  const start = pos(text, '"full"', 1);
  const range = { start, end: { line: start.line, character: start.character + 6 } };
  await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range, text: '"none"' }] });
  ds = await diagnostics(uri, 2);
  const capture = ds.find((d) => d.code === 'CL-CAP-002');
  check(capture && capture.severity === lsp.DiagnosticSeverity.Error, 'CL-CAP-002 after the edit, as an error');

  const hover = await conn.sendRequest(lsp.HoverRequest.type, { textDocument: doc, position: capture.range.start });
  check(hover && hover.contents.value.includes('CL-CAP-002') && hover.contents.value.includes('**Why:**'), 'hover on the finding: rule, rationale, source');

  await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ range, text: '"full"' }] });
  ds = await diagnostics(uri, 3);
  check(!ds.some((d) => d.code === 'CL-CAP-002'), 'no capture finding after the edit back');

  const decided = pos(text, '"council"', 1, 2);
  const defs = await conn.sendRequest(lsp.DefinitionRequest.type, { textDocument: doc, position: decided });
  const decl = pos(text, '"council"', 0);
  check(defs.length === 1 && defs[0].range.start.line === decl.line && defs[0].range.start.character === decl.character, 'definition: decidedBy to the body');

  const refs = await conn.sendRequest(lsp.ReferencesRequest.type, { textDocument: doc, position: decided, context: { includeDeclaration: true } });
  check(refs.length === 3, `references of council: ${refs.length}`);

  const edit = await conn.sendRequest(lsp.RenameRequest.type, { textDocument: doc, position: decided, newName: 'board' });
  check(edit.changes[uri].length === 3 && edit.changes[uri].every((e) => e.newText === 'board'), 'rename: every reference');

  const at = pos(text, '"decidedBy": "', 0, '"decidedBy": "'.length);
  const items = await conn.sendRequest(lsp.CompletionRequest.type, { textDocument: doc, position: at });
  const labels = items.map((i) => i.label).sort();
  check(labels.join(',') === 'council,panel' && items.find((i) => i.label === 'council').detail.includes('Council'), 'completion: bodies for decidedBy, with names');

  const h2 = await conn.sendRequest(lsp.HoverRequest.type, { textDocument: doc, position: decided });
  check(h2 && h2.contents.value.includes('role: decision') && h2.contents.value.includes('votes by class'), 'hover on an id: the body');

  await conn.sendRequest(lsp.ShutdownRequest.type);
  await conn.sendNotification(lsp.ExitNotification.type);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  check(code === 0, 'exit code 0 after shutdown and exit');
  conn.dispose();
  console.log('PASS');
} catch (e) {
  fail(String(e && e.stack || e));
}
