import { defineMessages } from "../i18n/define";

export default defineMessages(
  {
    title: "Verwerkingsregister",
    intro:
      "Welke persoonsgegevens Koers voor de organisatie verwerkt: wat het is, waarvoor, wie het ziet, hoe lang het bewaard wordt en wat er gebeurt als een persoon vraagt om verwijdering. Voor de functionaris gegevensbescherming en voor iedereen die het wil weten.",
    notYet:
      "De bewaartermijnen zijn de standaardtermijnen van Koers. Koers ruimt nog niet vanzelf op als een termijn voorbij is, en verwijderen op verzoek gaat nog via de beheerder.",
    count: "{{count}} soorten gegevens",
    pdf: "Als PDF, voor de functionaris gegevensbescherming",
    purpose: "Waarvoor",
    seenBy: "Wie het ziet",
    retention: "Bewaartermijn",
    erasure: "Bij verwijderen van een persoon",
  },
  {
    title: "Processing register",
    intro:
      "Which personal data Koers processes for the organisation: what it is, what for, who sees it, how long it is kept and what happens when a person asks for erasure. For the data protection officer and anyone who wants to know.",
    notYet:
      "The retention periods are Koers's defaults. Koers does not yet clean up by itself when a period has passed, and erasure on request still goes through the admin.",
    count: "{{count}} kinds of data",
    pdf: "As PDF, for the data protection officer",
    purpose: "What for",
    seenBy: "Who sees it",
    retention: "Kept for",
    erasure: "When a person is erased",
  },
);
