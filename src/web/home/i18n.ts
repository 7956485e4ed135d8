import { defineMessages } from "../i18n/define";

export default defineMessages(
  {
    title: "Overzicht",
    welcome: "Welkom, {{name}}",
    rolesIn: "Je rollen in {{organisation}}:",
    adminIntro: "Als beheerder regel je hier de mensen, uitnodigingen, huisstijl en het logboek van je organisatie.",
    soon: "Trajecten, afspraken en bewijs van werkbegeleiding verschijnen hier zodra ze voor je klaarstaan.",
  },
  {
    title: "Overview",
    welcome: "Welcome, {{name}}",
    rolesIn: "Your roles in {{organisation}}:",
    adminIntro: "As an administrator you manage your organisation's people, invitations, branding and audit log here.",
    soon: "Trajectories, meetings and evidence of guidance will appear here once they are ready for you.",
  },
);
