/**
 * The intervisie methods Koers offers, as data: what each is for, how long a case takes and the
 * steps the group follows, shown one by one during the meeting. After domain.md section 2.
 */

export interface MethodText {
  nl: string;
  en: string;
}

export interface IntervisionMethod {
  key: MethodKey;
  name: MethodText;
  description: MethodText;
  /** About how long one case takes, in minutes. */
  typicalMinutes: number;
  steps: readonly MethodText[];
}

export const METHOD_KEYS = ["incident", "roddel", "balint", "socratic", "five_step"] as const;
export type MethodKey = (typeof METHOD_KEYS)[number];

const s = (nl: string, en: string): MethodText => ({ nl, en });

export const METHODS: Record<MethodKey, IntervisionMethod> = {
  incident: {
    key: "incident",
    name: s("Incidentmethode", "Incident method"),
    description: s(
      "Voor beginnende groepen: een concreet voorval, open vragen, het kernprobleem en ieders advies.",
      "For beginning groups: a concrete incident, open questions, the core problem and everyone's advice.",
    ),
    typicalMinutes: 60,
    steps: [
      s(
        "De inbrenger vertelt het incident in hooguit 3 minuten.",
        "The case bringer tells the incident in 3 minutes at most.",
      ),
      s(
        "De groep stelt open vragen om de situatie te begrijpen.",
        "The group asks open questions to understand the situation.",
      ),
      s("Samen het kernprobleem benoemen.", "Name the core problem together."),
      s("Ieder lid geeft een advies.", "Each member gives a piece of advice."),
      s(
        "De inbrenger zegt welk advies hij of zij gaat gebruiken.",
        "The case bringer says which advice they will use.",
      ),
    ],
  },
  roddel: {
    key: "roddel",
    name: s("Roddelmethode", "Gossip method"),
    description: s(
      "Vraagt veel vertrouwen: de inbrenger trekt zich terug en de groep bespreekt de casus alsof die afwezig is.",
      "Needs high trust: the case bringer withdraws and the group discusses the case as if they were absent.",
    ),
    typicalMinutes: 60,
    steps: [
      s("De inbrenger vertelt de casus.", "The case bringer tells the case."),
      s("De groep stelt verhelderende vragen.", "The group asks clarifying questions."),
      s(
        "De inbrenger draait de stoel om en luistert alleen.",
        "The case bringer turns their chair away and only listens.",
      ),
      s(
        "De groep 'roddelt': bespreekt de casus en de inbrenger alsof die er niet is.",
        "The group 'gossips': discusses the case and the case bringer as if they were not there.",
      ),
      s(
        "De inbrenger keert terug en vertelt wat hem of haar trof.",
        "The case bringer returns and says what struck them.",
      ),
      s("Nabespreken: wat neemt ieder mee?", "Round-up: what does everyone take away?"),
    ],
  },
  balint: {
    key: "balint",
    name: s("Balintmethode", "Balint method"),
    description: s(
      "Aandacht voor blinde vlekken en de relatie tussen professional en cliënt; ongeveer anderhalf uur per casus.",
      "Attention to blind spots and the relation between professional and client; about an hour and a half per case.",
    ),
    typicalMinutes: 90,
    steps: [
      s("De inbrenger vertelt de casus zonder aantekeningen.", "The case bringer tells the case without notes."),
      s("Feitelijke vragen van de groep.", "Factual questions from the group."),
      s("De inbrenger trekt zich terug en luistert.", "The case bringer withdraws and listens."),
      s(
        "De groep deelt gevoelens, beelden en fantasieën bij de casus.",
        "The group shares feelings, images and fantasies about the case.",
      ),
      s(
        "De groep verkent de relatie tussen professional en cliënt.",
        "The group explores the relation between professional and client.",
      ),
      s("Blinde vlekken en herhaalde patronen benoemen.", "Name blind spots and repeating patterns."),
      s("De inbrenger keert terug en reageert.", "The case bringer returns and responds."),
      s("Gezamenlijk gesprek over wat er nu anders kan.", "Talk together about what could be different now."),
      s("De inbrenger formuleert wat hij of zij meeneemt.", "The case bringer says what they take away."),
      s("Terugblik op het proces in de groep.", "Look back at the group's process."),
    ],
  },
  socratic: {
    key: "socratic",
    name: s("Socratische methode", "Socratic method"),
    description: s(
      "Onderzoekend vragen: iedere luisteraar stelt hooguit drie open vragen, zonder adviezen.",
      "Inquiring questions: each listener asks at most three open questions, without advice.",
    ),
    typicalMinutes: 60,
    steps: [
      s("De inbrenger vertelt de casus en de vraag.", "The case bringer tells the case and the question."),
      s("Iedere luisteraar stelt hooguit drie open vragen.", "Each listener asks at most three open questions."),
      s("De inbrenger antwoordt en denkt hardop na.", "The case bringer answers and thinks aloud."),
      s("De groep vat samen welke aannames naar boven kwamen.", "The group sums up which assumptions came up."),
      s("De inbrenger benoemt het nieuwe inzicht.", "The case bringer names the new insight."),
    ],
  },
  five_step: {
    key: "five_step",
    name: s("Vijfstappenmethode", "Five-step method"),
    description: s(
      "Een vaste volgorde in vijf stappen van probleem naar eigen actie.",
      "A fixed order of five steps from problem to own action.",
    ),
    typicalMinutes: 60,
    steps: [
      s("De inbrenger beschrijft het probleem.", "The case bringer describes the problem."),
      s("De groep stelt vragen tot het probleem helder is.", "The group asks questions until the problem is clear."),
      s("De inbrenger formuleert de vraag aan de groep.", "The case bringer states the question to the group."),
      s("Ieder lid geeft een reactie of een mogelijke aanpak.", "Each member gives a response or a possible approach."),
      s(
        "De inbrenger kiest een aanpak en evalueert met de groep.",
        "The case bringer chooses an approach and evaluates with the group.",
      ),
    ],
  },
};

export const isMethodKey = (key: string): key is MethodKey => (METHOD_KEYS as readonly string[]).includes(key);

/** The method of a stored key; an unknown key (a method since withdrawn) has none. */
export const methodOf = (key: string): IntervisionMethod | undefined => (isMethodKey(key) ? METHODS[key] : undefined);
