import { defineMessages } from "../i18n/define";

export default defineMessages(
  {
    title: "Eindverslag: {{title}}",
    titleFallback: "Eindverslag",
    back: "Terug naar {{title}}",
    backFallback: "Terug naar het traject",
    notFound: "Dit traject bestaat niet, of je hebt er geen toegang toe.",
    notAvailable:
      "Het eindverslag is nog niet definitief. Je kunt het lezen zodra de begeleider het definitief heeft gemaakt.",
    status: { draft: "Concept", final: "Definitief" },
    intro:
      "Koers heeft het verslag opgesteld uit de gegevens van het traject. Vul het aan en pas het aan waar nodig; sla tussendoor op. Maak het definitief als het klaar is.",
    drafted: "Opgesteld uit de doelen, beoordelingen en bijeenkomsten van het traject.",
    draftReadOnly: "Dit is een concept; de begeleider werkt er nog aan.",
    empty: "(leeg)",
    save: "Opslaan",
    saved: "Verslag opgeslagen.",
    finalise: "Definitief maken",
    confirmTitle: "Verslag definitief maken?",
    confirmText:
      "Een definitief verslag kan niemand meer wijzigen. Koers legt de datum vast en een controlewaarde (SHA-256) van de tekst. Wijzigingen die je nog niet hebt opgeslagen, worden eerst opgeslagen.",
    finalised: "Het verslag is definitief.",
    finalText: "Definitief gemaakt op {{date}}. Het verslag kan niet meer worden gewijzigd.",
    checksum: "Controlewaarde (SHA-256)",
    checksumHint: "Met deze waarde is na te gaan dat een afdruk of PDF van dit verslag niet is veranderd.",
    pdf: "PDF downloaden",
  },
  {
    title: "Final report: {{title}}",
    titleFallback: "Final report",
    back: "Back to {{title}}",
    backFallback: "Back to the trajectory",
    notFound: "This trajectory does not exist, or you have no access to it.",
    notAvailable: "The final report is not final yet. You can read it once the guide has made it final.",
    status: { draft: "Draft", final: "Final" },
    intro:
      "Koers has drafted the report from the trajectory's data. Complete it and change it where needed; save as you go. Make it final when it is done.",
    drafted: "Drafted from the trajectory's goals, ratings and meetings.",
    draftReadOnly: "This is a draft; the guide is still working on it.",
    empty: "(empty)",
    save: "Save",
    saved: "Report saved.",
    finalise: "Make final",
    confirmTitle: "Make the report final?",
    confirmText:
      "Nobody can change a final report. Koers records the date and a checksum (SHA-256) of the text. Changes you have not saved yet are saved first.",
    finalised: "The report is final.",
    finalText: "Made final on {{date}}. The report can no longer be changed.",
    checksum: "Checksum (SHA-256)",
    checksumHint: "With this value anyone can check that a printout or PDF of this report has not been changed.",
    pdf: "Download PDF",
  },
);
