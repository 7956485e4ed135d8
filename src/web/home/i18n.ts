import { defineMessages } from "../i18n/define";

export default defineMessages(
  {
    title: "Overzicht",
    welcome: "Welkom, {{name}}",
    rolesIn: "Je rollen in {{organisation}}:",
    adminIntro: "Als beheerder regel je hier de mensen, uitnodigingen, huisstijl en het logboek van je organisatie.",
  },
  {
    title: "Overview",
    welcome: "Welcome, {{name}}",
    rolesIn: "Your roles in {{organisation}}:",
    adminIntro: "As an administrator you manage your organisation's people, invitations, branding and audit log here.",
  },
);
