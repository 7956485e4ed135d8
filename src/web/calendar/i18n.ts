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
    show: "Toon het adres",
    renew: "Vernieuw de koppeling",
    renewWarning: "Vernieuwen maakt een nieuw adres; het oude adres werkt daarna niet meer.",
    confirmTitle: "Koppeling vernieuwen?",
    confirmText:
      "Het huidige adres werkt daarna niet meer: je agenda toont dan geen bijeenkomsten uit Koers meer, tot je het nieuwe adres erin zet.",
    address: {
      heading: "Je nieuwe adres",
      headingAgain: "Het adres van je koppeling",
      label: "Adres van je agenda-koppeling",
      keepSecret:
        "Zet dit adres in je agenda en deel het met niemand. Je kunt het hier altijd opnieuw laten tonen; vernieuwen is alleen nodig als een ander het kent.",
      notShowable:
        "Deze koppeling is gemaakt voordat Koers het adres opnieuw kon tonen. Vernieuw de koppeling voor een adres dat je hier altijd weer kunt zien; het huidige adres werkt dan niet meer.",
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
    show: "Show the address",
    renew: "Renew the feed",
    renewWarning: "Renewing makes a new address; the old address then stops working.",
    confirmTitle: "Renew the feed?",
    confirmText:
      "The current address then stops working: your calendar no longer shows meetings from Koers until you add the new address.",
    address: {
      heading: "Your new address",
      headingAgain: "Your feed's address",
      label: "Address of your calendar feed",
      keepSecret:
        "Add this address to your calendar and share it with nobody. You can have it shown here again at any time; renew only if someone else knows it.",
      notShowable:
        "This feed was made before Koers could show its address again. Renew the feed for an address you can always see here again; the current address then stops working.",
      oldStopped: "The previous address no longer works.",
      copy: "Copy address",
      copied: "Address copied",
      open: "Open in your calendar app",
    },
  },
);
