import audit from "../audit/i18n";
import auth from "../auth/i18n";
import calendar from "../calendar/i18n";
import declarations from "../declarations/i18n";
import evidence from "../evidence/i18n";
import home from "../home/i18n";
import intervision from "../intervision/i18n";
import invitations from "../invitations/i18n";
import meetings from "../meetings/i18n";
import notifications from "../notifications/i18n";
import organisations from "../organisations/i18n";
import outbox from "../outbox/i18n";
import people from "../people/i18n";
import regimes from "../regimes/i18n";
import reports from "../reports/i18n";
import common from "../shell/i18n";
import trajectories from "../trajectories/i18n";

/** One namespace per feature; every feature gives Dutch and English with the same keys. */
const namespaces = {
  common,
  auth,
  home,
  people,
  invitations,
  organisations,
  outbox,
  audit,
  trajectories,
  meetings,
  reports,
  regimes,
  calendar,
  declarations,
  evidence,
  intervision,
  notifications,
};

type Namespaces = typeof namespaces;
export const resources = {
  nl: Object.fromEntries(Object.entries(namespaces).map(([ns, r]) => [ns, r.nl])) as {
    [K in keyof Namespaces]: Namespaces[K]["nl"];
  },
  en: Object.fromEntries(Object.entries(namespaces).map(([ns, r]) => [ns, r.en])) as {
    [K in keyof Namespaces]: Namespaces[K]["en"];
  },
};
