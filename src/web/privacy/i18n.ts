import { defineMessages } from "../i18n/define";

export default defineMessages(
  {
    title: "Verwerkingsregister",
    intro:
      "Welke persoonsgegevens Koers voor de organisatie verwerkt: wat het is, waarvoor, wie het ziet, hoe lang het bewaard wordt en wat er gebeurt als een persoon vraagt om verwijdering. Voor de functionaris gegevensbescherming en voor iedereen die het wil weten.",
    notYet:
      "De bewaartermijnen zijn de standaardtermijnen van Koers. Koers ruimt nog niet vanzelf op als een termijn voorbij is, en verwijderen op verzoek gaat nog via de beheerder.",
    count: "{{count}} soorten gegevens",
    purpose: "Waarvoor",
    seenBy: "Wie het ziet",
    retention: "Bewaartermijn",
    erasure: "Bij verwijderen van een persoon",
    retentionKinds: {
      withMembership: "Zolang het account of lidmaatschap bestaat",
      period: "{{count}} maanden",
      afterGuidance: "{{count}} maanden na het einde van de begeleiding",
      registerAudit:
        "Tot de herregistratie waarvoor het bewijs dient voorbij is, plus de controletermijn van het register",
    },
    erasureKinds: {
      delete: "Wordt verwijderd",
      anonymise: "Blijft zonder de persoon: naam en verwijzing gaan weg, tellingen en uren blijven kloppen",
      keep: "Blijft bewaard onder een wettelijke plicht tot de bewaartermijn voorbij is, en gaat dan weg",
    },
  },
  {
    title: "Processing register",
    intro:
      "Which personal data Koers processes for the organisation: what it is, what for, who sees it, how long it is kept and what happens when a person asks for erasure. For the data protection officer and anyone who wants to know.",
    notYet:
      "The retention periods are Koers's defaults. Koers does not yet clean up by itself when a period has passed, and erasure on request still goes through the admin.",
    count: "{{count}} kinds of data",
    purpose: "What for",
    seenBy: "Who sees it",
    retention: "Kept for",
    erasure: "When a person is erased",
    retentionKinds: {
      withMembership: "As long as the account or membership exists",
      period: "{{count}} months",
      afterGuidance: "{{count}} months after the guidance ended",
      registerAudit: "Until the re-registration the evidence serves has passed, plus the register's audit period",
    },
    erasureKinds: {
      delete: "Deleted",
      anonymise: "Stays without the person: name and reference go, counts and hours stay true",
      keep: "Kept under a legal duty until the retention period has passed, then deleted",
    },
  },
);
