package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The packages of VS Code's language client that the LSP client test
// runs on, pinned. .ci/run installs them where lspTools looks.
const (
	vscodeJSONRPCVersion   = "10.0.0" // vscode-jsonrpc
	vscodeLSPProtoVersion  = "3.18.5" // vscode-languageserver-protocol
	lspToolsInstallCommand = "npm install --prefix .ci/tools/lsp --save-exact --no-audit --no-fund vscode-jsonrpc@" + vscodeJSONRPCVersion + " vscode-languageserver-protocol@" + vscodeLSPProtoVersion
)

// lspTools finds node and the directory whose node_modules holds
// vscode-jsonrpc and vscode-languageserver-protocol:
// $CHARTERLINT_LSP_TOOLS, or where .ci/run installs them (.ci/tools/lsp).
// Where either is missing the test is skipped, saying how to get it,
// except under CI=true, where that is a failure.
func lspTools(t *testing.T) (node, prefix string) {
	t.Helper()
	return nodePackages(t, "CHARTERLINT_LSP_TOOLS", "lsp", "the LSP client test runs VS Code's language client libraries",
		[]string{"vscode-jsonrpc", "vscode-languageserver-protocol"},
		func(pkg string) string {
			return fmt.Sprintf("%s is not installed: %s (or set CHARTERLINT_LSP_TOOLS to the directory holding its node_modules)", pkg, lspToolsInstallCommand)
		})
}

// TestLSPClient runs testdata/lsp/client.mjs, a client on
// vscode-languageserver-protocol, against `charterlint lsp` (this test
// binary, which TestMain puts on PATH as charterlint): it opens a charter,
// edits it into a capture finding and back, and checks diagnostics,
// definition, references, rename, completion and hover.
func TestLSPClient(t *testing.T) {
	node, prefix := lspTools(t)
	binary, err := exec.LookPath("charterlint")
	if err != nil {
		t.Fatalf("charterlint is not on PATH: %v", err)
	}
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("testdata", "lsp", "fixture.charter.json"))
	if err != nil {
		t.Fatal(err)
	}
	fixture := filepath.Join(dir, "fixture.charter.json")
	if err := os.WriteFile(fixture, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, node, filepath.Join("testdata", "lsp", "client.mjs"), prefix, binary, fixture)
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	t.Logf("client.mjs:\n%s", out.String())
	if err != nil || !strings.Contains(out.String(), "\nPASS") {
		t.Fatalf("node client.mjs: %v", err)
	}
}

// frame is one LSP message with its header.
func frame(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

// TestLSPCommand: `charterlint lsp` answers on standard input and output
// and exits 0 after shutdown and exit, 1 when the input ends without
// them, as the protocol asks.
func TestLSPCommand(t *testing.T) {
	initialize := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	for _, tt := range []struct {
		input string
		code  int
	}{
		{initialize + frame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`) + frame(`{"jsonrpc":"2.0","method":"exit"}`), exitOK},
		{initialize, exitFindings},
	} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"lsp", "--log", filepath.Join(t.TempDir(), "lsp.log")}, strings.NewReader(tt.input), &stdout, &stderr)
		if code != tt.code {
			t.Errorf("exit code %d, want %d; stderr: %s", code, tt.code, stderr.String())
		}
		if !strings.Contains(stdout.String(), `"positionEncoding":"utf-16"`) || !strings.Contains(stdout.String(), `"name":"charterlint"`) {
			t.Errorf("no initialize result on standard output: %s", stdout.String())
		}
	}
}
