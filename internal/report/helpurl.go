package report

// RuleHelpURL is the address of a rule's section of docs/rules.md on
// GitHub, as SARIF's helpUri gives it.
func RuleHelpURL(id, title string) string {
	return rulesDocURL + "#" + anchor(id+": "+title)
}
