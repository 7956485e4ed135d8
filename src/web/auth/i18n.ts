import { defineMessages } from "../i18n/define";

export default defineMessages(
  {
    login: {
      title: "Inloggen bij Koers",
      intro: "Werkbegeleiding die aantoonbaar klopt.",
      email: "E-mailadres",
      password: "Wachtwoord",
      submit: "Inloggen",
      forgot: "Wachtwoord vergeten?",
      verify: "Een verklaring controleren",
    },
    forgot: {
      title: "Wachtwoord vergeten",
      intro: "Vul je e-mailadres in. Als we het kennen, sturen we je een link om een nieuw wachtwoord te kiezen.",
      submit: "Stuur de link",
      sent: "Als dit adres bij ons bekend is, staat er nu een e-mail met een link voor je klaar. De link is een uur geldig.",
      back: "Terug naar inloggen",
    },
    reset: {
      title: "Nieuw wachtwoord kiezen",
      password: "Nieuw wachtwoord",
      hint: "Minstens 10 tekens.",
      submit: "Wachtwoord opslaan",
      done: "Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.",
      missingToken: "Deze link is onvolledig. Vraag een nieuwe aan.",
    },
  },
  {
    login: {
      title: "Sign in to Koers",
      intro: "Work-based guidance you can prove.",
      email: "E-mail address",
      password: "Password",
      submit: "Sign in",
      forgot: "Forgot your password?",
      verify: "Verify a declaration",
    },
    forgot: {
      title: "Forgot password",
      intro: "Enter your e-mail address. If we know it, we will send you a link to choose a new password.",
      submit: "Send the link",
      sent: "If we know this address, an e-mail with a link is waiting for you. The link is valid for one hour.",
      back: "Back to sign in",
    },
    reset: {
      title: "Choose a new password",
      password: "New password",
      hint: "At least 10 characters.",
      submit: "Save password",
      done: "Your password has been changed. Sign in with your new password.",
      missingToken: "This link is incomplete. Request a new one.",
    },
  },
);
