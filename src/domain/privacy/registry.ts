/**
 * The registry of personal data (decision 0031): every table that holds data about a person says
 * here whose data it is, what it is for, who sees it, how long it is kept and what erasure does
 * to it. A test fails when a table names a person and is missing here, so a new feature cannot
 * forget it. The processing register, the person's own export, erasure and retention read this.
 */

export interface Text {
  nl: string;
  en: string;
}

/**
 * How long a record is kept. Periods are defaults an organisation may change within the law;
 * a record under a legal duty is kept until that duty ends, whatever the period says.
 */
export type Retention =
  /** As long as the account or membership it belongs to exists: it goes with it. */
  | { kind: "withMembership" }
  /**
   * For a fixed time after it was made (sessions, tokens, sent mail, logs). With a `range`, an
   * organisation may choose its own number of months within it (decision 0038); without, the
   * period is Koers's own.
   */
  | { kind: "period"; months: number; range?: { min: number; max: number } }
  /**
   * For a time after the person's guidance (their trajectory, or their membership) ended. With a
   * `range`, an organisation may choose its own months within it; with `registerHold`, a record a
   * register may still audit is kept past them until that audit has passed (decision 0042).
   */
  | {
      kind: "afterGuidance";
      months: number;
      range?: { min: number; max: number };
      registerHold?: boolean;
      /** Counted from the end of the person's membership (they left the organisation), not of a trajectory. */
      from?: "membership";
    }
  /**
   * Part of a trajectory or an intervision group: it goes when that goes, all of its records
   * together (decision 0042).
   */
  | { kind: "withParent"; parent: "trajectories" | "intervision_groups" }
  /**
   * Evidence a register may audit (SKJ and the like): until the re-registration it serves has
   * passed, plus the register's audit period, both from the regime's data.
   */
  | { kind: "registerAudit" };

/**
 * What erasing a person does to a record of this kind:
 * - `delete`: the record goes;
 * - `anonymise`: the record stays for others and for counts and hours, without the person
 *   (their reference emptied, names replaced);
 * - `keep`: kept under a legal duty until its retention ends, then deleted.
 */
export type Erasure = "delete" | "anonymise" | "keep";

export interface PersonalData {
  /** The table, by its SQL name. */
  table: string;
  /** The columns naming the person whose data the record is. */
  subject: readonly string[];
  /** Columns naming other people (who made, reviewed or signed it), anonymised on their erasure. */
  others?: readonly string[];
  /** What the record is. */
  what: Text;
  /** What it is for: the purpose it is processed for. */
  purpose: Text;
  /** Who sees it, as the policies decide (in words; the policy is the rule). */
  seenBy: Text;
  retention: Retention;
  erasure: Erasure;
}

/**
 * Months after a re-registration during which its register may still ask for the evidence behind
 * it: our judgement, not law (decision 0039). Erasure keeps who the person was, sealed, until then.
 */
export const REGISTER_AUDIT_MONTHS = 12;

const GUIDANCE_MONTHS = 24; // the common norm for guidance records: two years after it ended
const LOG_MONTHS = 24;

export const PERSONAL_DATA: readonly PersonalData[] = [
  {
    table: "users",
    subject: ["id", "email", "name"],
    what: {
      nl: "Account: naam, e-mailadres, wachtwoord (als hash), taal",
      en: "Account: name, e-mail, password (hashed), language",
    },
    purpose: { nl: "Inloggen en herkend worden", en: "Signing in and being recognised" },
    seenBy: {
      nl: "De persoon zelf; beheerders van organisaties waar hij lid is",
      en: "The person; admins of organisations they belong to",
    },
    retention: { kind: "withMembership" },
    erasure: "delete",
  },
  {
    table: "memberships",
    subject: ["user_id"],
    others: ["manager_id"],
    what: {
      nl: "Lidmaatschap: rollen, functie, ervaring, leidinggevende",
      en: "Membership: roles, job, experience, team leader",
    },
    purpose: { nl: "Bepalen wie wat mag en wie wie begeleidt", en: "Deciding who may do what and who guides whom" },
    seenBy: {
      nl: "Collega's in de organisatie (naam), beheerders (alles)",
      en: "Colleagues in the organisation (name), admins (all)",
    },
    retention: { kind: "withMembership" },
    erasure: "anonymise",
  },
  {
    table: "registrations",
    subject: ["membership_id"],
    what: {
      nl: "Registratie in een beroepsregister: nummer, geldig tot, herregistratie",
      en: "Professional register entry: number, valid until, re-registration",
    },
    purpose: { nl: "Bewijs voor herregistratie bijhouden", en: "Keeping evidence for re-registration" },
    seenBy: { nl: "De persoon, praktijkopleiders en beheerders", en: "The person, praktijkopleiders and admins" },
    retention: { kind: "afterGuidance", months: GUIDANCE_MONTHS, from: "membership", registerHold: true },
    erasure: "keep",
  },
  {
    table: "login_throttle",
    subject: ["key"],
    what: {
      nl: "Mislukte inlogpogingen, per e-mailadres (als hash)",
      en: "Failed sign-ins, per e-mail address (hashed)",
    },
    purpose: { nl: "Raden van wachtwoorden afremmen", en: "Slowing down password guessing" },
    seenBy: { nl: "Niemand; alleen het systeem", en: "Nobody; the system only" },
    retention: { kind: "period", months: 1 },
    erasure: "delete",
  },
  {
    table: "sessions",
    subject: ["user_id"],
    what: { nl: "Ingelogde sessie", en: "Signed-in session" },
    purpose: { nl: "Ingelogd blijven", en: "Staying signed in" },
    seenBy: { nl: "Niemand; alleen het systeem", en: "Nobody; the system only" },
    retention: { kind: "period", months: 1 },
    erasure: "delete",
  },
  {
    table: "password_resets",
    subject: ["user_id"],
    what: { nl: "Link om het wachtwoord te herstellen (als hash)", en: "Password reset link (hashed)" },
    purpose: { nl: "Een vergeten wachtwoord herstellen", en: "Resetting a forgotten password" },
    seenBy: { nl: "Niemand; alleen het systeem", en: "Nobody; the system only" },
    retention: { kind: "period", months: 1 },
    erasure: "delete",
  },
  {
    table: "invitations",
    subject: ["email", "name"],
    others: ["invited_by"],
    what: { nl: "Uitnodiging: naam, e-mailadres, rollen", en: "Invitation: name, e-mail, roles" },
    purpose: { nl: "Iemand lid laten worden", en: "Letting someone join" },
    seenBy: { nl: "Beheerders", en: "Admins" },
    retention: { kind: "period", months: 3, range: { min: 1, max: 12 } },
    erasure: "delete",
  },
  {
    table: "account_mail",
    subject: ["user_id", "to_address"],
    what: { nl: "E-mail over het account (wachtwoord herstellen)", en: "Account e-mail (password reset)" },
    purpose: { nl: "De e-mail versturen", en: "Sending the e-mail" },
    seenBy: { nl: "Niemand; alleen het systeem", en: "Nobody; the system only" },
    retention: { kind: "period", months: 3 },
    erasure: "delete",
  },
  {
    table: "outbox",
    subject: ["to_address"],
    what: {
      nl: "Te versturen en verstuurde e-mail van de organisatie",
      en: "The organisation's e-mail to send and sent",
    },
    purpose: {
      nl: "Herinneringen en meldingen per e-mail bezorgen",
      en: "Delivering reminders and notifications by e-mail",
    },
    seenBy: { nl: "Beheerders (bezorgstatus, zonder inhoud)", en: "Admins (delivery status, without content)" },
    retention: { kind: "period", months: 3, range: { min: 1, max: 12 } },
    erasure: "delete",
  },
  {
    table: "audit_events",
    subject: ["actor_user_id"],
    what: { nl: "Auditlog: wie wat wanneer veranderde", en: "Audit log: who changed what, when" },
    purpose: { nl: "Verantwoording en beveiliging", en: "Accountability and security" },
    seenBy: { nl: "Beheerders", en: "Admins" },
    retention: { kind: "period", months: LOG_MONTHS, range: { min: 12, max: 84 } },
    erasure: "anonymise",
  },
  {
    table: "access_log",
    subject: ["subject_user_id"],
    others: ["viewer_user_id"],
    what: {
      nl: "Inzagelog: wie wanneer welke gegevens van de persoon bekeek",
      en: "Access log: who viewed which of the person's data, when",
    },
    purpose: {
      nl: "De persoon laten zien wie zijn gegevens bekeek; misbruik opsporen",
      en: "Showing the person who viewed their data; detecting misuse",
    },
    seenBy: { nl: "De persoon zelf; beheerders", en: "The person; admins" },
    retention: { kind: "period", months: LOG_MONTHS, range: { min: 12, max: 84 } },
    erasure: "delete",
  },
  {
    table: "retention_settings",
    subject: [],
    others: ["enabled_by", "periods_by"],
    what: {
      nl: "Of Koers de bewaartermijnen toepast en welke termijnen de organisatie koos, en welke beheerder dat deed",
      en: "Whether Koers applies the retention periods and which periods the organisation chose, and which admin did",
    },
    purpose: { nl: "Verantwoorden wie het opruimen aanzette", en: "Accounting for who turned clearing up on" },
    seenBy: { nl: "Beheerders", en: "Admins" },
    retention: { kind: "withMembership" },
    erasure: "anonymise",
  },
  {
    table: "erasure_requests",
    subject: ["membership_id", "requested_by"],
    others: ["applied_by"],
    what: {
      nl: "Verzoek om verwijdering, wat de verwijdering deed en, zolang bewijs bewaard moet blijven, wie het was",
      en: "Erasure request, what erasure did and, while evidence must be kept, who it was",
    },
    purpose: {
      nl: "Het recht op verwijdering uitvoeren en aantonen; bewijs voor een controle door het register bewaren",
      en: "Carrying out and proving the right to erasure; keeping evidence for a register's audit",
    },
    seenBy: { nl: "Beheerders; de persoon zijn eigen verzoek", en: "Admins; the person their own request" },
    retention: { kind: "registerAudit" },
    erasure: "keep",
  },
  {
    table: "calendar_feeds",
    subject: ["user_id"],
    what: { nl: "Geheime agenda-link (als hash)", en: "Secret calendar link (hashed)" },
    purpose: { nl: "Afspraken in de eigen agenda tonen", en: "Showing appointments in one's own calendar" },
    seenBy: { nl: "De persoon zelf", en: "The person" },
    retention: { kind: "withMembership" },
    erasure: "delete",
  },
  {
    table: "notifications",
    subject: ["user_id"],
    what: { nl: "Meldingen aan de persoon", en: "Notifications to the person" },
    purpose: { nl: "Laten weten wat er voor je klaarstaat", en: "Telling what waits for you" },
    seenBy: { nl: "De persoon zelf", en: "The person" },
    retention: { kind: "period", months: 12, range: { min: 1, max: 24 } },
    erasure: "delete",
  },
  {
    table: "trajectories",
    subject: [],
    others: ["created_by"],
    what: { nl: "Begeleidingstraject: plan, periode, status", en: "Guidance trajectory: plan, period, status" },
    purpose: { nl: "Begeleiding plannen en aantonen", en: "Planning and proving guidance" },
    seenBy: {
      nl: "De deelnemers van het traject, praktijkopleiders, beheerders",
      en: "The trajectory's participants, praktijkopleiders, admins",
    },
    retention: { kind: "afterGuidance", months: GUIDANCE_MONTHS, range: { min: 12, max: 84 }, registerHold: true },
    erasure: "keep",
  },
  {
    table: "trajectory_participants",
    subject: ["user_id"],
    what: { nl: "Wie in een traject begeleidt en begeleid wordt", en: "Who guides and is guided in a trajectory" },
    purpose: { nl: "Begeleiding plannen en aantonen", en: "Planning and proving guidance" },
    seenBy: {
      nl: "De deelnemers van het traject, praktijkopleiders, beheerders",
      en: "The trajectory's participants, praktijkopleiders, admins",
    },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "keep",
  },
  {
    table: "goal_list_versions",
    subject: [],
    others: ["approved_by"],
    what: { nl: "Goedgekeurde leerdoelen van een traject", en: "A trajectory's approved learning goals" },
    purpose: { nl: "Begeleiding richten en aantonen", en: "Directing and proving guidance" },
    seenBy: { nl: "De deelnemers van het traject", en: "The trajectory's participants" },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "anonymise",
  },
  {
    table: "meetings",
    subject: [],
    others: ["created_by"],
    what: {
      nl: "Begeleidingsmomenten: datum, duur, notities, observatie",
      en: "Guidance meetings: date, duration, notes, observation",
    },
    purpose: { nl: "Begeleiding vastleggen en de uren aantonen", en: "Recording guidance and proving the hours" },
    seenBy: {
      nl: "De deelnemers van het traject; vertrouwelijke notities alleen de begeleider",
      en: "The trajectory's participants; confidential notes the guide only",
    },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "keep",
  },
  {
    table: "feedback_records",
    subject: [],
    others: ["created_by"],
    what: { nl: "Feedbackverslagen van begeleidingsmomenten", en: "Feedback records of meetings" },
    purpose: { nl: "Ontwikkeling vastleggen", en: "Recording development" },
    seenBy: { nl: "De deelnemers van het traject, na delen", en: "The trajectory's participants, once shared" },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "anonymise",
  },
  {
    table: "meeting_parts",
    subject: [],
    others: ["written_by"],
    what: {
      nl: "Eigen deel van een verslag, zoals dat van de BPV-docent bij een driegesprek",
      en: "A participant's own part of a meeting's report, such as the placement tutor's",
    },
    purpose: {
      nl: "School en werkplek hetzelfde beeld van het leerpad geven",
      en: "Giving school and workplace the same picture of the learning path",
    },
    seenBy: {
      nl: "De deelnemers van het traject die de notities zien",
      en: "The trajectory's participants who see its notes",
    },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "anonymise",
  },
  {
    table: "qualifications",
    subject: [],
    others: ["updated_by"],
    what: {
      nl: "Kwalificaties met hun kerntaken en werkprocessen, en wie ze het laatst wijzigde",
      en: "Qualifications with their core tasks and work processes, and who last changed them",
    },
    purpose: {
      nl: "Leerdoelen van studenten kiezen uit hun opleiding",
      en: "Picking students' learning goals from their course",
    },
    seenBy: { nl: "Alle leden van de organisatie", en: "Every member of the organisation" },
    retention: { kind: "withMembership" },
    erasure: "anonymise",
  },
  {
    table: "work_hours",
    subject: [],
    others: ["recorded_by"],
    what: {
      nl: "Gewerkte BPV-uren van een student, per periode",
      en: "A student's placement hours worked, per period",
    },
    purpose: {
      nl: "Laten zien dat de student de uren beroepspraktijk maakt die de opleiding vraagt",
      en: "Showing that the student works the placement hours the course requires",
    },
    seenBy: {
      nl: "De deelnemers van het traject die de uren zien",
      en: "The trajectory's participants who see its hours",
    },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "anonymise",
  },
  {
    table: "feedback_seen",
    subject: ["user_id"],
    what: { nl: "Wanneer iemand feedback las", en: "When someone read feedback" },
    purpose: { nl: "Tonen wat nieuw is", en: "Showing what is new" },
    seenBy: { nl: "De deelnemers van het traject", en: "The trajectory's participants" },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "delete",
  },
  {
    table: "self_assessments",
    subject: ["user_id"],
    what: { nl: "Zelfbeoordeling bij een begeleidingsmoment", en: "Self-assessment for a meeting" },
    purpose: { nl: "Reflectie en ontwikkeling", en: "Reflection and development" },
    seenBy: { nl: "De persoon en de begeleiders van het traject", en: "The person and the trajectory's guides" },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "delete",
  },
  {
    table: "final_reports",
    subject: [],
    others: ["finalised_by"],
    what: { nl: "Eindrapportage van een traject", en: "A trajectory's final report" },
    purpose: { nl: "De begeleiding afsluiten en verantwoorden", en: "Closing and accounting for the guidance" },
    seenBy: { nl: "De deelnemers van het traject, na vaststellen", en: "The trajectory's participants, once final" },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "keep",
  },
  {
    table: "trajectory_documents",
    subject: [],
    others: ["uploaded_by"],
    what: { nl: "Geüploade documenten (gemotiveerd verzoek)", en: "Uploaded documents (motivated request)" },
    purpose: { nl: "Bewijs voor het register", en: "Evidence for the register" },
    seenBy: { nl: "De deelnemers van het traject", en: "The trajectory's participants" },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "keep",
  },
  {
    table: "declaration_signatures",
    subject: ["user_id", "signer_name"],
    what: {
      nl: "Handtekening onder een verklaring: naam, moment, IP-adres",
      en: "Signature of a declaration: name, moment, IP address",
    },
    purpose: { nl: "Bewijs voor het register", en: "Evidence for the register" },
    seenBy: {
      nl: "De deelnemers van het traject; de verklaring zelf ook wie haar controleert",
      en: "The trajectory's participants; the declaration also whoever verifies it",
    },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "keep",
  },
  {
    table: "declarations",
    subject: [],
    what: {
      nl: "Start- en eindverklaringen, met de namen die erin staan",
      en: "Start and end declarations, with the names they hold",
    },
    purpose: { nl: "Bewijs voor het register", en: "Evidence for the register" },
    seenBy: {
      nl: "De deelnemers van het traject; wie een verklaring heeft, controleert haar",
      en: "The trajectory's participants; whoever holds a declaration verifies it",
    },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "keep",
  },
  {
    table: "declaration_files",
    subject: [],
    what: { nl: "Controlegetallen van uitgegeven verklaringen", en: "Checksums of issued declarations" },
    purpose: { nl: "Echtheid van een verklaring controleren", en: "Verifying a declaration is genuine" },
    seenBy: {
      nl: "Iedereen die de verklaring controleert (alleen of ze echt is)",
      en: "Anyone verifying the declaration (only whether it is genuine)",
    },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "keep",
  },
  {
    table: "archived_documents",
    subject: [],
    what: {
      nl: "Uitgegeven PDF's (verklaringen, certificaten), zoals uitgegeven",
      en: "Issued PDFs (declarations, certificates), as issued",
    },
    purpose: {
      nl: "Hetzelfde document opnieuw kunnen geven en controleren",
      en: "Giving and verifying the same document again",
    },
    seenBy: { nl: "Wie het document via Koers mag lezen", en: "Whoever may read the document in Koers" },
    retention: { kind: "withParent", parent: "trajectories" },
    erasure: "keep",
  },
  {
    table: "intervision_groups",
    subject: [],
    others: ["created_by"],
    what: { nl: "Intervisiegroep", en: "Intervision group" },
    purpose: { nl: "Intervisie organiseren", en: "Organising intervision" },
    seenBy: { nl: "De leden van de groep, praktijkopleiders", en: "The group's members, praktijkopleiders" },
    retention: { kind: "afterGuidance", months: GUIDANCE_MONTHS, registerHold: true },
    erasure: "anonymise",
  },
  {
    table: "intervision_members",
    subject: ["user_id"],
    what: { nl: "Lidmaatschap van een intervisiegroep", en: "Membership of an intervision group" },
    purpose: { nl: "Intervisie organiseren en uren aantonen", en: "Organising intervision and proving hours" },
    seenBy: { nl: "De leden van de groep, praktijkopleiders", en: "The group's members, praktijkopleiders" },
    retention: { kind: "withParent", parent: "intervision_groups" },
    erasure: "keep",
  },
  {
    table: "intervision_meetings",
    subject: ["case_bringer_id"],
    others: ["created_by"],
    what: { nl: "Intervisiebijeenkomst: inbrenger, notities", en: "Intervision meeting: case bringer, notes" },
    purpose: { nl: "Intervisie vastleggen en uren aantonen", en: "Recording intervision and proving hours" },
    seenBy: { nl: "De leden van de groep", en: "The group's members" },
    retention: { kind: "withParent", parent: "intervision_groups" },
    erasure: "anonymise",
  },
  {
    table: "intervision_attendance",
    subject: ["user_id"],
    what: { nl: "Aanwezigheid bij intervisie", en: "Intervision attendance" },
    purpose: { nl: "Uren aantonen voor het register", en: "Proving hours for the register" },
    seenBy: { nl: "De leden van de groep, praktijkopleiders", en: "The group's members, praktijkopleiders" },
    retention: { kind: "withParent", parent: "intervision_groups" },
    erasure: "keep",
  },
  {
    table: "competence_scans",
    subject: ["user_id"],
    what: { nl: "Competentiescan: eigen scores en voorbeelden", en: "Competence scan: own ratings and examples" },
    purpose: { nl: "Ontwikkeling zien en een leerroute kiezen", en: "Seeing development and choosing a learning path" },
    seenBy: {
      nl: "De persoon, de praktijkopleider en de eigen leidinggevende",
      en: "The person, the praktijkopleider and their team leader",
    },
    retention: { kind: "afterGuidance", months: GUIDANCE_MONTHS, from: "membership" },
    erasure: "delete",
  },
  {
    table: "scan_friends",
    subject: ["user_id", "name", "email"],
    what: {
      nl: "Critical friend bij een scan: naam, e-mailadres, scores",
      en: "Critical friend of a scan: name, e-mail, ratings",
    },
    purpose: { nl: "Een blik van buiten op de eigen scan", en: "An outside view of one's own scan" },
    seenBy: { nl: "De eigenaar van de scan", en: "The scan's owner" },
    retention: { kind: "afterGuidance", months: GUIDANCE_MONTHS, from: "membership" },
    erasure: "delete",
  },
  {
    table: "framework_votes",
    subject: ["user_id"],
    what: { nl: "Stem en opmerking in een consensusronde", en: "Vote and remark in a consensus round" },
    purpose: { nl: "Samen een competentiekader vaststellen", en: "Agreeing on a competence framework together" },
    seenBy: { nl: "Vertegenwoordigers van de leden van het netwerk", en: "The network members' representatives" },
    retention: { kind: "period", months: LOG_MONTHS, range: { min: 12, max: 120 } },
    erasure: "anonymise",
  },
  {
    table: "framework_versions",
    subject: [],
    others: ["created_by"],
    what: { nl: "Versie van een competentiekader", en: "Version of a competence framework" },
    purpose: { nl: "Competenties beschrijven", en: "Describing competences" },
    seenBy: { nl: "De organisatie of het netwerk", en: "The organisation or the network" },
    retention: { kind: "withMembership" },
    erasure: "anonymise",
  },
  {
    table: "framework_extensions",
    subject: [],
    others: ["updated_by"],
    what: { nl: "Eigen aanvullingen op een kader", en: "Own additions to a framework" },
    purpose: { nl: "Competenties beschrijven", en: "Describing competences" },
    seenBy: { nl: "De organisatie", en: "The organisation" },
    retention: { kind: "withMembership" },
    erasure: "anonymise",
  },
  {
    table: "learning_paths",
    subject: ["user_id"],
    what: { nl: "Leerroute: gekozen competenties en voortgang", en: "Learning path: chosen competences and progress" },
    purpose: { nl: "Eigen ontwikkeling plannen", en: "Planning one's development" },
    seenBy: {
      nl: "De persoon, de praktijkopleider en de eigen leidinggevende",
      en: "The person, the praktijkopleider and their team leader",
    },
    retention: { kind: "afterGuidance", months: GUIDANCE_MONTHS, from: "membership" },
    erasure: "delete",
  },
  {
    table: "module_versions",
    subject: [],
    others: ["created_by"],
    what: { nl: "Versie van een module", en: "Version of a module" },
    purpose: { nl: "Leermateriaal", en: "Learning material" },
    seenBy: { nl: "De organisatie of het netwerk", en: "The organisation or the network" },
    retention: { kind: "withMembership" },
    erasure: "anonymise",
  },
  {
    table: "module_progress",
    subject: ["user_id"],
    what: {
      nl: "Voortgang in een module: antwoorden, reflecties, pogingen",
      en: "Progress in a module: answers, reflections, attempts",
    },
    purpose: { nl: "Leren en verder gaan waar je was", en: "Learning and resuming where you were" },
    seenBy: {
      nl: "De persoon; gedeelde reflecties ook de praktijkopleider",
      en: "The person; shared reflections also the praktijkopleider",
    },
    retention: { kind: "afterGuidance", months: GUIDANCE_MONTHS, from: "membership" },
    erasure: "delete",
  },
  {
    table: "module_assignments",
    subject: ["user_id"],
    others: ["reviewed_by"],
    what: {
      nl: "Werkplekopdracht: beschrijving, bewijs (foto of PDF), beoordeling",
      en: "On-the-job assignment: description, evidence (photo or PDF), review",
    },
    purpose: { nl: "Leren op de werkplek aantonen", en: "Proving learning at work" },
    seenBy: {
      nl: "De persoon, de praktijkopleider en de eigen leidinggevende",
      en: "The person, the praktijkopleider and their team leader",
    },
    retention: { kind: "afterGuidance", months: GUIDANCE_MONTHS, from: "membership" },
    erasure: "delete",
  },
  {
    table: "certificates",
    subject: ["user_id"],
    what: { nl: "Certificaat van een module of leerlijn", en: "Certificate of a module or learning line" },
    purpose: { nl: "Afronding aantonen, ook aan anderen", en: "Proving completion, to others too" },
    seenBy: {
      nl: "De persoon; wie het document heeft, controleert het",
      en: "The person; whoever holds the document verifies it",
    },
    retention: { kind: "withMembership" },
    erasure: "delete",
  },
  {
    table: "cases",
    subject: [],
    others: ["author_id", "reviewed_by"],
    what: {
      nl: "Casus uit de praktijk (over een situatie, niet over een cliënt)",
      en: "Case from practice (about a situation, not a client)",
    },
    purpose: { nl: "Leren van elkaar", en: "Learning from each other" },
    seenBy: {
      nl: "Het netwerk of de organisatie, na goedkeuring",
      en: "The network or the organisation, once approved",
    },
    retention: { kind: "withMembership" },
    erasure: "anonymise",
  },
  {
    table: "discussion_posts",
    subject: ["author_id", "author_name"],
    others: ["hidden_by"],
    what: {
      nl: "Bericht in een discussie, met naam en organisatie",
      en: "Post in a discussion, with name and organisation",
    },
    purpose: { nl: "Leren van elkaar", en: "Learning from each other" },
    seenBy: {
      nl: "Wie de casus of module leest: het netwerk of de organisatie",
      en: "Whoever reads the case or module: the network or the organisation",
    },
    retention: { kind: "withMembership" },
    erasure: "anonymise",
  },
  {
    table: "discussion_reports",
    subject: ["reporter_id"],
    what: { nl: "Melding van een bericht", en: "Report of a post" },
    purpose: { nl: "Discussies veilig houden", en: "Keeping discussions safe" },
    seenBy: {
      nl: "Trainers van de eigen organisatie (alleen het aantal)",
      en: "Trainers of one's organisation (the count only)",
    },
    retention: { kind: "period", months: 12, range: { min: 3, max: 24 } },
    erasure: "delete",
  },
  {
    table: "events",
    subject: [],
    others: ["created_by"],
    what: { nl: "Activiteit: leerfestival of training", en: "Event: learning festival or training" },
    purpose: { nl: "Leerfestivals en trainingen organiseren", en: "Organising learning festivals and trainings" },
    seenBy: { nl: "Organisatoren (beheerders, praktijkopleiders)", en: "Organisers (admins, praktijkopleiders)" },
    retention: { kind: "withMembership" },
    erasure: "anonymise",
  },
  {
    table: "event_trainers",
    subject: ["user_id"],
    what: { nl: "Trainer van een activiteit", en: "Trainer of an event" },
    purpose: {
      nl: "Laten zien wie een training geeft; trainerdossier",
      en: "Showing who gives a training; trainer record",
    },
    seenBy: { nl: "Iedereen die de activiteit ziet", en: "Everyone who sees the event" },
    retention: { kind: "afterGuidance", months: GUIDANCE_MONTHS, from: "membership" },
    erasure: "anonymise",
  },
  {
    table: "event_registrations",
    subject: ["user_id"],
    others: ["registered_by"],
    what: {
      nl: "Inschrijving voor een sessie, plek op de wachtlijst, afmelding",
      en: "Registration for a session, place on the waiting list, cancellation",
    },
    purpose: {
      nl: "Plaatsen verdelen, de wachtlijst volgen en deelname tellen",
      en: "Sharing out places, keeping the waiting list and counting participation",
    },
    seenBy: {
      nl: "De persoon; organisatoren en de trainers van de activiteit",
      en: "The person; organisers and the event's trainers",
    },
    retention: { kind: "afterGuidance", months: GUIDANCE_MONTHS, from: "membership" },
    erasure: "anonymise",
  },
  {
    table: "event_attendance",
    subject: ["user_id"],
    others: ["checked_in_by"],
    what: { nl: "Aanwezigheid bij een activiteit", en: "Attendance at an event" },
    purpose: {
      nl: "Aantonen dat iemand een training volgde; deelname tellen",
      en: "Proving someone took a training; counting participation",
    },
    seenBy: {
      nl: "De persoon; organisatoren en de trainers van de activiteit",
      en: "The person; organisers and the event's trainers",
    },
    retention: { kind: "afterGuidance", months: GUIDANCE_MONTHS, from: "membership" },
    erasure: "anonymise",
  },
  {
    table: "event_evaluations",
    subject: ["user_id"],
    what: {
      nl: "Evaluatie van een activiteit: scores en open antwoorden",
      en: "Evaluation of an event: scores and open answers",
    },
    purpose: { nl: "Activiteiten verbeteren", en: "Improving events" },
    seenBy: {
      nl: "Organisatoren en trainers, zonder naam",
      en: "Organisers and trainers, without the name",
    },
    retention: { kind: "period", months: 24, range: { min: 6, max: 60 } },
    erasure: "anonymise",
  },
  {
    table: "trainer_profiles",
    subject: ["user_id"],
    what: {
      nl: "Trainersprofiel: onderwerpen en beschikbaarheid",
      en: "Trainer profile: topics and availability",
    },
    purpose: {
      nl: "Trainers in het netwerk vinden en uitwisselen",
      en: "Finding and exchanging trainers in the network",
    },
    seenBy: {
      nl: "De trainer; de organisaties van het netwerk (naam, organisatie, onderwerpen, beschikbaarheid)",
      en: "The trainer; the network's organisations (name, organisation, topics, availability)",
    },
    retention: { kind: "withMembership" },
    erasure: "delete",
  },
  {
    table: "trainer_certificates",
    subject: ["user_id"],
    others: ["certified_by"],
    what: { nl: "Certificering als trainer", en: "Certification as a trainer" },
    purpose: {
      nl: "Aantonen dat een trainer gecertificeerd is; het aantal trainers per organisatie tellen",
      en: "Proving a trainer is certified; counting trainers per organisation",
    },
    seenBy: {
      nl: "De trainer; de organisaties en coördinatoren van het netwerk",
      en: "The trainer; the network's organisations and coordinators",
    },
    retention: { kind: "afterGuidance", months: GUIDANCE_MONTHS, from: "membership" },
    erasure: "anonymise",
  },
  {
    table: "trainer_requests",
    subject: ["trainer_id"],
    others: ["requested_by", "answered_by"],
    what: {
      nl: "Verzoek aan een trainer van een andere organisatie",
      en: "Request to a trainer of another organisation",
    },
    purpose: {
      nl: "Trainers uitwisselen tussen de organisaties van het netwerk",
      en: "Exchanging trainers between the network's organisations",
    },
    seenBy: {
      nl: "Organisatoren van de vragende organisatie en van die van de trainer; de trainer",
      en: "Organisers of the asking organisation and of the trainer's; the trainer",
    },
    retention: { kind: "period", months: 24, range: { min: 6, max: 60 } },
    erasure: "anonymise",
  },
  {
    table: "supervised_trainings",
    subject: ["user_id"],
    others: ["supervisor_id", "created_by"],
    what: {
      nl: "Training gegeven onder supervisie, met de aftekening en feedback van de supervisor",
      en: "Training given under supervision, with the supervisor's sign-off and feedback",
    },
    purpose: {
      nl: "Het traject train-de-trainer aantonen vóór de certificering",
      en: "Showing the train-the-trainer path before certification",
    },
    seenBy: {
      nl: "De trainer, de supervisor en de organisatoren; het netwerk ziet alleen het aantal afgetekende trainingen",
      en: "The trainer, the supervisor and the organisers; the network sees only the number signed off",
    },
    retention: { kind: "afterGuidance", months: GUIDANCE_MONTHS, from: "membership" },
    erasure: "anonymise",
  },
];

/** The entry for a table, if it holds personal data. */
export const personalDataOf = (table: string) => PERSONAL_DATA.find((entry) => entry.table === table);
