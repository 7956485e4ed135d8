import account from "../account/i18n";
import audit from "../audit/i18n";
import calendar from "../calendar/i18n";
import cases from "../cases/i18n";
import consensus from "../consensus/i18n";
import declarations from "../declarations/i18n";
import discussions from "../discussions/i18n";
import events from "../events/i18n";
import evidence from "../evidence/i18n";
import frameworks from "../frameworks/i18n";
import intervision from "../intervision/i18n";
import invitations from "../invitations/i18n";
import learningPaths from "../learning-paths/i18n";
import meetings from "../meetings/i18n";
import modules from "../modules/i18n";
import networks from "../networks/i18n";
import organisations from "../organisations/i18n";
import outbox from "../outbox/i18n";
import people from "../people/i18n";
import regimes from "../regimes/i18n";
import reports from "../reports/i18n";
import scans from "../scans/i18n";
import trajectories from "../trajectories/i18n";

/** The features whose texts load with their pages (see `lazy.ts`); for the tests that check every text. */
export const lazyNamespaces = {
  account,
  audit,
  calendar,
  cases,
  consensus,
  declarations,
  discussions,
  events,
  evidence,
  frameworks,
  intervision,
  invitations,
  learningPaths,
  meetings,
  modules,
  networks,
  organisations,
  outbox,
  people,
  regimes,
  reports,
  scans,
  trajectories,
};
