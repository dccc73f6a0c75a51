// Starts `tdxc lsp` for .tdx files. Everything else (diagnostics, hover,
// completion, go-to-definition, formatting, quick fixes, outline, folding)
// comes from the server; the TextMate grammar gives the base highlighting.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const command = vscode.workspace.getConfiguration('tdx').get<string>('server.path', 'tdxc');
  const serverOptions: ServerOptions = {
    run: { command, args: ['lsp'], transport: TransportKind.stdio },
    debug: { command, args: ['lsp'], transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'tdx' }],
  };
  client = new LanguageClient('tdx', 'tdxc language server', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
