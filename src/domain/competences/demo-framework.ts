import { type Extension, extensionSchema, type Framework, frameworkSchema } from "./framework.js";

/**
 * "Vakbekwaam werkbegeleiden": a competence framework written for the demo network, after the
 * learning line the region's elderly-care organisations built for their werkbegeleiders. Not an
 * official standard.
 */

type Texts = [nl: string, en: string];
const l = ([nl, en]: Texts) => ({ nl, en });

const competence = (
  key: string,
  name: Texts,
  description: Texts,
  skills: [key: string, name: Texts, behaviours: [key: string, text: Texts][]][],
) => ({
  key,
  name: l(name),
  description: l(description),
  retired: false,
  skills: skills.map(([skillKey, skillName, behaviours]) => ({
    key: skillKey,
    name: l(skillName),
    retired: false,
    behaviours: behaviours.map(([behaviourKey, text]) => ({ key: behaviourKey, text: l(text), retired: false })),
  })),
});

export const DEMO_FRAMEWORK: Framework = frameworkSchema.parse({
  name: l(["Vakbekwaam werkbegeleiden", "Skilled workplace guidance"]),
  scale: [
    { value: 1, name: l(["Beginnend", "Beginning"]), description: l(["Doet het met hulp.", "Does it with help."]) },
    {
      value: 2,
      name: l(["Ontwikkelend", "Developing"]),
      description: l(["Doet het in bekende situaties.", "Does it in familiar situations."]),
    },
    {
      value: 3,
      name: l(["Bekwaam", "Competent"]),
      description: l([
        "Doet het zelfstandig, ook als het lastig wordt.",
        "Does it independently, also when it gets difficult.",
      ]),
    },
    {
      value: 4,
      name: l(["Voorbeeld", "Role model"]),
      description: l(["Doet het en leert het collega's aan.", "Does it and teaches colleagues."]),
    },
  ],
  competences: [
    competence(
      "relatie",
      ["Een begeleidingsrelatie opbouwen", "Building the guidance relationship"],
      [
        "Een veilige werkrelatie waarin de collega-in-opleiding durft te vragen en fouten te maken.",
        "A safe working relationship in which the trainee colleague dares to ask and to make mistakes.",
      ],
      [
        [
          "kennismaken",
          ["Kennismaken en verwachtingen afstemmen", "Getting acquainted and aligning expectations"],
          [
            [
              "welkom",
              [
                "Ontvangt de student op de eerste dag en stelt haar voor aan het team.",
                "Receives the student on the first day and introduces her to the team.",
              ],
            ],
            [
              "afspraken",
              [
                "Maakt met de student afspraken over bereikbaarheid en begeleidingsmomenten.",
                "Agrees with the student on availability and guidance moments.",
              ],
            ],
          ],
        ],
        [
          "veiligheid",
          ["Veiligheid bieden", "Offering safety"],
          [
            [
              "vragen",
              [
                "Nodigt uit tot vragen en reageert zonder oordeel.",
                "Invites questions and responds without judgement.",
              ],
            ],
            [
              "signaleren",
              [
                "Merkt op wanneer de student het zwaar heeft en bespreekt dat.",
                "Notices when the student is struggling and discusses it.",
              ],
            ],
          ],
        ],
      ],
    ),
    competence(
      "theorie_praktijk",
      ["Theorie en praktijk verbinden", "Connecting theory and practice"],
      [
        "Wat de student op school leert, laten landen op de werkvloer.",
        "Making what the student learns at school land on the work floor.",
      ],
      [
        [
          "opdrachten",
          ["Schoolopdrachten inpassen", "Fitting in school assignments"],
          [
            [
              "kent_opdrachten",
              [
                "Kent de opdrachten van de student en plant ruimte om ze uit te voeren.",
                "Knows the student's assignments and plans room to carry them out.",
              ],
            ],
            [
              "koppelt",
              [
                "Koppelt een situatie bij een cliënt aan wat de student heeft geleerd.",
                "Links a situation with a client to what the student has learned.",
              ],
            ],
          ],
        ],
        [
          "voordoen",
          ["Voordoen en uitleggen", "Showing and explaining"],
          [
            [
              "hardop",
              [
                "Denkt hardop bij het eigen handelen zodat de student de afwegingen hoort.",
                "Thinks aloud while working so the student hears the considerations.",
              ],
            ],
            [
              "stapsgewijs",
              [
                "Bouwt taken stapsgewijs op van meekijken naar zelfstandig doen.",
                "Builds tasks step by step from watching to doing independently.",
              ],
            ],
          ],
        ],
      ],
    ),
    competence(
      "feedback",
      ["Feedback geven", "Giving feedback"],
      [
        "Feedback die de student verder helpt: concreet, tijdig en in balans.",
        "Feedback that helps the student on: specific, timely and balanced.",
      ],
      [
        [
          "concreet",
          ["Concreet en tijdig", "Specific and timely"],
          [
            ["gedrag", ["Benoemt zichtbaar gedrag, niet de persoon.", "Names visible behaviour, not the person."]],
            [
              "direct",
              [
                "Geeft feedback op dezelfde dienst, niet pas bij de evaluatie.",
                "Gives feedback during the same shift, not only at the evaluation.",
              ],
            ],
          ],
        ],
        [
          "dialoog",
          ["In gesprek", "In conversation"],
          [
            ["eerst_student", ["Vraagt eerst hoe de student het zelf zag.", "First asks how the student saw it."]],
            ["vervolg", ["Spreekt samen een volgende stap af.", "Agrees on a next step together."]],
          ],
        ],
      ],
    ),
    competence(
      "beoordelen",
      ["Beoordelen en rapporteren", "Assessing and reporting"],
      [
        "Een eerlijk en onderbouwd oordeel over de ontwikkeling van de student.",
        "A fair and well-founded judgement of the student's development.",
      ],
      [
        [
          "onderbouwen",
          ["Onderbouwen met voorbeelden", "Substantiating with examples"],
          [
            [
              "voorbeelden",
              [
                "Noteert voorbeelden uit de praktijk bij elk leerdoel.",
                "Notes examples from practice for each learning goal.",
              ],
            ],
            [
              "criteria",
              [
                "Beoordeelt aan de hand van de criteria van de opleiding.",
                "Assesses against the criteria of the programme.",
              ],
            ],
          ],
        ],
        [
          "rapporteren",
          ["Rapporteren", "Reporting"],
          [
            [
              "op_tijd",
              ["Levert beoordelingen op tijd aan bij school.", "Delivers assessments to the school on time."],
            ],
            [
              "zorgen",
              [
                "Meldt zorgen over de voortgang vroeg bij praktijkopleider en school.",
                "Reports concerns about progress early to the practice trainer and the school.",
              ],
            ],
          ],
        ],
      ],
    ),
    competence(
      "samenwerken",
      ["Samenwerken met school en zorgteam", "Working with school and care team"],
      [
        "De begeleiding is van het hele team en sluit aan bij de school.",
        "Guidance belongs to the whole team and fits the school.",
      ],
      [
        [
          "school",
          ["Contact met school", "Contact with the school"],
          [
            [
              "driegesprek",
              [
                "Bereidt het driegesprek voor met de student en de BPV-docent.",
                "Prepares the three-way conversation with the student and the school's placement teacher.",
              ],
            ],
            [
              "beeld",
              [
                "Zorgt dat school en werkplek hetzelfde beeld van de student hebben.",
                "Makes sure school and workplace share the same picture of the student.",
              ],
            ],
          ],
        ],
        [
          "team",
          ["Het zorgteam betrekken", "Involving the care team"],
          [
            [
              "overdracht",
              [
                "Draagt de begeleiding over aan een collega als zij zelf afwezig is.",
                "Hands guidance over to a colleague when absent.",
              ],
            ],
            [
              "team_feedback",
              [
                "Vraagt teamleden om waarnemingen over de student.",
                "Asks team members for observations of the student.",
              ],
            ],
          ],
        ],
      ],
    ),
    competence(
      "voorbeeldrol",
      ["Eigen voorbeeldrol en reflectie", "Own role model and reflection"],
      [
        "Zich bewust zijn van het eigen voorbeeld en blijven leren als werkbegeleider.",
        "Being aware of one's own example and continuing to learn as a guide.",
      ],
      [
        [
          "voorbeeld",
          ["Het goede voorbeeld geven", "Setting the right example"],
          [
            [
              "werkwijze",
              [
                "Werkt volgens de afspraken en protocollen die zij de student leert.",
                "Works to the agreements and protocols she teaches the student.",
              ],
            ],
            [
              "grenzen",
              [
                "Bewaakt de grens tussen meewerken en begeleiden.",
                "Guards the line between working along and guiding.",
              ],
            ],
          ],
        ],
        [
          "reflectie",
          ["Reflecteren en leren", "Reflecting and learning"],
          [
            [
              "vraagt_feedback",
              [
                "Vraagt de student en collega's om feedback op de eigen begeleiding.",
                "Asks the student and colleagues for feedback on her own guidance.",
              ],
            ],
            [
              "intervisie",
              [
                "Brengt eigen casuïstiek in bij intervisie met andere werkbegeleiders.",
                "Brings her own cases to peer consultation with other guides.",
              ],
            ],
          ],
        ],
      ],
    ),
  ],
  variants: [
    {
      key: "mbo2",
      name: l(["Werkbegeleider van MBO-2-studenten", "Guide of MBO level 2 students"]),
      targets: { relatie: 3, theorie_praktijk: 2, feedback: 3, beoordelen: 2, samenwerken: 2, voorbeeldrol: 3 },
    },
    {
      key: "mbo3",
      name: l(["Werkbegeleider van MBO-3-studenten", "Guide of MBO level 3 students"]),
      targets: { relatie: 3, theorie_praktijk: 3, feedback: 3, beoordelen: 3, samenwerken: 3, voorbeeldrol: 3 },
    },
    {
      key: "mbo4",
      name: l(["Werkbegeleider van MBO-4-studenten", "Guide of MBO level 4 students"]),
      targets: { relatie: 3, theorie_praktijk: 4, feedback: 4, beoordelen: 3, samenwerken: 3, voorbeeldrol: 4 },
    },
  ],
  combine: { kind: "weighted", self: 1, others: 1 },
});

/**
 * Zorggroep De Linde's own addition to the shared framework: its core values made visible as
 * behaviours ("kernwaarden vertalen in zichtbaar gedrag"), under the competence of one's own example.
 */
export const DEMO_EXTENSION: Extension = extensionSchema.parse({
  competence: "voorbeeldrol",
  skill: {
    key: "kernwaarden_linde",
    name: l(["Onze kernwaarden voorleven", "Living our core values"]),
    behaviours: [
      {
        key: "linde_aandacht",
        text: l([
          "Neemt tijd voor de cliënt, ook als het druk is, en laat de student zien hoe dat kan.",
          "Takes time for the client, also when it is busy, and shows the student how that can be done.",
        ]),
      },
      {
        key: "linde_eerlijk",
        text: l([
          "Zegt eerlijk wat goed gaat en wat beter kan, tegen student én collega's.",
          "Says honestly what goes well and what could be better, to students and colleagues alike.",
        ]),
      },
    ],
  },
});
