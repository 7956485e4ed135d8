import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { cases, frameworks } from "../../db/schema.js";
import type { CaseContent } from "../../domain/cases/api.js";
import { createCase, getCase, reviewCase, submitCase } from "../cases/service.js";
import { addPost } from "../discussions/service.js";
import { inTenant } from "../tenancy.js";
import { DEMO_FRAMEWORK_KEY } from "./seed-competences.js";
import { actorFor } from "./seed-trajectories.js";

/** Cases from practice: about situations, with nobody in them to recognise. */
function demoCases(frameworkId: string): CaseContent[] {
  const list: Omit<CaseContent, "frameworkId">[] = [
    {
      title: "Stil na feedback in de avonddienst",
      situation:
        "Een student in het tweede jaar kreeg tijdens de avonddienst feedback van een collega over de overdracht. Hij zei de rest van de dienst weinig meer en ging zonder te groeten naar huis.",
      question: "Hoe pak je dit de volgende dag op, als werkbegeleider die er zelf niet bij was?",
      whatHappened:
        "De werkbegeleider vroeg eerst wat de student zelf had gemerkt, en pas daarna wat de collega bedoelde. Ze spraken af dat hij voortaan na een dienst even navraagt hoe iets overkwam.",
      setting: "vvt",
      competences: ["feedback", "relatie"],
    },
    {
      title: "De protocollen kloppen niet met wat ik zie",
      situation:
        "Een BBL-student zegt dat op school een andere werkwijze voor de tilhulp wordt geleerd dan het team gebruikt. Ze twijfelt welke ze moet volgen en durft het niet te vragen.",
      question: "Hoe help je een student theorie en praktijk te verbinden als die elkaar lijken tegen te spreken?",
      whatHappened: "",
      setting: "gehandicaptenzorg",
      competences: ["theorie_praktijk"],
    },
    {
      title: "Drie begeleiders, drie meningen",
      situation:
        "Een student wordt in een week door drie collega's begeleid, die elk iets anders van hem vragen. Bij het voortgangsgesprek blijkt dat hij zich vooral onzeker voelt.",
      question: "Hoe zorg je als team dat een student één lijn ervaart?",
      whatHappened:
        "Het team maakte een korte afspraak in de teamvergadering: de werkbegeleider houdt de leerdoelen bij, de anderen geven hun feedback aan haar door.",
      setting: "ggz",
      competences: ["samenwerken", "beoordelen"],
    },
    {
      title: "Te laat, en niemand zegt er iets van",
      situation:
        "Een student komt de laatste weken een paar keer per week te laat. Collega's vangen het op, maar niemand bespreekt het met hem.",
      question: "Wanneer en hoe maak je dit bespreekbaar, en wie doet dat?",
      whatHappened: "",
      setting: "vvt",
      competences: ["beoordelen", "relatie"],
    },
  ];
  return list.map((c) => ({ ...c, frameworkId }));
}

/** What the network says about its cases: by whom (e-mail, organisation) and what. */
const DEMO_POSTS: [caseIndex: number, email: string, slug: string, body: string][] = [
  [
    0,
    "eva.mulder@delinde.example",
    "de-linde",
    "Herkenbaar. Ik vraag altijd eerst: wat merkte je zelf aan de overdracht?",
  ],
  [
    0,
    "sanne.visser@netwerk.example",
    "rivierenland",
    "Bij ons helpt het om feedback vooraf aan te kondigen: vanavond kijk ik mee bij de overdracht.",
  ],
  [
    1,
    "sanne.visser@netwerk.example",
    "de-linde",
    "Wie heeft hier een goede afspraak over met de school? @Joost Smit, jij misschien?",
  ],
  [
    1,
    "joost.smit@delinde.example",
    "de-linde",
    "We vragen de BPV-docent het protocol van school mee te sturen en leggen het naast het onze.",
  ],
  [
    2,
    "lisa.dekker@rivierenland.example",
    "rivierenland",
    "Als student herken ik dit: ik wist niet meer naar wie ik moest luisteren.",
  ],
];

/**
 * The network's cases by Sanne: three approved by Joost, each with some discussion from De Linde
 * and Rivierenland, and one waiting for a trainer's review.
 */
export async function seedDemoCases(db: Db) {
  if ((await db.select({ id: cases.id }).from(cases).limit(1)).length) return;
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.key, DEMO_FRAMEWORK_KEY));
  if (!framework) return;
  const author = await actorFor(db, "de-linde", "sanne.visser@netwerk.example");
  const reviewer = await actorFor(db, "de-linde", "joost.smit@delinde.example");
  const all = demoCases(framework.id);
  const waiting = all.pop();
  const ids = await inTenant(db, author, async (tx, sanne) => {
    const made: string[] = [];
    for (const content of all) {
      const id = await createCase(tx, sanne, { owner: "network", ...content });
      await submitCase(tx, sanne, id, { version: 1 });
      made.push(id);
    }
    if (waiting) {
      const id = await createCase(tx, sanne, { owner: "network", ...waiting });
      await submitCase(tx, sanne, id, { version: 1 });
    }
    return made;
  });
  await inTenant(db, reviewer, async (tx, joost) => {
    for (const id of ids)
      await reviewCase(tx, joost, id, { decision: "approve", version: (await getCase(tx, joost, id)).version });
  });
  for (const [index, email, slug, body] of DEMO_POSTS) {
    const id = ids[index];
    if (!id) continue;
    const poster = await actorFor(db, slug, email);
    await inTenant(db, poster, (tx, actor) => addPost(tx, actor, "case", id, { body }));
  }
}
