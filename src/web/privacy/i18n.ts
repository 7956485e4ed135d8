import { defineMessages } from "../i18n/define";

export default defineMessages(
  {
    title: "Verwerkingsregister",
    intro:
      "Welke persoonsgegevens Koers voor de organisatie verwerkt: wat het is, waarvoor, wie het ziet, hoe lang het bewaard wordt en wat er gebeurt als een persoon vraagt om verwijdering. Voor de functionaris gegevensbescherming en voor iedereen die het wil weten.",
    notYet:
      "De bewaartermijnen zijn die van Koers, of die de organisatie zelf koos bij Bewaartermijnen. Daar staat ook wat Koers na een termijn zelf opruimt, en sinds wanneer. Vraagt een persoon om verwijdering, dan doet de beheerder dat op de pagina van die persoon, zoals hieronder per soort gegeven staat.",
    count: "{{count}} soorten gegevens",
    pdf: "Als PDF, voor de functionaris gegevensbescherming",
    purpose: "Waarvoor",
    seenBy: "Wie het ziet",
    retention: "Bewaartermijn",
    erasure: "Bij verwijderen van een persoon",
    clearing: {
      title: "Bewaartermijnen",
      intro:
        "Koers ruimt elke nacht op wat langer bewaard is dan de termijn in het verwerkingsregister. Hieronder staat wat de volgende ronde zou verwijderen. Pas als je opruimen aanzet, verwijdert Koers voor jullie organisatie; elke ronde komt hieronder te staan, met wat ze verwijderde.",
      offTitle: "Opruimen staat uit",
      off_zero:
        "Koers verwijdert nog niets voor jullie organisatie. De volgende ronde zou ook niets verwijderen: alles is binnen zijn termijn.",
      off_one:
        "Koers verwijdert nog niets voor jullie organisatie. De volgende ronde zou {{count}} gegeven verwijderen.",
      off_other:
        "Koers verwijdert nog niets voor jullie organisatie. De volgende ronde zou {{count}} gegevens verwijderen.",
      onTitle: "Opruimen staat aan",
      on_zero: "Aangezet op {{date}}. De volgende ronde heeft niets te verwijderen.",
      on_one: "Aangezet op {{date}}. De volgende ronde verwijdert {{count}} gegeven.",
      on_other: "Aangezet op {{date}}. De volgende ronde verwijdert {{count}} gegevens.",
      turnOn: "Opruimen aanzetten",
      turnOff: "Opruimen uitzetten",
      confirm_zero:
        "Koers verwijdert vanaf nu elke nacht wat langer bewaard is dan zijn termijn; vannacht is dat nog niets. Verwijderd is verwijderd: dat kan niet ongedaan worden.",
      confirm_one:
        "Vannacht verwijdert Koers {{count}} gegeven dat langer bewaard is dan zijn termijn, en daarna elke nacht wat over zijn termijn gaat. Verwijderd is verwijderd: dat kan niet ongedaan worden.",
      confirm_other:
        "Vannacht verwijdert Koers {{count}} gegevens die langer bewaard zijn dan hun termijn, en daarna elke nacht wat over zijn termijn gaat. Verwijderd is verwijderd: dat kan niet ongedaan worden.",
      nextRun: "Wat de volgende ronde doet",
      what: "Soort gegeven",
      next: "Volgende ronde",
      due_zero: "Niets",
      due_one: "{{count}} verwijderen",
      due_other: "{{count}} verwijderen",
      withMembership: "Gaat mee met het account of lidmaatschap",
      system: "Wat Koers alleen nodig heeft om te werken, ruimt het elke nacht op voor alle organisaties: {{kinds}}.",
      register: "Naar het verwerkingsregister",
      ownPeriods: "Eigen termijnen",
      ownPeriodsIntro:
        "Voor deze soorten gegevens kiest de organisatie zelf hoe lang ze bewaard worden, binnen wat het verwerkingsregister toestaat. Het verwerkingsregister en de volgende ronde volgen je keuze.",
      months: "maanden",
      range: "{{min}} tot en met {{max}} maanden; standaard {{months}}",
      savePeriods: "Termijnen opslaan",
      periodsSaved: "De termijnen zijn opgeslagen.",
      runs: "Eerdere rondes",
      noRuns: "Er is nog geen ronde geweest.",
      when: "Wanneer",
      removed: "Verwijderd",
      nothingRemoved: "Niets: alles was binnen zijn termijn.",
    },
    export: {
      heading: "Je gegevens downloaden",
      intro:
        "Alles wat Koers over jou toont bij {{organisation}}, per soort gegeven uit het verwerkingsregister: als PDF om te lezen, of als JSON om in een ander programma te gebruiken. Wat Koers alleen aan beheerders toont, zoals het logboek, staat erin met de reden; vraag de beheerder als je dat wilt zien.",
      pdf: "Download als PDF",
      json: "Download als JSON",
      accessLog: "Wie heeft mijn gegevens bekeken",
      request: {
        intro:
          "Vraagt {{name}} om alle eigen gegevens? Maak hier de export die {{name}} ook zelf kan downloaden: precies wat Koers aan {{name}} toont, niet meer. Het verzoek en de export komen in het logboek, en {{name}} ziet in het inzagelog dat jij de export maakte.",
        requestedOn: "Verzoek ontvangen op",
        format: "Bestand",
        pdf: "PDF, om te lezen",
        json: "JSON, voor een ander programma",
        make: "Export maken",
        made: "De export is gemaakt. Geef het bestand aan {{name}}.",
      },
    },
    erase: {
      ownHeading: "Je gegevens laten verwijderen",
      ownIntro:
        "Wil je dat {{organisation}} je gegevens verwijdert? Vraag het hier; de beheerder bekijkt je verzoek. Daarna kun je hier niet meer inloggen en staat je naam nergens meer. Wat een register nog mag controleren (zoals ondertekende verklaringen), blijft zonder je naam bewaard tot die termijn voorbij is. Download eerst je gegevens als je ze wilt houden.",
      note: "Toelichting voor de beheerder (niet verplicht)",
      ask: "Verwijdering aanvragen",
      askConfirm:
        "De beheerder krijgt je verzoek en voert het uit. Daarna kun je niet meer inloggen bij deze organisatie, en dat kan niet ongedaan worden.",
      asked: "Je verzoek is verstuurd. De beheerder bekijkt het.",
      open: "Je vroeg op {{date}} om verwijdering. De beheerder bekijkt je verzoek.",
      heading: "Verwijderen uit de organisatie",
      requestedOn: "Verzoek om verwijdering ontvangen op",
      requestedBySelf: "{{name}} vroeg op {{date}} in Koers om verwijdering.",
      requestedRecorded: "Een verzoek van {{name}} om verwijdering is op {{date}} vastgelegd.",
      noteSaid: "Toelichting: “{{note}}”",
      noRequest:
        "{{name}} vroeg niet in Koers om verwijdering. Kwam het verzoek op een andere manier binnen (brief, e-mail)? Vul hieronder de datum in.",
      intro:
        "Dit doet verwijderen met de gegevens van {{name}} in deze organisatie. Overal waar {{name}} stond, staat daarna een schuilnaam; tellingen en uren blijven kloppen. Wat bewaard blijft, blijft bewaard tot {{date}}: zo lang mag een register het bewijs nog controleren. Tot dan bewaart Koers verzegeld wie het was.",
      tableLabel: "Wat verwijderen doet met de gegevens van {{name}}",
      action: "Wat er gebeurt",
      count: "Aantal",
      records_one: "{{count}} gegeven",
      records_other: "{{count}} gegevens",
      actions: {
        delete: "Wordt verwijderd",
        anonymise: "Blijft, zonder naam",
        keep: "Blijft zonder naam bewaard tot {{date}}",
      },
      account:
        "Is dit de laatste organisatie van deze persoon in Koers, dan verdwijnt ook het account (naam, e-mailadres en wachtwoord). Lidmaatschappen bij andere organisaties blijven zoals ze zijn.",
      erase: "{{name}} verwijderen",
      confirm:
        "{{name}} kan daarna niet meer inloggen bij deze organisatie, en de naam staat nergens meer. Dit kan niet ongedaan worden.",
      done: "{{name}} is verwijderd. In de organisatie staat nu {{pseudonym}}.",
    },
    access: {
      mineTitle: "Wie heeft mijn gegevens bekeken",
      mineIntro:
        "Iedere keer dat iemand anders in deze organisatie jouw gegevens bekijkt (je traject, een gesprek, je bewijs voor herregistratie, een verklaring, een document, de uitkomst van je zelfscan, bewijs bij een werkplekopdracht of je gegevens als medewerker), staat hier wie dat was en wanneer. Wat je zelf bekijkt, staat er niet bij.",
      searchTitle: "Inzagelog",
      searchIntro:
        "Wie wanneer welke gegevens van wie bekeek, in deze organisatie. Zoek op de persoon, op wie keek en op de dagen.",
      searchLogged:
        "Ook dit zoeken wordt vastgelegd: wie in de uitkomst staat, ziet dat de beheerder het inzagelog bekeek.",
      none: "Er is (nog) niets bekeken.",
      more: "De laatste {{count}} keer; oudere worden niet getoond.",
      moreSearch: "De laatste {{count}} keer; maak de zoekvraag kleiner om oudere te zien.",
      erased: "(verwijderd)",
      kinds: {
        person: "Gegevens als medewerker",
        trajectory: "Traject",
        meeting: "Gesprek",
        evidence: "Bewijs voor herregistratie",
        declaration: "Verklaring",
        document: "Document of PDF",
        scan: "Zelfscan (uitkomst)",
        assignment: "Bewijs bij een werkplekopdracht",
        accessLog: "Inzagelog",
        export: "Alle gegevens (export op verzoek)",
      },
      table: {
        label: "Wie bekeek welke gegevens",
        when: "Wanneer",
        who: "Wie keek",
        whose: "Van wie",
        what: "Wat",
      },
      filters: {
        heading: "Zoeken",
        person: "Gegevens van",
        viewer: "Bekeken door",
        anyone: "Iedereen",
        from: "Vanaf",
        to: "Tot en met",
        reset: "Wis de zoekvraag",
      },
    },
  },
  {
    title: "Processing register",
    intro:
      "Which personal data Koers processes for the organisation: what it is, what for, who sees it, how long it is kept and what happens when a person asks for erasure. For the data protection officer and anyone who wants to know.",
    notYet:
      "The retention periods are Koers's, or those the organisation chose under Retention periods. That page also shows what Koers clears itself once a period has passed, and since when. When a person asks for erasure, the admin carries it out on that person's page, as set out below per kind of data.",
    count: "{{count}} kinds of data",
    pdf: "As PDF, for the data protection officer",
    purpose: "What for",
    seenBy: "Who sees it",
    retention: "Kept for",
    erasure: "When a person is erased",
    clearing: {
      title: "Retention periods",
      intro:
        "Every night Koers clears what has been kept longer than its period in the processing register. Below is what the next run would remove. Only once you turn clearing up on does Koers remove anything for your organisation; every run is listed below, with what it removed.",
      offTitle: "Clearing up is off",
      off_zero:
        "Koers removes nothing for your organisation yet. The next run would remove nothing either: everything is within its period.",
      off_one: "Koers removes nothing for your organisation yet. The next run would remove {{count}} record.",
      off_other: "Koers removes nothing for your organisation yet. The next run would remove {{count}} records.",
      onTitle: "Clearing up is on",
      on_zero: "Turned on {{date}}. The next run has nothing to remove.",
      on_one: "Turned on {{date}}. The next run removes {{count}} record.",
      on_other: "Turned on {{date}}. The next run removes {{count}} records.",
      turnOn: "Turn clearing up on",
      turnOff: "Turn clearing up off",
      confirm_zero:
        "From now on Koers removes every night what has been kept longer than its period; tonight that is nothing yet. Removed is removed: it cannot be undone.",
      confirm_one:
        "Tonight Koers removes {{count}} record kept longer than its period, and every night after that what passes its period. Removed is removed: it cannot be undone.",
      confirm_other:
        "Tonight Koers removes {{count}} records kept longer than their period, and every night after that what passes its period. Removed is removed: it cannot be undone.",
      nextRun: "What the next run does",
      what: "Kind of data",
      next: "Next run",
      due_zero: "Nothing",
      due_one: "Remove {{count}}",
      due_other: "Remove {{count}}",
      withMembership: "Goes with the account or membership",
      system: "What Koers needs only to work, it clears every night for all organisations: {{kinds}}.",
      register: "To the processing register",
      ownPeriods: "Own periods",
      ownPeriodsIntro:
        "For these kinds of data the organisation chooses how long they are kept, within what the processing register allows. The processing register and the next run follow your choice.",
      months: "months",
      range: "{{min}} to {{max}} months; {{months}} by default",
      savePeriods: "Save periods",
      periodsSaved: "The periods have been saved.",
      runs: "Earlier runs",
      noRuns: "No run yet.",
      when: "When",
      removed: "Removed",
      nothingRemoved: "Nothing: everything was within its period.",
    },
    export: {
      heading: "Download your data",
      intro:
        "Everything Koers shows about you at {{organisation}}, by kind of data from the processing register: as a PDF to read, or as JSON to use in another program. What Koers shows to admins only, such as the audit log, is listed with the reason; ask the admin if you want to see it.",
      pdf: "Download as PDF",
      json: "Download as JSON",
      accessLog: "Who viewed my data",
      request: {
        intro:
          "Has {{name}} asked for all their data? Make the export here that {{name}} can also download themselves: exactly what Koers shows {{name}}, no more. The request and the export go into the audit log, and {{name}} sees in the access log that you made it.",
        requestedOn: "Request received on",
        format: "File",
        pdf: "PDF, to read",
        json: "JSON, for another program",
        make: "Make export",
        made: "The export has been made. Hand the file to {{name}}.",
      },
    },
    erase: {
      ownHeading: "Having your data erased",
      ownIntro:
        "Do you want {{organisation}} to erase your data? Ask here; the admin reviews your request. Afterwards you can no longer sign in here and your name appears nowhere. What a register may still audit (such as signed declarations) is kept without your name until that period has passed. Download your data first if you want to keep it.",
      note: "Note for the admin (optional)",
      ask: "Ask for erasure",
      askConfirm:
        "The admin receives your request and carries it out. Afterwards you can no longer sign in to this organisation, and that cannot be undone.",
      asked: "Your request has been sent. The admin will review it.",
      open: "You asked for erasure on {{date}}. The admin is reviewing your request.",
      heading: "Erase from the organisation",
      requestedOn: "Request for erasure received on",
      requestedBySelf: "{{name}} asked for erasure in Koers on {{date}}.",
      requestedRecorded: "A request of {{name}} for erasure was recorded on {{date}}.",
      noteSaid: "Note: “{{note}}”",
      noRequest:
        "{{name}} did not ask for erasure in Koers. Did the request come in another way (letter, e-mail)? Fill in its date below.",
      intro:
        "This is what erasure does to the data of {{name}} in this organisation. Wherever {{name}} appeared, a pseudonym appears instead; counts and hours stay true. What is kept is kept until {{date}}: until then a register may still audit the evidence. Until then Koers keeps, sealed, who it was.",
      tableLabel: "What erasure does to the data of {{name}}",
      action: "What happens",
      count: "Number",
      records_one: "{{count}} record",
      records_other: "{{count}} records",
      actions: {
        delete: "Deleted",
        anonymise: "Stays, without the name",
        keep: "Kept without the name until {{date}}",
      },
      account:
        "If this is the person's last organisation in Koers, their account (name, e-mail address and password) goes too. Memberships of other organisations stay as they are.",
      erase: "Erase {{name}}",
      confirm:
        "{{name}} can then no longer sign in to this organisation, and the name appears nowhere. This cannot be undone.",
      done: "{{name}} has been erased. The organisation now shows {{pseudonym}}.",
    },
    access: {
      mineTitle: "Who viewed my data",
      mineIntro:
        "Every time someone else in this organisation views your data (your trajectory, a meeting, your evidence for re-registration, a declaration, a document, your self-scan's results, evidence for an on-the-job assignment or your details as a member), this shows who it was and when. What you view yourself is not listed.",
      searchTitle: "Access log",
      searchIntro: "Who viewed whose data, and when, in this organisation. Search by person, by viewer and by days.",
      searchLogged:
        "This search is logged too: everyone in the result sees that the admin looked at the access log about them.",
      none: "Nothing has been viewed (yet).",
      more: "The latest {{count}} times; older ones are not shown.",
      moreSearch: "The latest {{count}} times; narrow the search to see older ones.",
      erased: "(erased)",
      kinds: {
        person: "Details as a member",
        trajectory: "Trajectory",
        meeting: "Meeting",
        evidence: "Evidence for re-registration",
        declaration: "Declaration",
        document: "Document or PDF",
        scan: "Self-scan (results)",
        assignment: "Evidence for an on-the-job assignment",
        accessLog: "Access log",
        export: "All data (export on request)",
      },
      table: {
        label: "Who viewed which data",
        when: "When",
        who: "Viewed by",
        whose: "Whose",
        what: "What",
      },
      filters: {
        heading: "Search",
        person: "Data of",
        viewer: "Viewed by",
        anyone: "Anyone",
        from: "From",
        to: "Up to and including",
        reset: "Clear the search",
      },
    },
  },
);
