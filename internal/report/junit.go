package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/finding"
)

// junitReporter writes JUnit XML, the test report that CI systems show
// (GitLab's artifacts:reports:junit, Jenkins' junit step): a <testsuites>
// root with the run's counts, a <testsuite> per charter, named by its path
// as shown, and in it a <testcase> per rule evaluated on the charter: the
// stages parse, schema and reference, every rule of the catalogue, then
// each other rule with findings in the charter (the cap's "limit").
//
// A rule with findings in the charter fails, whatever their severity:
// --fail-on decides the exit code, not what the report shows. JUnit allows
// one <failure> per test case, so it says how many findings there are,
// takes the most severe one's severity as its type, and lists them one a
// line as the text format prints them. A charter stopped by a structural
// stage has the later stages and the rules skipped, since they did not run.
// Charters that could not be analysed at all (an unreadable file, a
// timeout) are counted in one <error>, their messages being on standard
// error.
//
// The root element carries the run's counts, so the document is written at
// Finish; until then the reporter keeps each charter's findings and counts,
// as the json format does, never its test cases.
type junitReporter struct {
	w     io.Writer
	run   *Run
	files []junitFile
}

// junitFile is what the reporter keeps of an analysis until Finish.
type junitFile struct {
	path     string
	findings []finding.Finding
	config   bool     // the configuration or baseline file, not a charter
	disabled []string // rules turned off for the charter
	counts   junitCounts
}

type junitCounts struct{ tests, failures, errors, skipped int }

func (c *junitCounts) add(d junitCounts) {
	c.tests += d.tests
	c.failures += d.failures
	c.errors += d.errors
	c.skipped += d.skipped
}

// The XML elements. Attributes follow the schema the Jenkins xUnit plugin
// validates JUnit reports with (testdata/junit.xsd), which GitLab reads too;
// there is no time or timestamp, so that a report depends only on the
// charters and the rules.
type (
	junitSuite struct {
		XMLName  xml.Name    `xml:"testsuite"`
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Skipped  int         `xml:"skipped,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name string `xml:"name,attr"`
		// Classname is the charter's path, not "charterlint.<group>": CI
		// viewers identify a test by class name and name (GitLab compares
		// test cases between pipelines by them to list new and fixed
		// failures on a merge request; Jenkins keeps a test's history by
		// them), and a rule fails in many charters. GitLab shows the path
		// as the test's suite; Jenkins splits it at its last dot, so each
		// charter is a package ("charters/itu.charter") of one class.
		Classname string        `xml:"classname,attr"`
		Skipped   *junitSkipped `xml:"skipped,omitempty"`
		Failure   *junitProblem `xml:"failure,omitempty"`
		Error     *junitProblem `xml:"error,omitempty"`
	}
	junitSkipped struct {
		Message string `xml:"message,attr"`
	}
	// junitProblem is a <failure> or an <error>.
	junitProblem struct {
		Message string
		Type    string
		Text    string
	}
)

// MarshalXML writes the problem's text as character data with its line
// breaks as they are: a ",chardata" field would write each as "&#xA;",
// which the XML reads the same but a person reading the file cannot.
func (p junitProblem) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	start.Attr = append(start.Attr,
		xml.Attr{Name: xml.Name{Local: "message"}, Value: p.Message},
		xml.Attr{Name: xml.Name{Local: "type"}, Value: p.Type})
	for _, t := range []xml.Token{start, xml.CharData(p.Text), start.End()} {
		if err := e.EncodeToken(t); err != nil {
			return err
		}
	}
	return nil
}

func (r *junitReporter) Start(run *Run) error { r.run = run; return nil }

func (r *junitReporter) File(a *analysis.Analysis) error {
	f := junitFile{path: a.Path, findings: a.Findings, config: a.Config, disabled: a.Disabled}
	_, f.counts = r.suite(f)
	r.files = append(r.files, f)
	return nil
}

func (r *junitReporter) Finish(s Summary) error {
	var total junitCounts
	for _, f := range r.files {
		total.add(f.counts)
	}
	var failed *junitSuite
	if s.Failed > 0 {
		// The files whose analysis failed never reach File: one test case
		// stands for them, so that the report does not pass a run that
		// failed.
		failed = &junitSuite{Name: "charterlint", Tests: 1, Errors: 1, Cases: []junitCase{{
			Name: "analysis", Classname: "charterlint",
			Error: &junitProblem{
				Message: fmt.Sprintf("%s could not be analysed", plural(s.Failed, "charter", "charters")),
				Type:    "analysis",
				Text:    "The errors went to standard error: an unreadable file, an analysis that did not finish in time or passed the memory ceiling, or an internal error.",
			},
		}}}
		total.add(junitCounts{tests: 1, errors: 1})
	}

	if _, err := io.WriteString(r.w, xml.Header); err != nil {
		return fmt.Errorf("write JUnit report: %w", err)
	}
	enc := xml.NewEncoder(r.w)
	enc.Indent("", "  ")
	start := xml.StartElement{Name: xml.Name{Local: "testsuites"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "name"}, Value: "charterlint"},
		{Name: xml.Name{Local: "tests"}, Value: strconv.Itoa(total.tests)},
		{Name: xml.Name{Local: "failures"}, Value: strconv.Itoa(total.failures)},
		{Name: xml.Name{Local: "errors"}, Value: strconv.Itoa(total.errors)},
	}}
	if err := enc.EncodeToken(start); err != nil {
		return fmt.Errorf("write JUnit report: %w", err)
	}
	// One suite at a time: a large run never holds every test case at once.
	for _, f := range r.files {
		suite, _ := r.suite(f)
		if err := enc.Encode(suite); err != nil {
			return fmt.Errorf("write JUnit report: %s: %w", f.path, err)
		}
	}
	if failed != nil {
		if err := enc.Encode(failed); err != nil {
			return fmt.Errorf("write JUnit report: %w", err)
		}
	}
	if err := enc.EncodeToken(start.End()); err != nil {
		return fmt.Errorf("write JUnit report: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("write JUnit report: %w", err)
	}
	if _, err := io.WriteString(r.w, "\n"); err != nil {
		return fmt.Errorf("write JUnit report: %w", err)
	}
	return nil
}

// suite is a charter's test suite and its counts.
func (r *junitReporter) suite(file junitFile) (*junitSuite, junitCounts) {
	path, fs := file.path, file.findings
	byRule := make(map[string][]finding.Finding)
	var others []string // rules with findings outside the stages and the catalogue
	stopped := ""       // the first stage with findings, which stopped the pipeline
	for _, f := range fs {
		if _, ok := byRule[f.Rule]; !ok {
			_, known := r.run.Rule(f.Rule)
			if !finding.Structural(f.Rule) && !known {
				others = append(others, f.Rule)
			}
		}
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	for _, s := range structural {
		if finding.Structural(s.ID) && len(byRule[s.ID]) > 0 {
			stopped = s.ID
			break
		}
	}
	slices.Sort(others)

	suite := &junitSuite{Name: path}
	add := func(id, skipped string) {
		c := junitCase{Name: id, Classname: path}
		switch {
		case len(byRule[id]) > 0:
			c.Failure = junitFailure(byRule[id])
			suite.Failures++
		case skipped != "":
			c.Skipped = &junitSkipped{Message: skipped}
			suite.Skipped++
		}
		suite.Cases = append(suite.Cases, c)
	}
	if file.config {
		// The configuration or baseline: a case per rule with findings.
		for _, id := range others {
			add(id, "")
		}
		suite.Tests = len(suite.Cases)
		return suite, junitCounts{tests: suite.Tests, failures: suite.Failures}
	}
	after := false // past the stage that stopped the pipeline
	for _, s := range structural {
		if !finding.Structural(s.ID) {
			continue
		}
		skipped := ""
		if after {
			skipped = "stage not run: the charter has " + stopped + " errors"
		}
		add(s.ID, skipped)
		after = after || s.ID == stopped
	}
	skipped := ""
	if stopped != "" {
		skipped = "rules not run: the charter has " + stopped + " errors"
	}
	for _, rule := range r.run.Rules {
		switch {
		case skipped == "" && slices.Contains(file.disabled, rule.ID):
			add(rule.ID, "disabled for this charter by the configuration or the command line")
		default:
			add(rule.ID, skipped)
		}
	}
	for _, id := range others {
		add(id, "")
	}
	suite.Tests = len(suite.Cases)
	return suite, junitCounts{tests: suite.Tests, failures: suite.Failures, skipped: suite.Skipped}
}

// junitFailure is the one failure of a rule with findings: how many, the
// worst severity, and each finding as the text format prints it.
func junitFailure(fs []finding.Finding) *junitProblem {
	var worst finding.Severity
	var text []byte
	for _, f := range fs {
		worst = max(worst, f.Severity)
		text = append(f.AppendText(text), '\n')
	}
	return &junitProblem{
		Message: plural(len(fs), "finding", "findings"),
		Type:    worst.String(),
		Text:    string(text),
	}
}
