// The charterlint extension: starts `charterlint lsp` over standard input
// and output for charters (*.charter.json, and untitled JSON buffers,
// where the server stays silent unless "format" is "charterlint/v1").
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration('charterlint');
  const command = config.get('path') || 'charterlint';
  const args = ['lsp', ...(config.get('args') || [])];
  return { command, args, transport: TransportKind.stdio };
}

async function activate(context) {
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', pattern: '**/*.charter.json' },
      { scheme: 'untitled', language: 'json' },
    ],
  };
  client = new LanguageClient('charterlint', 'charterlint', serverOptions(), clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('charterlint') || !client) {
        return;
      }
      // The command is fixed when the client starts: restart with the new one.
      try {
        await client.stop();
      } catch (err) {
        // A server that never started has nothing to stop.
      }
      client = new LanguageClient('charterlint', 'charterlint', serverOptions(), clientOptions);
      await client.start();
    }),
  );
  await client.start();
}

async function deactivate() {
  if (client) {
    await client.stop();
    client = undefined;
  }
}

module.exports = { activate, deactivate };
