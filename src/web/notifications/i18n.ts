import { defineMessages } from "../i18n/define";

export default defineMessages(
  {
    title: "Meldingen",
    intro:
      "Herinneringen over je trajecten: verklaringen die op ondertekening wachten, evaluatiemomenten en herregistraties.",
    caption: "Meldingen, nieuwste eerst",
    empty: "Je hebt nog geen meldingen.",
    unreadCount_one: "{{count}} ongelezen",
    unreadCount_other: "{{count}} ongelezen",
    unread: "Nieuw",
    markRead: "Gelezen",
    markReadLabel: "Markeer als gelezen: {{text}}",
    markAllRead: "Alles gelezen",
    allRead: "Alle meldingen zijn gelezen.",
    bell: "Meldingen",
    bellUnread: "Meldingen, {{count}} ongelezen",
    kinds: {
      reregistration:
        "Herregistratie op {{date}}: de verklaringen van “{{trajectory}}” zijn nog niet allemaal ondertekend.",
      evaluation: "Evaluatiemoment “{{label}}” op {{date}} in “{{trajectory}}”.",
      signature: "{{declaration}} van “{{trajectory}}” wacht op je handtekening.",
      friendRequest: "{{name}} vraagt je als kritische vriend om de zelfscan te beoordelen.",
      other: "Er is iets nieuws voor je in Koers.",
    },
    declarations: {
      start: "De verklaring bij de start",
      end: "De eindverklaring",
      independence: "De verklaring van onafhankelijkheid",
      other: "Een verklaring",
    },
  },
  {
    title: "Notifications",
    intro:
      "Reminders about your trajectories: declarations waiting to be signed, evaluation moments and re-registrations.",
    caption: "Notifications, newest first",
    empty: "You have no notifications yet.",
    unreadCount_one: "{{count}} unread",
    unreadCount_other: "{{count}} unread",
    unread: "New",
    markRead: "Read",
    markReadLabel: "Mark as read: {{text}}",
    markAllRead: "Mark all read",
    allRead: "All notifications are read.",
    bell: "Notifications",
    bellUnread: "Notifications, {{count}} unread",
    kinds: {
      reregistration: "Re-registration on {{date}}: the declarations of “{{trajectory}}” are not all signed yet.",
      evaluation: "Evaluation moment “{{label}}” on {{date}} in “{{trajectory}}”.",
      signature: "{{declaration}} of “{{trajectory}}” is waiting for your signature.",
      friendRequest: "{{name}} asks you as a critical friend to rate their self-scan.",
      other: "There is something new for you in Koers.",
    },
    declarations: {
      start: "The declaration at the start",
      end: "The end declaration",
      independence: "The declaration of independence",
      other: "A declaration",
    },
  },
);
