package main

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// exampleReport is the committee report shipped in docs/ and shown in the
// README, with its screenshot.
var (
	exampleReport   = []string{"fixtures/itu.charter.json", "fixtures/icann.charter.json"}
	exampleHTML     = "docs/report-example.html"
	examplePNG      = "docs/report-example.png"
	exampleShotSize = [2]int{1280, 2200}
)

// writeReport runs `charterlint report` from the repository's root, as a
// user there would, and returns the HTML file written.
func writeReport(t *testing.T, files ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "report.html")
	var stdout, stderr bytes.Buffer
	args := append([]string{"report", "--no-config", "--output", out}, files...)
	if code := run(args, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("report exited %d: %s", code, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("report wrote to stdout with --output: %q", stdout.String())
	}
	return out
}

// writeDiff runs `charterlint diff --format html` from the repository's
// root and returns the HTML file written.
func writeDiff(t *testing.T, old, new string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "amendment.html")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"diff", "--no-config", "--fail-on", "never", "--format", "html", "--output", out, old, new}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("diff exited %d: %s", code, stderr.String())
	}
	return out
}

// chromium finds a headless Chromium, or skips the test (fails it under
// CI=true, where .ci/run installs one).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missingTool(t, "chromium is not on PATH: apt-get install chromium to render the committee report")
	return ""
}

// headless runs Chromium on a local HTML file at a window size and
// returns its standard output.
func headless(t *testing.T, bin, page string, width, height int, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	abs, err := filepath.Abs(page)
	if err != nil {
		t.Fatal(err)
	}
	all := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
		"--disable-extensions", "--disable-background-networking", "--user-data-dir=" + t.TempDir(),
		"--window-size=" + strconv.Itoa(width) + "," + strconv.Itoa(height),
	}, args...)
	cmd := exec.CommandContext(ctx, bin, append(all, "file://"+filepath.ToSlash(abs))...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return stdout.Bytes()
}

// screenshot renders page to a PNG at a window size and decodes it.
func screenshot(t *testing.T, bin, page, png string, width, height int) image.Image {
	t.Helper()
	headless(t, bin, page, width, height, "--screenshot="+png)
	return decodePNG(t, png)
}

func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

// colours counts the distinct colours of an image.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}

// probePage is the test's page that measures a report: Chromium's
// headless window is never narrower than 500 px, so the report is laid
// out in an iframe of the width wanted (its srcdoc, so that the script,
// which only this page has, may read it), and the script writes the
// report's widths into the DOM, which --dump-dom prints.
const probePage = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0}</style></head><body>
<iframe id="report" style="display:block;border:0;width:%dpx;height:800px" srcdoc="%s"></iframe>
<script>
const f = document.getElementById("report"); // the srcdoc loads after this script has run
function measure() {
  const d = f.contentDocument.documentElement;
  if (!f.contentDocument.querySelector("main")) return; // not the report yet
  document.body.setAttribute("data-measured", d.scrollWidth + " " + d.clientWidth + " " + f.contentWindow.innerWidth);
}
f.addEventListener("load", measure);
</script></body></html>`

var measured = regexp.MustCompile(`data-measured="(\d+) (\d+) (\d+)"`)

// widths returns the report's scroll width, its viewport's width and the
// window's width when laid out width pixels wide; extra is markup added
// at the end of the report's body.
func widths(t *testing.T, bin, page string, width int, extra string) (scroll, client, inner int) {
	t.Helper()
	report, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Replace(string(report), "</body>", extra+"</body>", 1)
	probe := filepath.Join(t.TempDir(), "probe.html")
	if err := os.WriteFile(probe, []byte(fmt.Sprintf(probePage, width, html.EscapeString(body))), 0o644); err != nil {
		t.Fatal(err)
	}
	m := measured.FindSubmatch(headless(t, bin, probe, max(width, 800), 900, "--dump-dom"))
	if m == nil {
		t.Fatalf("the measuring script wrote nothing at %d px", width)
	}
	scroll, _ = strconv.Atoi(string(m[1]))
	client, _ = strconv.Atoi(string(m[2]))
	inner, _ = strconv.Atoi(string(m[3]))
	return scroll, client, inner
}

// TestReportInChromium renders committee reports, and the HTML page of an
// amendment (charterlint diff --format html), which shares their style,
// in headless Chromium at a desktop's and a phone's width: the
// screenshots show something, and the page is never wider than the window
// (wide tables scroll in their own box).
func TestReportInChromium(t *testing.T) {
	bin := chromium(t)
	t.Chdir("../..")
	reports := map[string]string{
		"itu+icann": writeReport(t, exampleReport...),
		"icann":     writeReport(t, "fixtures/icann.charter.json"),
		// Bodies and functions added and removed, a long table of elements.
		"diff": writeDiff(t, "fixtures/lakeside-ix.charter.json", "fixtures/itu.charter.json"),
	}
	for name, page := range reports {
		for _, width := range []int{1280, 390} {
			t.Run(name+"/"+strconv.Itoa(width), func(t *testing.T) {
				img := screenshot(t, bin, page, filepath.Join(t.TempDir(), "shot.png"), width, 1600)
				if b := img.Bounds(); b.Dx() != width || b.Dy() != 1600 {
					t.Errorf("screenshot is %dx%d, want %dx1600", b.Dx(), b.Dy(), width)
				}
				if n := colours(img); n < 16 {
					t.Errorf("screenshot has %d colours: blank?", n)
				}
				scroll, client, inner := widths(t, bin, page, width, "")
				if inner != width {
					t.Errorf("window is %d px wide, want %d", inner, width)
				}
				if scroll > client {
					t.Errorf("page is %d px wide in a %d px viewport: it overflows sideways", scroll, client)
				}
			})
		}
	}
	// The check itself: a page made too wide is caught.
	if scroll, client, _ := widths(t, bin, reports["icann"], 390, `<div style="width:900px">wide</div>`); scroll <= client {
		t.Errorf("an overflowing page measured %d px in %d: the overflow check sees nothing", scroll, client)
	}
}

// TestReportExample keeps docs/report-example.html, the committee report
// of two fixtures, in step with the code, and docs/report-example.png, its
// screenshot, present. Run with -update to rewrite both (the screenshot
// needs Chromium).
func TestReportExample(t *testing.T) {
	t.Chdir("../..")
	got, err := os.ReadFile(writeReport(t, exampleReport...))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(exampleHTML, got, 0o644); err != nil {
			t.Fatal(err)
		}
		bin := chromium(t)
		shot := screenshot(t, bin, exampleHTML, examplePNG, exampleShotSize[0], exampleShotSize[1])
		if colours(shot) < 16 {
			t.Fatalf("%s looks blank", examplePNG)
		}
		return
	}
	want, err := os.ReadFile(exampleHTML)
	if err != nil {
		t.Fatalf("%v; run go test ./cmd/charterlint -run TestReportExample -update", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale; run go test ./cmd/charterlint -run TestReportExample -update", exampleHTML)
	}
	if _, err := os.Stat(examplePNG); err != nil {
		t.Errorf("%v; run go test ./cmd/charterlint -run TestReportExample -update", err)
	}
}
