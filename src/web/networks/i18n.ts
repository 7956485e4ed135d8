import { defineMessages } from "../i18n/define";

export default defineMessages(
  {
    title: "Netwerk",
    intro:
      "Organisaties in een netwerk delen inhoud, zoals een competentiekader. Mensen en resultaten blijven van elke organisatie zelf.",
    none: {
      title: "Je organisatie zit niet in een netwerk",
      body: "Een netwerk verbindt organisaties die samen inhoud maken en delen. Vraag de beheerder van Koers om je organisatie aan een netwerk toe te voegen.",
    },
    members: { heading: "Deelnemende organisaties", colour: "Huisstijlkleur {{color}}" },
    coordinators: { heading: "Netwerkbeheerders", none: "Dit netwerk heeft nog geen netwerkbeheerder." },
    rule: {
      heading: "Regel voor instemming",
      all: "Een versie van het competentiekader is vastgesteld als alle organisaties instemmen.",
      quorum:
        "Een versie van het competentiekader is vastgesteld als minstens {{min}} van de {{count}} organisaties instemmen en niemand afwijst.",
      kind: "Regel voor instemming",
      kindAll: "Alle organisaties stemmen in",
      kindQuorum: "Een minimum aantal organisaties stemt in",
      min: "Minimum aantal organisaties",
    },
    validity: {
      heading: "Trainerscertificaten",
      months:
        "Een trainerscertificaat van het netwerk is {{count}} maanden geldig; daarna certificeert een netwerkbeheerder opnieuw.",
      none: "Het netwerk stelt geen geldigheid in: een trainerscertificaat geldt tot een nieuw het vervangt.",
      field: "Geldigheid van een trainerscertificaat (maanden)",
      hint: "Vult de einddatum van een nieuw certificaat in. Leeg: geen einddatum.",
    },
    rename: {
      heading: "Netwerk instellen",
      name: "Naam van het netwerk",
      save: "Opslaan",
      saved: "De instellingen van het netwerk zijn opgeslagen.",
    },
  },
  {
    title: "Network",
    intro:
      "Organisations in a network share content, such as a competence framework. People and results stay with each organisation.",
    none: {
      title: "Your organisation is not in a network",
      body: "A network connects organisations that make and share content together. Ask the Koers administrator to add your organisation to a network.",
    },
    members: { heading: "Member organisations", colour: "Brand colour {{color}}" },
    coordinators: { heading: "Network coordinators", none: "This network has no coordinator yet." },
    rule: {
      heading: "Rule for agreement",
      all: "A version of the competence framework is adopted when every organisation approves.",
      quorum:
        "A version of the competence framework is adopted when at least {{min}} of the {{count}} organisations approve and none rejects.",
      kind: "Rule for agreement",
      kindAll: "Every organisation approves",
      kindQuorum: "A minimum number of organisations approves",
      min: "Minimum number of organisations",
    },
    validity: {
      heading: "Trainer certificates",
      months:
        "A trainer certificate of the network holds for {{count}} months; after that a coordinator certifies again.",
      none: "The network sets no validity: a trainer certificate holds until a new one replaces it.",
      field: "Validity of a trainer certificate (months)",
      hint: "Fills in the end date of a new certificate. Empty: no end date.",
    },
    rename: {
      heading: "Network settings",
      name: "Network name",
      save: "Save",
      saved: "The network's settings have been saved.",
    },
  },
);
