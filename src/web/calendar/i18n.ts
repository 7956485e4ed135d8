import { defineMessages } from "../i18n/define";

export default defineMessages(
  {
    title: "Agenda-koppeling",
    intro:
      "Met een agenda-koppeling staan je bijeenkomsten en wat er van je verwacht wordt, zoals zelfbeoordelingen, afspraken en evaluatiemomenten, in je eigen agenda. Je agenda haalt ze zelf op via een geheim adres en werkt ze regelmatig bij; wijzigen doe je in Koers.",
    howTo: "Zo zet je het adres in je agenda",
    steps: {
      outlook: "Outlook: Agenda toevoegen › Abonneren via internet, en plak het adres.",
      google: "Google Agenda: Andere agenda's › + › Via URL, en plak het adres.",
      apple: "Apple Agenda: Archief › Nieuw agenda-abonnement, en plak het adres.",
    },
    secret:
      "Wie het adres kent, kan je agenda lezen. Deel het met niemand. Is het toch bij een ander terechtgekomen, vernieuw dan de koppeling.",
    status: {
      heading: "Jouw koppeling",
      none: "Je hebt nog geen agenda-koppeling.",
      exists: "Je hebt een agenda-koppeling sinds {{date}}.",
      existsUndated: "Je hebt een agenda-koppeling.",
    },
    create: "Maak een koppeling",
    renew: "Vernieuw de koppeling",
    renewWarning: "Vernieuwen maakt een nieuw adres; het oude adres werkt daarna niet meer.",
    confirmTitle: "Koppeling vernieuwen?",
    confirmText:
      "Het huidige adres werkt daarna niet meer: je agenda toont dan geen bijeenkomsten uit Koers meer, tot je het nieuwe adres erin zet.",
    address: {
      heading: "Je nieuwe adres",
      label: "Adres van je agenda-koppeling",
      once: "Kopieer het adres nu: Koers toont het maar één keer. Ben je het kwijt, dan vernieuw je de koppeling.",
      oldStopped: "Het vorige adres werkt niet meer.",
      copy: "Adres kopiëren",
      copied: "Adres gekopieerd",
      open: "Openen in je agenda-app",
    },
  },
  {
    title: "Calendar feed",
    intro:
      "With a calendar feed, your meetings and what is expected of you, such as self-assessments, agreements and evaluation moments, appear in your own calendar. Your calendar fetches them through a secret address and updates them regularly; you change them in Koers.",
    howTo: "How to add the address to your calendar",
    steps: {
      outlook: "Outlook: Add calendar › Subscribe from web, and paste the address.",
      google: "Google Calendar: Other calendars › + › From URL, and paste the address.",
      apple: "Apple Calendar: File › New Calendar Subscription, and paste the address.",
    },
    secret:
      "Anyone who knows the address can read your calendar. Share it with nobody. If someone else has got hold of it, renew the feed.",
    status: {
      heading: "Your feed",
      none: "You do not have a calendar feed yet.",
      exists: "You have had a calendar feed since {{date}}.",
      existsUndated: "You have a calendar feed.",
    },
    create: "Create a feed",
    renew: "Renew the feed",
    renewWarning: "Renewing makes a new address; the old address then stops working.",
    confirmTitle: "Renew the feed?",
    confirmText:
      "The current address then stops working: your calendar no longer shows meetings from Koers until you add the new address.",
    address: {
      heading: "Your new address",
      label: "Address of your calendar feed",
      once: "Copy the address now: Koers shows it only once. If you lose it, renew the feed.",
      oldStopped: "The previous address no longer works.",
      copy: "Copy address",
      copied: "Address copied",
      open: "Open in your calendar app",
    },
  },
);
