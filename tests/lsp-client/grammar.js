// Tokenizes .tdx text with the VS Code extension's TextMate grammar
// (editors/vscode/syntaxes/tdx.tmLanguage.json) through vscode-textmate, the
// engine VS Code uses, and checks the scopes of representative tokens.
//
//   node grammar.js path/to/tdx.tmLanguage.json
//
// Prints PASS and exits 0, or prints FAIL: reason and exits 1.
'use strict';

const fs = require('fs');
const path = require('path');
const oniguruma = require('vscode-oniguruma');
const textmate = require('vscode-textmate');

const grammarPath = process.argv[2];
const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));

const lines = [
  '/// Doc comment',
  'import "std/tdx"',
  'const PORT: int = 8080 // trailing',
  'module Web {',
  '  param mode: enum("a", "b") = "a"',
  '  service "web-${mode}" { exec = ["/usr/bin/web"], enabled = true }',
  '  use KeyGeneration "k" { strategy = "tpm" }',
  '  if mode == "a" && !debug { packages += to_list("x") }',
  '  script "s" { run = """',
  '    echo "${HOME}"',
  '  """ }',
  '}',
];

// [line, text, a scope the token must have]
const expected = [
  [0, '/// Doc comment', 'comment.line.documentation.tdx'],
  [1, 'import', 'keyword.control.import.tdx'],
  [1, 'std/tdx', 'string.quoted.double.tdx'],
  [2, 'const', 'storage.type.tdx'],
  [2, 'PORT', 'variable.other.constant.tdx'],
  [2, '8080', 'constant.numeric.integer.tdx'],
  [2, '// trailing', 'comment.line.double-slash.tdx'],
  [3, 'Web', 'entity.name.type.module.tdx'],
  [4, 'enum', 'support.type.tdx'],
  [5, 'service', 'entity.name.tag.block.tdx'],
  [5, 'mode', 'variable.other.tdx'],
  [5, 'exec', 'variable.other.property.tdx'],
  [5, 'true', 'constant.language.boolean.tdx'],
  [6, 'KeyGeneration', 'entity.name.type.module.tdx'],
  [7, 'if', 'keyword.control.tdx'],
  [7, '==', 'keyword.operator.comparison.tdx'],
  [7, '&&', 'keyword.operator.logical.tdx'],
  [7, 'to_list', 'support.function.tdx'],
  [9, '    echo "${HOME}"', 'string.quoted.triple.tdx'],
];

function fail(message) {
  console.log('FAIL: ' + message);
  process.exit(1);
}

async function main() {
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  const grammar = await registry.loadGrammar('source.tdx');
  if (!grammar) fail('the grammar did not load');
  let state = textmate.INITIAL;
  const tokens = lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
  for (const [line, text, scope] of expected) {
    const token = tokens[line].find((t) => t.text === text);
    if (!token) fail(`line ${line}: no token '${text}' in ${JSON.stringify(tokens[line].map((t) => t.text))}`);
    if (!token.scopes.includes(scope)) fail(`line ${line}: '${text}' has ${token.scopes.join(' ')}, not ${scope}`);
  }
  console.log('PASS');
}

main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
