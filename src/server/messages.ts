/** Server-side texts (problem details, e-mails), in the requester's language. */
const nl = {
  "problem.notFound": "Niet gevonden.",
  "problem.forbidden": "Je hebt geen toestemming voor deze actie.",
  "problem.unauthorized": "Log eerst in.",
  "problem.conflict": "Iemand anders heeft dit intussen gewijzigd. Laad de nieuwe versie; je invoer blijft bewaard.",
  "problem.invalid": "Niet alle velden zijn goed ingevuld.",
  "problem.badRequest": "Het verzoek kon niet worden gelezen.",
  "problem.csrf": "Je sessie is verlopen of het formulier is verouderd. Laad de pagina opnieuw.",
  "problem.rateLimited": "Te veel pogingen. Probeer het over een paar minuten opnieuw.",
  "problem.internal": "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
  "problem.tooLarge": "Het bestand is te groot.",
  "auth.invalidCredentials": "E-mailadres of wachtwoord klopt niet.",
  "auth.locked": "Te veel mislukte pogingen. Probeer het over een kwartier opnieuw.",
  "auth.tokenInvalid": "Deze link is ongeldig of verlopen. Vraag een nieuwe aan.",
  "auth.notMember": "Je bent geen lid van deze organisatie.",
  "invitation.notPending": "Deze uitnodiging is al geaccepteerd of ingetrokken.",
  "field.alreadyInvited":
    "Deze persoon heeft al een openstaande uitnodiging. Verstuur die opnieuw of trek hem eerst in.",
  "field.passwordTooShort": "Kies een wachtwoord van minstens {min} tekens.",
  "field.emailTaken": "Er is al iemand met dit e-mailadres in deze organisatie.",
  "field.rolesRequired": "Kies minstens één rol.",
  "field.colorInvalid": "Geef een kleur als #rrggbb, bijvoorbeeld #1c7ed6.",
  "field.logoType": "Een logo moet een PNG-, JPEG- of WebP-afbeelding zijn.",
  "field.logoSize": "Een logo mag hoogstens {max} kB zijn.",
  "field.logoMissing": "Kies een afbeelding.",
  "field.dateRangeInvalid": "De einddatum ligt vóór de begindatum.",
  "field.cannotDeactivateSelf": "Je kunt jezelf niet deactiveren.",
  "field.cannotRemoveOwnAdmin": "Je kunt je eigen beheerdersrol niet weghalen.",
  "mail.reset.subject": "Nieuw wachtwoord voor Koers",
  "mail.reset.body":
    "Hallo {name},\n\nJe hebt gevraagd om een nieuw wachtwoord voor Koers. Kies er een via deze link (één uur geldig):\n\n{link}\n\nHeb je dit niet gevraagd? Dan kun je deze e-mail negeren.",
  "mail.invite.subject": "Uitnodiging voor {organisation} in Koers",
  "mail.invite.body":
    "Hallo {name},\n\n{inviter} nodigt je uit voor {organisation} in Koers. Kies een wachtwoord via deze link (zeven dagen geldig):\n\n{link}",
} as const;

export type MessageKey = keyof typeof nl;

const en: Record<MessageKey, string> = {
  "problem.notFound": "Not found.",
  "problem.forbidden": "You are not allowed to do this.",
  "problem.unauthorized": "Please sign in first.",
  "problem.conflict": "Someone else changed this in the meantime. Load the new version; your input is kept.",
  "problem.invalid": "Some fields are not filled in correctly.",
  "problem.badRequest": "The request could not be read.",
  "problem.csrf": "Your session has expired or the form is out of date. Reload the page.",
  "problem.rateLimited": "Too many attempts. Try again in a few minutes.",
  "problem.internal": "Something went wrong on our side. Please try again later.",
  "problem.tooLarge": "The file is too large.",
  "auth.invalidCredentials": "E-mail address or password is incorrect.",
  "auth.locked": "Too many failed attempts. Try again in fifteen minutes.",
  "auth.tokenInvalid": "This link is invalid or has expired. Request a new one.",
  "auth.notMember": "You are not a member of this organisation.",
  "invitation.notPending": "This invitation has already been accepted or revoked.",
  "field.alreadyInvited": "This person already has an open invitation. Resend it or revoke it first.",
  "field.passwordTooShort": "Choose a password of at least {min} characters.",
  "field.emailTaken": "Someone in this organisation already has this e-mail address.",
  "field.rolesRequired": "Choose at least one role.",
  "field.colorInvalid": "Give a colour as #rrggbb, for example #1c7ed6.",
  "field.logoType": "A logo must be a PNG, JPEG or WebP image.",
  "field.logoSize": "A logo may be at most {max} kB.",
  "field.logoMissing": "Choose an image.",
  "field.dateRangeInvalid": "The end date is before the start date.",
  "field.cannotDeactivateSelf": "You cannot deactivate yourself.",
  "field.cannotRemoveOwnAdmin": "You cannot remove your own admin role.",
  "mail.reset.subject": "New password for Koers",
  "mail.reset.body":
    "Hello {name},\n\nYou asked for a new password for Koers. Choose one through this link (valid for one hour):\n\n{link}\n\nDidn't ask for this? Then ignore this e-mail.",
  "mail.invite.subject": "Invitation to {organisation} in Koers",
  "mail.invite.body":
    "Hello {name},\n\n{inviter} invites you to {organisation} in Koers. Choose a password through this link (valid for seven days):\n\n{link}",
};

export type Locale = "nl" | "en";
const catalogues: Record<Locale, Record<MessageKey, string>> = { nl, en };

export function t(locale: Locale, key: MessageKey, values: Record<string, string | number> = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

export function pickLocale(acceptLanguage: string | undefined, preferred?: string | null): Locale {
  if (preferred === "nl" || preferred === "en") return preferred;
  const first = acceptLanguage?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "nl";
}
