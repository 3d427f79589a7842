package corpus

import "github.com/charterlint/charterlint/internal/charter"

// The word pools below are functions rather than package variables so that
// the package holds no mutable state. All names are invented; none of them
// describes a real institution. A named pair holds a name and the short id
// a charter author would give it.

// named is a name and its id.
type named struct{ name, id string }

func places() []string {
	return []string{
		"Aldoria", "Belmark", "Corvania", "Dunmere", "Estavia", "Farrow",
		"Galdor", "Halvenia", "Istrella", "Kestria", "Lumeria", "Marovia",
		"Norland", "Pellam", "Quarra", "Rosmarck", "Solvia", "Tarnis",
		"Ulvania", "Veldra", "Westmarch", "Zentria",
	}
}

func firmPrefixes() []string {
	return []string{
		"Meridian", "Altavia", "Castellan", "Borealis", "Northwind", "Cobalt",
		"Halcyon", "Granite", "Vantage", "Lumen", "Sable", "Keystone",
		"Orion", "Tidewater", "Summit", "Redwood", "Arclight", "Bluefin",
	}
}

func firmNouns() []string {
	return []string{"Telecom", "Networks", "Cloud", "Fibre", "Hosting", "Domains", "Data", "Mobile"}
}

func firmSuffixes() []string {
	return []string{"plc", "SA", "AG", "Ltd", "Oy", "Inc.", "GmbH", "BV"}
}

// constituencies returns constituencies of an actor class.
func constituencies(class string) []named {
	switch class {
	case charter.ClassGovernment:
		return []named{{"National governments", "governments"}, {"Member-state regulators", "regulators"}, {"Local governments", "local-governments"}, {"Privacy regulators", "dpas"}, {"Competition authorities", "competition"}, {"National CERTs", "national-certs"}, {"Ministries", "ministries"}, {"Parliaments", "parliaments"}, {"Cities", "cities"}}
	case charter.ClassIntergovernmental:
		return []named{{"IGOs", "igos"}, {"Economic communities", "recs"}, {"UN specialised agencies", "un-agencies"}, {"Development banks", "development-banks"}, {"Treaty secretariats", "treaty-secretariats"}}
	case charter.ClassPrivateSector:
		return []named{{"Registries", "registries"}, {"Registrars", "registrars"}, {"Access providers", "isps"}, {"Content providers", "content-providers"}, {"Equipment vendors", "vendors"}, {"Cloud operators", "cloud-operators"}, {"Business users", "business-users"}, {"Mobile operators", "mobile-operators"}, {"Hosting providers", "hosters"}, {"Ordinary members", "ordinary-members"}, {"Carriers", "carriers"}, {"Transit providers", "transit"}, {"Data centres", "data-centres"}, {"Platforms", "platforms"}, {"Broadcasters", "broadcasters"}, {"Start-ups", "startups"}}
	case charter.ClassCivilSociety:
		return []named{{"Non-commercial users", "noncommercial-users"}, {"Consumer groups", "consumer-groups"}, {"Digital rights groups", "digital-rights"}, {"Individual users", "individual-users"}, {"Human rights NGOs", "human-rights-ngos"}, {"Library associations", "libraries"}, {"Community networks", "community-networks"}, {"Disability groups", "disability-groups"}, {"Consumers", "consumers"}, {"Journalists", "journalists"}, {"Privacy NGOs", "privacy-ngos"}, {"Youth groups", "youth"}, {"Trade unions", "unions"}}
	case charter.ClassTechnicalCommunity:
		return []named{{"Internet registries", "rirs"}, {"Root server operators", "root-operators"}, {"Network operators' groups", "nogs"}, {"Protocol engineers", "engineers"}, {"Incident response teams", "csirts"}, {"Open-source maintainers", "maintainers"}, {"Exchange point operators", "ixps"}, {"Country-code registries", "cctlds"}, {"DNS operators", "dns-operators"}, {"Resolver operators", "resolvers"}, {"Standards editors", "editors"}, {"Operators", "operators"}}
	default:
		return []named{{"Universities", "universities"}, {"Governance scholars", "scholars"}, {"Research networks", "nrens"}, {"Computer scientists", "computer-scientists"}, {"Law faculties", "law-faculties"}, {"Research institutes", "institutes"}, {"Students", "students"}, {"Think tanks", "think-tanks"}}
	}
}

// orgPatterns returns name and id patterns of single organisations of an
// actor class; %[1]s is a place, %[2]s the place in lower case.
func orgPatterns(class string) []named {
	switch class {
	case charter.ClassGovernment:
		return []named{{"%[1]s Digital Ministry", "%[2]s-digital-ministry"}, {"%[1]s Regulator", "%[2]s-regulator"}, {"%[1]s Cyber Centre", "%[2]s-ncsc"}, {"Government of %[1]s", "%[2]s"}}
	case charter.ClassIntergovernmental:
		return []named{{"%[1]s Telecom Union", "%[2]s-tu"}, {"%[1]s Economic Community", "%[2]s-ec"}, {"%[1]s Development Bank", "%[2]s-bank"}}
	case charter.ClassCivilSociety:
		return []named{{"%[1]s Digital Rights", "%[2]s-drf"}, {"%[1]s Consumer Council", "%[2]s-consumers"}, {"Open Net %[1]s", "open-net-%[2]s"}}
	case charter.ClassTechnicalCommunity:
		return []named{{"%[1]s Operators Group", "%[2]s-nog"}, {"%[1]s CERT", "%[2]s-cert"}, {"%[1]s Internet Exchange", "%[2]s-ix"}, {"%[1]s Internet Society", "%[2]s-isoc"}}
	case charter.ClassAcademia:
		return []named{{"University of %[1]s", "%[2]s-university"}, {"%[1]s Tech Institute", "%[2]s-tech"}, {"%[1]s Internet Centre", "%[2]s-centre"}}
	}
	return nil
}

func charterNames(a archetype) []string {
	switch a {
	case archGovVotes:
		return []string{"Digital Cooperation Council", "Internet Policy Forum", "Cyber Governance Partnership", "Digital Trust Council"}
	case archIncumbent:
		return []string{"Peering Alliance", "Interconnection Consortium", "Carrier Forum", "Cloud Interoperability Alliance"}
	case archOpen:
		return []string{"Internet Engineering Forum", "Routing Security Task Force", "Open Protocols Community", "Network Operators Forum"}
	case archIntergov:
		return []string{"Telecommunication Conference", "Regional Radio Union", "Cybercrime Convention Committee", "Spectrum Coordination Union"}
	case archNational:
		return []string{"Internet Governance Council", "Digital Infrastructure Board", "Online Safety Commission", "National Cyber Council"}
	default:
		return []string{"Internet Coordination Council", "Names and Numbers Authority", "Digital Commons Council", "Internet Resources Forum"}
	}
}

func bodyNames(role string, open bool) []named {
	switch role {
	case charter.RoleDecision:
		if open {
			return []named{{"Open Working Group", "wg"}, {"Plenary of Participants", "plenary"}, {"Routing Working Group", "routing-wg"}, {"Protocol Working Group", "protocol-wg"}}
		}
		return []named{{"Board of Directors", "board"}, {"Governing Council", "council"}, {"Executive Board", "executive-board"}, {"Plenary Assembly", "assembly"}, {"Steering Committee", "steering"}, {"Council of Members", "members-council"}}
	case charter.RoleAdvisory:
		if open {
			return []named{{"Open Policy Forum", "policy-forum"}, {"Community Forum", "community-forum"}, {"Open Consultation Group", "consultation"}}
		}
		return []named{{"Technical Advisory Committee", "tac"}, {"Governmental Advisory Committee", "gac"}, {"Civil Society Advisory Council", "csac"}, {"Security Advisory Committee", "sac"}, {"Academic Advisory Panel", "aap"}, {"User Advisory Forum", "uaf"}, {"Industry Advisory Group", "iag"}}
	case charter.RoleNominating:
		return []named{{"Nominating Committee", "nomcom"}, {"Selection Committee", "selcom"}}
	case charter.RoleAppeal:
		return []named{{"Appeals Panel", "appeals-panel"}, {"Independent Review Panel", "irp"}, {"Reconsideration Committee", "recon"}, {"Dispute Resolution Board", "drb"}}
	case charter.RoleOversight:
		return []named{{"Oversight Committee", "oversight"}, {"Members' Assembly", "members"}, {"Audit Committee", "audit"}, {"Supervisory Board", "supervisory"}}
	default:
		return []named{{"Secretariat", "secretariat"}, {"Executive Office", "executive"}, {"Support Unit", "support"}}
	}
}

func functionNames(category string) []named {
	switch category {
	case "critical-internet-resources":
		return []named{{"DNS root zone policy", "root-zone"}, {"Generic TLD policy", "gtld-policy"}, {"ccTLD delegation", "cctld-delegation"}, {"IP address allocation", "ip-allocation"}, {"AS number assignment", "asn-assignment"}, {"Protocol registries", "protocol-registries"}, {"Reverse DNS delegation", "reverse-dns"}}
	case "standards-setting":
		return []named{{"Protocol standards", "protocol-standards"}, {"Accessibility guidelines", "accessibility"}, {"Routing security standards", "routing-security"}, {"Encryption standards", "encryption"}, {"Interoperability profiles", "interop-profiles"}, {"Conformance testing", "conformance"}}
	case "access-and-interconnection":
		return []named{{"Peering eligibility", "peering"}, {"Interconnection pricing", "ic-pricing"}, {"Exchange point rules", "ix-rules"}, {"Universal service", "universal-service"}, {"Broadband obligations", "broadband"}, {"Network neutrality rules", "net-neutrality"}}
	case "cybersecurity-operations":
		return []named{{"Incident coordination", "incidents"}, {"Vulnerability disclosure", "vuln-disclosure"}, {"Botnet takedowns", "botnet-takedowns"}, {"Routing incidents", "routing-incidents"}, {"Infrastructure protection", "cip"}}
	case "cybercrime-and-state-conduct":
		return []named{{"Cybercrime cooperation", "cybercrime"}, {"Norms of state behaviour", "state-norms"}, {"Lawful access requests", "lawful-access"}, {"Attribution", "attribution"}}
	case "information-intermediaries":
		return []named{{"Content moderation", "content-moderation"}, {"Platform transparency", "platform-transparency"}, {"Intermediary liability", "liability"}, {"Registrant data access", "registrant-data"}}
	case "ip-enforcement":
		return []named{{"Domain disputes", "udrp"}, {"Trademark clearinghouse", "tmch"}, {"Notice and takedown", "takedown"}, {"Geographic indications", "geo-indications"}}
	default:
		return []named{{"Radio spectrum allocation", "spectrum"}, {"Orbit coordination", "orbits"}, {"Radio regulations", "radio-regulations"}, {"Mobile spectrum", "mobile-spectrum"}}
	}
}

// categories returns the function categories an archetype prefers.
func categories(a archetype) []string {
	switch a {
	case archGovVotes:
		return []string{"cybercrime-and-state-conduct", "information-intermediaries", "critical-internet-resources", "access-and-interconnection", "cybersecurity-operations"}
	case archIncumbent:
		return []string{"access-and-interconnection", "standards-setting", "cybersecurity-operations"}
	case archOpen:
		return []string{"standards-setting", "critical-internet-resources", "cybersecurity-operations"}
	case archIntergov:
		return []string{"spectrum-and-satellite", "cybercrime-and-state-conduct", "access-and-interconnection", "standards-setting"}
	case archNational:
		return []string{"access-and-interconnection", "information-intermediaries", "cybersecurity-operations", "spectrum-and-satellite", "critical-internet-resources"}
	default:
		return []string{"critical-internet-resources", "standards-setting", "cybersecurity-operations", "information-intermediaries", "ip-enforcement"}
	}
}

func allCategories() []string {
	return []string{"critical-internet-resources", "standards-setting", "access-and-interconnection", "cybersecurity-operations", "cybercrime-and-state-conduct", "information-intermediaries", "ip-enforcement", "spectrum-and-satellite"}
}

func allObjectives() []string {
	return []string{"interoperability", "stability", "security", "resilience", "openness", "innovation", "free-expression", "privacy", "access", "human-rights", "competition", "consumer-protection", "development", "multistakeholderism"}
}

func allPrinciples() []string {
	return []string{"open", "inclusive", "transparent", "accountable", "consensus-driven", "bottom-up", "distributed", "collaborative"}
}

func allModalities() []string {
	return []string{charter.ModalityMultistakeholder, charter.ModalityIntergovernmental, charter.ModalityNational, charter.ModalityPrivate, charter.ModalityTechnicalCommunity}
}

func selectionNotes() []string {
	return []string{
		"Elected at the annual general meeting.",
		"Designated under the constituency's own rules.",
		"Chosen under the nomination procedure in the bylaws.",
		"Appointed by written notice to the secretariat.",
	}
}

func consensusDefinitions() []string {
	return []string{
		"No sustained, unaddressed objection.",
		"General agreement, no formal objection.",
		"Rough consensus (RFC 7282).",
	}
}

func consensusJudges() []string {
	return []string{"Working group chairs", "The presiding officer", "The chair"}
}
