// Loads the extension (node activate.cjs EXTDIR) against a stub of the
// `vscode` module, activates it with charterlint.path and charterlint.args
// set, and prints as JSON what it gave LanguageClient: the server command
// and arguments, the transport and the document selector. The real
// vscode-languageclient/node is loaded too (it must load against the
// stub), then its LanguageClient is replaced by a recorder, since a real
// client needs a running VS Code.
'use strict';

const Module = require('module');
const path = require('path');

const extDir = path.resolve(process.argv[2]);

// Any property of the stub is a callable, constructible stub in turn.
function stub(name) {
  const fn = function () {};
  return new Proxy(fn, {
    get(target, prop) {
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'prototype') return target.prototype;
      if (!(prop in target)) target[prop] = stub(`${name}.${String(prop)}`);
      return target[prop];
    },
    apply() { return stub(`${name}()`); },
    construct() { return stub(`new ${name}`); },
  });
}

const settings = { path: '/opt/bin/charterlint', args: ['--policy', 'rules/'] };
const vscode = stub('vscode');
vscode.workspace.getConfiguration = (section) => {
  if (section !== 'charterlint') throw new Error(`unexpected configuration section ${section}`);
  return { get: (key) => settings[key] };
};
vscode.workspace.onDidChangeConfiguration = () => ({ dispose() {} });

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  return load.call(this, request, parent, isMain);
};

const real = require(require.resolve('vscode-languageclient/node', { paths: [extDir] }));
if (typeof real.LanguageClient !== 'function') {
  throw new Error('vscode-languageclient/node exports no LanguageClient');
}
const created = [];
real.LanguageClient = class {
  constructor(id, name, serverOptions, clientOptions) {
    created.push({ id, name, serverOptions, clientOptions });
  }
  async start() { this.started = true; }
  async stop() {}
};

const ext = require(path.join(extDir, 'extension.js'));
for (const f of ['activate', 'deactivate']) {
  if (typeof ext[f] !== 'function') throw new Error(`extension.js exports no ${f}`);
}
(async () => {
  const context = { subscriptions: [] };
  await ext.activate(context);
  await ext.deactivate();
  const c = created[0] || {};
  process.stdout.write(JSON.stringify({
    clients: created.length,
    id: c.id,
    command: c.serverOptions && c.serverOptions.command,
    args: c.serverOptions && c.serverOptions.args,
    transport: c.serverOptions && c.serverOptions.transport,
    stdio: real.TransportKind.stdio,
    documentSelector: c.clientOptions && c.clientOptions.documentSelector,
    subscriptions: context.subscriptions.length,
  }) + '\n');
})().catch((err) => { console.error(err); process.exit(1); });
