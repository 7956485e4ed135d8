import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { cases, frameworks } from "../../db/schema.js";
import type { CaseContent } from "../../domain/cases/api.js";
import { createCase, getCase, reviewCase, submitCase } from "../cases/service.js";
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
  ];
  return list.map((c) => ({ ...c, frameworkId }));
}

/** The network's approved cases by Sanne, reviewed by Joost, and one waiting for Eva's review. */
export async function seedDemoCases(db: Db) {
  if ((await db.select({ id: cases.id }).from(cases).limit(1)).length) return;
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.key, DEMO_FRAMEWORK_KEY));
  if (!framework) return;
  const author = await actorFor(db, "de-linde", "sanne.visser@netwerk.example");
  const reviewer = await actorFor(db, "de-linde", "joost.smit@delinde.example");
  const [first, ...rest] = demoCases(framework.id);
  const ids = await inTenant(db, author, async (tx, sanne) => {
    const made: string[] = [];
    for (const content of rest) {
      const id = await createCase(tx, sanne, { owner: "network", ...content, frameworkId: framework.id });
      await submitCase(tx, sanne, id, { version: 1 });
      made.push(id);
    }
    return made;
  });
  await inTenant(db, reviewer, async (tx, joost) => {
    for (const id of ids)
      await reviewCase(tx, joost, id, { decision: "approve", version: (await getCase(tx, joost, id)).version });
  });
  if (!first) return;
  await inTenant(db, author, async (tx, sanne) => {
    const id = await createCase(tx, sanne, { owner: "network", ...first, frameworkId: framework.id });
    await submitCase(tx, sanne, id, { version: 1 });
  });
}
