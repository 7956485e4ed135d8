import { defineMessages } from "../i18n/define";

export default defineMessages(
  {
    title: "Uitgaande e-mail",
    intro:
      "Alle e-mail die Koers voor deze organisatie maakt, zoals uitnodigingen en wachtwoordherstel. Zonder mailserver wordt niets verstuurd: open een bericht om de link te volgen of door te geven.",
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
        "Deze e-mail bevat een link om een wachtwoord te kiezen en is via de mailserver verstuurd. De inhoud wordt hier niet getoond, zodat alleen de ontvanger de link kan gebruiken.",
    },
  },
  {
    title: "Outgoing e-mail",
    intro:
      "All e-mail Koers creates for this organisation, such as invitations and password resets. Without a mail server nothing is sent: open a message to follow its link or pass it on.",
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
        "This e-mail holds a link to choose a password and was sent through the mail server. Its text is not shown here, so that only the recipient can use the link.",
    },
  },
);
