// check.mjs drives VS Code's JSON language service (the npm package
// vscode-json-languageservice) over charters, as the editor would, and
// prints what the editor would show: hovers, completion items and
// diagnostics. TestEditorLanguageService (editor_test.go) runs it.
//
// Usage: node check.mjs PREFIX REQUEST
//
// PREFIX is the directory whose node_modules holds the packages (npm
// install --prefix PREFIX ...). REQUEST is a JSON file:
//
//   {
//     "associations": [{"uri": "file:///…/x.schema.json", "fileMatch": ["*.charter.json"]}],
//     "documents": [{
//       "path": "/abs/a.charter.json",
//       "hover": [{"path": ["functions", 0, "decidedBy"], "at": "key"}],
//       "completion": [{"path": ["actors", 0, "class"], "at": "value"}]
//     }]
//   }
//
// Each document is opened with its own "$schema" (a relative path is
// resolved against the document, as VS Code does), or else with the
// associations, which stand for VS Code's json.schemas setting. A query's
// path leads from the root to a property or an array item; "key" puts the
// cursor inside the property's name, "value" just after the opening quote
// of its (string) value. Schemas are read from file: URIs only.
//
// The output, on standard output, is one JSON object:
//
//   {"documents": [{"path", "diagnostics": [{"message", "severity", "line",
//     "character", "text"}], "hover": [{"path", "at", "contents"}],
//     "completion": [{"path", "at", "items": [{"label", "documentation"}]}]}]}
//
// where line and character are 0-based, text is the document text the
// diagnostic covers, contents and documentation are Markdown strings.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [prefix, requestPath] = process.argv.slice(2);
if (!prefix || !requestPath) {
  console.error("usage: node check.mjs PREFIX REQUEST");
  process.exit(2);
}
const require = createRequire(join(prefix, "package.json"));
const ls = require("vscode-json-languageservice");
const { TextDocument } = require("vscode-languageserver-textdocument");

const request = JSON.parse(readFileSync(requestPath, "utf8"));

const service = ls.getLanguageService({
  // Only local files: the test must not reach the network.
  schemaRequestService: async (uri) => {
    if (!uri.startsWith("file:")) {
      throw new Error(`refusing to fetch ${uri}: only file: URIs are read`);
    }
    return readFileSync(fileURLToPath(uri), "utf8");
  },
  workspaceContext: {
    resolveRelativePath: (relativePath, resource) => new URL(relativePath, resource).href,
  },
  // What VS Code announces: Markdown in hovers and completion items.
  clientCapabilities: {
    textDocument: {
      completion: { completionItem: { documentationFormat: ["markdown", "plaintext"] } },
      hover: { contentFormat: ["markdown", "plaintext"] },
    },
  },
});
service.configure({
  validate: true,
  allowComments: false,
  schemas: (request.associations || []).map((a) => ({ uri: a.uri, fileMatch: a.fileMatch })),
});

// nodeAt follows path (property names and item indexes) from the root.
function nodeAt(root, path) {
  let node = root;
  let property;
  for (const step of path) {
    if (node && node.type === "object" && typeof step === "string") {
      property = node.properties.find((p) => p.keyNode.value === step);
      node = property && property.valueNode;
    } else if (node && node.type === "array" && typeof step === "number") {
      property = undefined;
      node = node.items[step];
    } else {
      node = undefined;
    }
    if (!node) {
      throw new Error(`no value at ${JSON.stringify(path)}`);
    }
  }
  return { node, property };
}

function offsetOf(root, query) {
  const { node, property } = nodeAt(root, query.path);
  if (query.at === "key") {
    if (!property) {
      throw new Error(`${JSON.stringify(query.path)} is not a property`);
    }
    return property.keyNode.offset + 1;
  }
  return node.offset + 1;
}

function markdown(content) {
  if (content === undefined || content === null) {
    return "";
  }
  if (typeof content === "string") {
    return content;
  }
  if (Array.isArray(content)) {
    return content.map(markdown).filter((s) => s !== "").join("\n\n");
  }
  return content.value ?? "";
}

const out = { documents: [] };
for (const d of request.documents) {
  const text = readFileSync(d.path, "utf8");
  const doc = TextDocument.create(pathToFileURL(d.path).href, "json", 1, text);
  const json = service.parseJSONDocument(doc);
  const result = { path: d.path, diagnostics: [], hover: [], completion: [] };

  for (const diag of await service.doValidation(doc, json)) {
    result.diagnostics.push({
      message: diag.message,
      severity: diag.severity,
      line: diag.range.start.line,
      character: diag.range.start.character,
      text: doc.getText(diag.range),
    });
  }
  for (const q of d.hover || []) {
    const hover = await service.doHover(doc, doc.positionAt(offsetOf(json.root, q)), json);
    result.hover.push({ path: q.path, at: q.at, contents: hover ? markdown(hover.contents) : "" });
  }
  for (const q of d.completion || []) {
    const list = await service.doComplete(doc, doc.positionAt(offsetOf(json.root, q)), json);
    result.completion.push({
      path: q.path,
      at: q.at,
      items: (list ? list.items : []).map((item) => ({ label: item.label, documentation: markdown(item.documentation) })),
    });
  }
  out.documents.push(result);
}
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
