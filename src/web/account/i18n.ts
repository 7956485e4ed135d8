import { defineMessages } from "../i18n/define";

export default defineMessages(
  {
    title: "Mijn gegevens",
    intro:
      "Je naam en e-mailadres zijn van jou: ze gelden in elke organisatie waarvoor je in Koers werkt, en alleen jij wijzigt ze. Een organisatie kan je binnen die organisatie wel een eigen weergavenaam geven.",
    name: "Naam",
    email: "E-mailadres",
    emailHint: "Hiermee log je in. Een nieuw adres vraagt om je huidige wachtwoord.",
    password: "Huidig wachtwoord",
    passwordHint: "Alleen nodig als je je e-mailadres wijzigt.",
    save: "Opslaan",
    saved: "Je gegevens zijn opgeslagen.",
  },
  {
    title: "My details",
    intro:
      "Your name and e-mail address are your own: they apply in every organisation you work for in Koers, and only you change them. An organisation can give you its own display name within that organisation.",
    name: "Name",
    email: "E-mail address",
    emailHint: "You sign in with it. A new address asks for your current password.",
    password: "Current password",
    passwordHint: "Only needed when you change your e-mail address.",
    save: "Save",
    saved: "Your details have been saved.",
  },
);
