import auth from "../auth/i18n";
import home from "../home/i18n";
import notifications from "../notifications/i18n";
import common from "../shell/i18n";
import due from "../trajectories/due-i18n";

/**
 * The texts the first page loads: one namespace per feature, Dutch and English with the same keys.
 * Features only reached through their own pages add theirs as those load (`lazy.ts`).
 */
const namespaces = {
  common,
  auth,
  home,
  due,
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
