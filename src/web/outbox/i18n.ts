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
    columns: { to: "Aan", subject: "Onderwerp", createdAt: "Gemaakt op" },
    open: "Bericht aan {{to}} lezen: {{subject}}",
    message: {
      to: "Aan",
      createdAt: "Gemaakt op",
      sentAt: "Verstuurd op",
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
    columns: { to: "To", subject: "Subject", createdAt: "Created" },
    open: "Read the message to {{to}}: {{subject}}",
    message: {
      to: "To",
      createdAt: "Created",
      sentAt: "Sent",
      body: "Content",
      loading: "Loading the message…",
      withheld:
        "This e-mail holds a personal link for the recipient. It is masked below, so that only the recipient can use it.",
    },
  },
);
