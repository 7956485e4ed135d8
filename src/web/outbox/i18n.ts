import { defineMessages } from "../i18n/define";

export default defineMessages(
  {
    title: "Uitgaande e-mail",
    intro:
      "Alle e-mail die Koers voor deze organisatie maakt, zoals uitnodigingen en herinneringen. Links waarmee iemand een account overneemt (uitnodigingen) zijn hier onleesbaar gemaakt: alleen de ontvanger krijgt ze. Wachtwoordherstel is e-mail van de persoon zelf en staat hier niet.",
    caption: "Uitgaande e-mail, nieuwste eerst",
    empty: "Er is nog geen e-mail gemaakt.",
    count_one: "{{count}} bericht",
    count_other: "{{count}} berichten",
    columns: { to: "Aan", subject: "Onderwerp", status: "Status", createdAt: "Gemaakt op" },
    open: "Bericht aan {{to}} lezen: {{subject}}",
    noServer:
      "Koers heeft geen mailserver ingesteld: e-mail wordt niet verstuurd en blijft hier staan. Vraag de technisch beheerder om een mailserver (SMTP_URL).",
    failing: {
      title_one: "{{count}} bericht kon niet worden afgeleverd",
      title_other: "{{count}} berichten konden niet worden afgeleverd",
      body: "Koers probeert het steeds opnieuw, met langere pauzes, tot de mailserver het bericht aanneemt. Blijft het mislukken, kijk dan bij het bericht wat de fout is en vraag de technisch beheerder de mailserver na te kijken.",
    },
    status: {
      sent: "Verstuurd",
      waiting: "Wacht op verzending",
      failing_one: "Mislukt na {{count}} poging",
      failing_other: "Mislukt na {{count}} pogingen",
      abandoned_one: "Niet afgeleverd, opgegeven na {{count}} poging",
      abandoned_other: "Niet afgeleverd, opgegeven na {{count}} pogingen",
      abandonedUntried: "Niet afgeleverd, te oud om nog te versturen",
      held: "Niet verstuurd (geen mailserver)",
    },
    reason: {
      unreachable: "De mailserver was niet bereikbaar.",
      tls: "Er kon geen beveiligde verbinding met de mailserver worden gemaakt.",
      auth: "De mailserver weigerde de aanmelding van Koers.",
      rejected: "De mailserver weigerde dit bericht.",
      deferred: "De mailserver stelde dit bericht uit.",
      other: "Er ging iets onbekends mis.",
      code: "Antwoordcode van de mailserver: {{code}}.",
    },
    message: {
      to: "Aan",
      createdAt: "Gemaakt op",
      sentAt: "Verstuurd op",
      status: "Status",
      lastAttemptAt: "Laatste poging",
      lastError: "Fout",
      nextAttemptAt: "Volgende poging",
      body: "Inhoud",
      loading: "Bericht ophalen…",
      withheld:
        "Deze e-mail bevat een persoonlijke link voor de ontvanger. Die is hieronder onleesbaar gemaakt, zodat alleen de ontvanger hem kan gebruiken.",
    },
  },
  {
    title: "Outgoing e-mail",
    intro:
      "All e-mail Koers creates for this organisation, such as invitations and reminders. Links that hand over an account (invitations) are masked here: only the recipient gets them. Password resets are the person's own mail and are not listed here.",
    caption: "Outgoing e-mail, newest first",
    empty: "No e-mail has been created yet.",
    count_one: "{{count}} message",
    count_other: "{{count}} messages",
    columns: { to: "To", subject: "Subject", status: "Status", createdAt: "Created" },
    open: "Read the message to {{to}}: {{subject}}",
    noServer:
      "Koers has no mail server set up: e-mail is not sent and stays here. Ask the technical administrator for a mail server (SMTP_URL).",
    failing: {
      title_one: "{{count}} message could not be delivered",
      title_other: "{{count}} messages could not be delivered",
      body: "Koers keeps trying, with longer pauses, until the mail server accepts the message. If it keeps failing, look at the message for the error and ask the technical administrator to check the mail server.",
    },
    status: {
      sent: "Sent",
      waiting: "Waiting to be sent",
      failing_one: "Failed after {{count}} attempt",
      failing_other: "Failed after {{count}} attempts",
      abandoned_one: "Not delivered, given up after {{count}} attempt",
      abandoned_other: "Not delivered, given up after {{count}} attempts",
      abandonedUntried: "Not delivered, too old to be sent",
      held: "Not sent (no mail server)",
    },
    reason: {
      unreachable: "The mail server could not be reached.",
      tls: "No secure connection to the mail server could be made.",
      auth: "The mail server refused Koers's sign-in.",
      rejected: "The mail server refused this message.",
      deferred: "The mail server deferred this message.",
      other: "Something unknown went wrong.",
      code: "The mail server's reply code: {{code}}.",
    },
    message: {
      to: "To",
      createdAt: "Created",
      sentAt: "Sent",
      status: "Status",
      lastAttemptAt: "Last attempt",
      lastError: "Error",
      nextAttemptAt: "Next attempt",
      body: "Content",
      loading: "Loading the message…",
      withheld:
        "This e-mail holds a personal link for the recipient. It is masked below, so that only the recipient can use it.",
    },
  },
);
