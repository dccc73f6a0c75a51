// End-to-end test of `tdxc lsp` with a real LSP client: the JSON-RPC
// connection and message types of vscode-languageserver-protocol (the library
// under VS Code's own client), talking to the server over its stdio.
//
//   node e2e.js path/to/tdxc
//
// It writes a small workspace to a temporary directory, opens a file with a
// mistake, waits for the diagnostics, asks for hover, completion, definition,
// code actions, formatting, symbols and folding ranges, applies the quick fix
// and the formatting edits like an editor would, and checks every answer.
// Prints PASS and exits 0, or prints FAIL: reason and exits 1.
'use strict';

const assert = require('assert');
const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const rpc = require('vscode-jsonrpc/node');
const proto = require('vscode-languageserver-protocol');

const tdxc = process.argv[2];
if (!tdxc) {
  console.error('usage: node e2e.js TDXC');
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tdxc-lsp-e2e-'));
const uriOf = (p) => 'file://' + p.split('/').map(encodeURIComponent).join('/');
const imagePath = path.join(work, 'image.tdx');
const libPath = path.join(work, 'lib.tdx');
fs.writeFileSync(libPath, [
  '/// Says hello.',
  'module Greeter {',
  '  /// Who to greet.',
  '  param who: string = "world"',
  '  file "/etc/greeting" { content = "hello ${who}\\n" }',
  '}',
  '',
].join('\n'));
// Line 7 has non-ASCII text before the mistake-free part; line 8 the mistake.
let text = [
  'import "std/tdx"',           // 0
  'import "lib.tdx"',           // 1
  '',                           // 2
  'image "e2e" {',              // 3
  '  base   = "debian/trixie"', // 4
  '  use KeyGeneration "k" { strategy = "tpm" }',  // 5
  '  use Greeter { who = "ops" }',                 // 6
  '  file "/etc/motd" { content = "héllo 😀" }',   // 7
  '  pakages += ["curl"]',      // 8
  '  service "app" {',          // 9
  '    exec = ["/usr/bin/app"]', // 10
  '    ',                        // 11
  '    restart = "no"',          // 12
  '  }',                         // 13
  '}',                           // 14
  '',
].join('\n');
fs.writeFileSync(imagePath, text);
const imageUri = uriOf(imagePath);

const server = childProcess.spawn(tdxc, ['lsp'], {
  stdio: ['pipe', 'pipe', 'inherit'],
  env: Object.assign({}, process.env, { XDG_CACHE_HOME: path.join(work, 'cache') }),
});
let shuttingDown = false;
let serverExit = null;
server.on('exit', (code) => {
  serverExit = code;
  if (!shuttingDown) fail(`server exited early (code ${code})`);
});
setTimeout(() => fail('global timeout (60 s)'), 60000).unref();

function fail(message) {
  console.log('FAIL: ' + message);
  try { server.kill(); } catch (e) { /* already gone */ }
  process.exit(1);
}

const connection = rpc.createMessageConnection(
  new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));

// Diagnostics per URI, and waiters for a given version.
const diagnostics = new Map();
const waiters = [];
connection.onNotification(proto.PublishDiagnosticsNotification.type, (params) => {
  diagnostics.set(params.uri, params);
  for (const w of waiters.splice(0)) {
    if (!w.check(params)) waiters.push(w); else w.resolve(params);
  }
});
function waitForDiagnostics(check, what) {
  return new Promise((resolve, reject) => {
    for (const params of diagnostics.values()) if (check(params)) return resolve(params);
    const timer = setTimeout(() => reject(new Error('timed out waiting for ' + what)), 10000);
    waiters.push({ check, resolve: (p) => { clearTimeout(timer); resolve(p); } });
  });
}
connection.listen();

const doc = { uri: imageUri };
const pos = (line, character) => ({ line, character });

// Applies TextEdits the way an editor does (UTF-16 positions, last first).
function applyEdits(source, edits) {
  const lines = source.split('\n');
  const offsetOf = (p) => {
    let offset = 0;
    for (let i = 0; i < p.line && i < lines.length; i++) offset += lines[i].length + 1;
    return offset + Math.min(p.character, (lines[p.line] || '').length);
  };
  const sorted = edits.slice().sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start));
  for (const e of sorted) {
    source = source.slice(0, offsetOf(e.range.start)) + e.newText + source.slice(offsetOf(e.range.end));
  }
  return source;
}

async function main() {
  const init = await connection.sendRequest(proto.InitializeRequest.type, {
    processId: process.pid,
    rootUri: uriOf(work),
    workspaceFolders: null,
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: false } },
        publishDiagnostics: { relatedInformation: true },
      },
    },
  });
  assert.strictEqual(init.capabilities.textDocumentSync.change, proto.TextDocumentSyncKind.Full);
  assert.ok(init.capabilities.hoverProvider && init.capabilities.definitionProvider);
  await connection.sendNotification(proto.InitializedNotification.type, {});

  await connection.sendNotification(proto.DidOpenTextDocumentNotification.type, {
    textDocument: { uri: imageUri, languageId: 'tdx', version: 1, text },
  });
  const first = await waitForDiagnostics((p) => p.uri === imageUri && p.version === 1, 'diagnostics of version 1');
  assert.strictEqual(first.diagnostics.length, 1, JSON.stringify(first.diagnostics));
  const mistake = first.diagnostics[0];
  assert.strictEqual(mistake.code, 'E_UNKNOWN_KEY');
  assert.strictEqual(mistake.source, 'tdxc');
  assert.deepStrictEqual(mistake.range, { start: pos(8, 2), end: pos(8, 9) });

  // Hover: a key, a module from an imported file, a stdlib module argument.
  const base = await connection.sendRequest(proto.HoverRequest.type, { textDocument: doc, position: pos(4, 3) });
  assert.match(base.contents.value, /\*\*Type:\*\* string/);
  assert.match(base.contents.value, /Distribution and release/);
  const greeter = await connection.sendRequest(proto.HoverRequest.type, { textDocument: doc, position: pos(6, 8) });
  assert.match(greeter.contents.value, /module Greeter/);
  assert.match(greeter.contents.value, /Says hello\./);
  const strategy = await connection.sendRequest(proto.HoverRequest.type, { textDocument: doc, position: pos(5, 28) });
  assert.match(strategy.contents.value, /Allowed values:\*\* "tpm", "random", "pipe"/);
  // UTF-16: "content" after "héllo 😀" on line 7 is still found by position.
  const content = await connection.sendRequest(proto.HoverRequest.type, { textDocument: doc, position: pos(7, 22) });
  assert.match(content.contents.value, /content = \.\.\.  \/\/ in file/);

  // Completion: keys of the enclosing service block; a key's enum values.
  const keys = await connection.sendRequest(proto.CompletionRequest.type, { textDocument: doc, position: pos(11, 4) });
  const keyLabels = keys.items.map((i) => i.label);
  for (const k of ['exec', 'restart', 'user', 'extra']) assert.ok(keyLabels.includes(k), `completion lacks ${k}: ${keyLabels}`);
  assert.ok(!keyLabels.includes('base'), 'image keys offered inside a service');
  const values = await connection.sendRequest(proto.CompletionRequest.type, { textDocument: doc, position: pos(12, 14) });
  assert.deepStrictEqual(values.items.map((i) => i.label).slice(0, 3), ['"no"', '"always"', '"on-success"']);

  // Definition: a module of an imported file, a stdlib module (a real file).
  const toGreeter = await connection.sendRequest(proto.DefinitionRequest.type, { textDocument: doc, position: pos(6, 8) });
  assert.strictEqual(toGreeter.uri, uriOf(libPath));
  assert.deepStrictEqual(toGreeter.range.start, pos(1, 7));
  const toKeyGen = await connection.sendRequest(proto.DefinitionRequest.type, { textDocument: doc, position: pos(5, 8) });
  const keyGenFile = decodeURIComponent(toKeyGen.uri.replace(/^file:\/\//, ''));
  const keyGenLine = fs.readFileSync(keyGenFile, 'utf8').split('\n')[toKeyGen.range.start.line];
  assert.match(keyGenLine, /module KeyGeneration/);

  // The quick fix from the diagnostic's fix-it, applied like an editor does.
  const actions = await connection.sendRequest(proto.CodeActionRequest.type, {
    textDocument: doc, range: mistake.range, context: { diagnostics: [mistake] },
  });
  assert.strictEqual(actions.length, 1);
  assert.strictEqual(actions[0].title, "Replace 'pakages' with 'packages'");
  text = applyEdits(text, actions[0].edit.changes[imageUri]);
  await connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: imageUri, version: 2 }, contentChanges: [{ text }],
  });
  const fixed = await waitForDiagnostics((p) => p.uri === imageUri && p.version === 2, 'diagnostics of version 2');
  assert.deepStrictEqual(fixed.diagnostics, []);

  // Formatting: one edit; applied, the file is canonical and a second request has nothing to do.
  const edits = await connection.sendRequest(proto.DocumentFormattingRequest.type, {
    textDocument: doc, options: { tabSize: 2, insertSpaces: true },
  });
  assert.strictEqual(edits.length, 1);
  text = applyEdits(text, edits);
  assert.ok(text.includes('\n  base = "debian/trixie"\n'), text);
  assert.ok(text.includes('\n  service "app" {\n    exec = ["/usr/bin/app"]\n\n    restart = "no"\n  }\n'), text);
  await connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: imageUri, version: 3 }, contentChanges: [{ text }],
  });
  await waitForDiagnostics((p) => p.uri === imageUri && p.version === 3, 'diagnostics of version 3');
  const again = await connection.sendRequest(proto.DocumentFormattingRequest.type, {
    textDocument: doc, options: { tabSize: 2, insertSpaces: true },
  });
  assert.deepStrictEqual(again, []);

  // Outline and folding.
  const symbols = await connection.sendRequest(proto.DocumentSymbolRequest.type, { textDocument: doc });
  const image = symbols.find((s) => s.name === 'image "e2e"');
  assert.ok(image, JSON.stringify(symbols.map((s) => s.name)));
  assert.ok(image.children.some((c) => c.name === 'service "app"'));
  const folds = await connection.sendRequest(proto.FoldingRangeRequest.type, { textDocument: doc });
  assert.ok(folds.some((f) => f.startLine === 3), JSON.stringify(folds));

  // Closing clears the diagnostics.
  await connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: imageUri, version: 4 }, contentChanges: [{ text: text.replace('packages', 'pkgs') }],
  });
  const broken = await waitForDiagnostics((p) => p.uri === imageUri && p.version === 4, 'diagnostics of version 4');
  assert.strictEqual(broken.diagnostics.length, 1);
  await connection.sendNotification(proto.DidCloseTextDocumentNotification.type, { textDocument: doc });
  await waitForDiagnostics((p) => p.uri === imageUri && p.version === undefined && p.diagnostics.length === 0,
    'diagnostics cleared on close');

  shuttingDown = true;
  await connection.sendRequest(proto.ShutdownRequest.type);
  await connection.sendNotification(proto.ExitNotification.type);
  const code = await new Promise((resolve) => {
    if (serverExit !== null) return resolve(serverExit);
    server.on('exit', resolve);
  });
  assert.strictEqual(code, 0, 'server exit code after shutdown and exit');
  fs.rmSync(work, { recursive: true, force: true });
  console.log('PASS');
  process.exit(0);
}

main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
