package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The VS Code extension packager, pinned (3.x: 4.x needs Node.js 22).
// .ci/run installs it where vsceTool looks.
const (
	vsceVersion        = "3.9.2"
	vsceInstallCommand = "npm install --prefix .ci/tools/vsce --no-audit --no-fund --save-exact @vscode/vsce@" + vsceVersion
)

// vsceTool finds node, npm and vsce: $CHARTERLINT_VSCE_TOOLS or
// .ci/tools/vsce, the directory whose node_modules holds @vscode/vsce.
// Where one is missing the test is skipped, saying how to get it, except
// under CI=true, where that is a failure.
func vsceTool(t *testing.T) (node, npm, vsce string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		missingTool(t, "node is not installed; packaging the VS Code extension needs Node.js (20 or later) and npm")
	}
	npm, err = exec.LookPath("npm")
	if err != nil {
		missingTool(t, "npm is not installed; packaging the VS Code extension needs Node.js (20 or later) and npm")
	}
	prefix := os.Getenv("CHARTERLINT_VSCE_TOOLS")
	if prefix == "" {
		prefix = filepath.Join("..", "..", ".ci", "tools", "vsce")
	}
	vsce = filepath.Join(prefix, "node_modules", "@vscode", "vsce", "vsce")
	if _, err := os.Stat(vsce); err != nil {
		missingTool(t, fmt.Sprintf("@vscode/vsce is not installed: %s (or set CHARTERLINT_VSCE_TOOLS to the directory holding its node_modules)", vsceInstallCommand))
	}
	if vsce, err = filepath.Abs(vsce); err != nil {
		t.Fatal(err)
	}
	return node, npm, vsce
}

// TestVSCodeExtension packages editors/vscode as a user would: in a copy
// of it, npm installs its dependencies (without dev dependencies) and
// vsce packages it into a .vsix. The .vsix must hold the manifest, the
// extension and vscode-languageclient, and its manifest must say what
// the extension promises (activation, settings, an exactly pinned
// client). Then testdata/vscode/activate.cjs loads the extension in Node
// against a stub of the vscode module and activates it: it must start
// `<charterlint.path> lsp <charterlint.args...>` over stdio for charters.
func TestVSCodeExtension(t *testing.T) {
	node, npm, vsce := vsceTool(t)
	src := filepath.Join("..", "..", "editors", "vscode")
	dir := filepath.Join(t.TempDir(), "vscode")
	if err := copyExtension(src, dir); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	runIn := func(name string, args ...string) (string, error) {
		var out bytes.Buffer
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader("") // vsce asks questions on a terminal
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}

	if out, err := runIn(npm, "install", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"); err != nil {
		missingTool(t, fmt.Sprintf("npm install in a copy of editors/vscode (it needs the npm registry): %v\n%s", err, out))
	}
	// There is no LICENSE file in the repository for vsce to include.
	vsix := filepath.Join(dir, "charterlint.vsix")
	if out, err := runIn(node, vsce, "package", "--skip-license", "--out", vsix); err != nil {
		t.Fatalf("vsce package: %v\n%s", err, out)
	}

	files := readVSIX(t, vsix)
	for _, name := range []string{
		"extension.vsixmanifest",
		"extension/package.json",
		"extension/extension.js",
		"extension/node_modules/vscode-languageclient/package.json",
		"extension/node_modules/vscode-languageclient/lib/node/main.js",
	} {
		if _, ok := files[name]; !ok {
			t.Errorf("the .vsix has no %s", name)
		}
	}
	for name := range files {
		if strings.HasSuffix(name, ".vsix") || strings.HasSuffix(name, "package-lock.json") {
			t.Errorf("the .vsix holds %s, which .vscodeignore excludes", name)
		}
	}

	var manifest struct {
		Name, Publisher, Main string
		Engines               map[string]string
		ActivationEvents      []string
		Dependencies          map[string]string
		Contributes           struct {
			Configuration struct {
				Properties map[string]struct {
					Type    string
					Default any
				}
			}
		}
	}
	if err := json.Unmarshal(files["extension/package.json"], &manifest); err != nil {
		t.Fatalf("extension/package.json: %v", err)
	}
	if manifest.Name != "charterlint" || manifest.Publisher != "charterlint" || manifest.Main != "./extension.js" {
		t.Errorf("name %q, publisher %q, main %q; want charterlint, charterlint, ./extension.js", manifest.Name, manifest.Publisher, manifest.Main)
	}
	if want := []string{"onLanguage:json", "workspaceContains:**/*.charter.json"}; !reflect.DeepEqual(manifest.ActivationEvents, want) {
		t.Errorf("activationEvents %q, want %q", manifest.ActivationEvents, want)
	}
	if !strings.HasPrefix(manifest.Engines["vscode"], "^1.") {
		t.Errorf("engines.vscode %q", manifest.Engines["vscode"])
	}
	client := manifest.Dependencies["vscode-languageclient"]
	if client == "" || strings.ContainsAny(client, "^~<>=*x ") {
		t.Errorf("vscode-languageclient %q is not pinned to one version", client)
	}
	var installed struct{ Version string }
	if err := json.Unmarshal(files["extension/node_modules/vscode-languageclient/package.json"], &installed); err == nil && installed.Version != client {
		t.Errorf("the .vsix holds vscode-languageclient %s, package.json pins %s", installed.Version, client)
	}
	props := manifest.Contributes.Configuration.Properties
	if p := props["charterlint.path"]; p.Type != "string" || p.Default != "charterlint" {
		t.Errorf("setting charterlint.path: %+v, want a string defaulting to charterlint", p)
	}
	if p := props["charterlint.args"]; p.Type != "array" || !reflect.DeepEqual(p.Default, []any{}) {
		t.Errorf("setting charterlint.args: %+v, want an array defaulting to []", p)
	}

	if out, err := runIn(node, "--check", "extension.js"); err != nil {
		t.Fatalf("node --check extension.js: %v\n%s", err, out)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "vscode", "activate.cjs"))
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, node, script, dir)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node activate.cjs: %v\n%s", err, stderr.String())
	}
	var got struct {
		Clients          int
		ID               string
		Command          string
		Args             []string
		Transport, Stdio int
		DocumentSelector []map[string]string
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("activate.cjs printed %q: %v", stdout.String(), err)
	}
	if got.Clients != 1 || got.ID != "charterlint" {
		t.Errorf("activate created %d clients, id %q; want one, charterlint", got.Clients, got.ID)
	}
	// activate.cjs sets charterlint.path and charterlint.args to these.
	if got.Command != "/opt/bin/charterlint" || !reflect.DeepEqual(got.Args, []string{"lsp", "--policy", "rules/"}) || got.Transport != got.Stdio {
		t.Errorf("server %q %q, transport %d; want /opt/bin/charterlint [lsp --policy rules/] over stdio (%d)", got.Command, got.Args, got.Transport, got.Stdio)
	}
	wantSelector := []map[string]string{
		{"scheme": "file", "pattern": "**/*.charter.json"},
		{"scheme": "untitled", "language": "json"},
	}
	if !reflect.DeepEqual(got.DocumentSelector, wantSelector) {
		t.Errorf("documentSelector %v, want %v", got.DocumentSelector, wantSelector)
	}
}

// copyExtension copies the extension's sources, leaving out what a
// developer's own npm install or vsce package left there.
func copyExtension(src, dst string) error {
	return copyTree(src, dst, func(rel string, d fs.DirEntry) bool {
		return d.IsDir() && rel == "node_modules" || strings.HasSuffix(rel, ".vsix")
	})
}

// readVSIX reads every file of a .vsix (a zip archive) by name.
func readVSIX(t *testing.T, path string) map[string][]byte {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("the .vsix is not a zip archive: %v", err)
	}
	defer r.Close()
	files := make(map[string][]byte)
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s in the .vsix: %v", f.Name, err)
		}
		files[f.Name] = data
	}
	return files
}
