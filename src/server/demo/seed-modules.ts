import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { frameworks, modules } from "../../db/schema.js";
import type { ModuleDocument } from "../../domain/modules/module.js";
import { everyBlockModule } from "../../domain/modules/test-module.js";
import { submitAssignment } from "../modules/assignments.js";
import { createModule, publishModuleVersion, saveModuleVersion } from "../modules/authoring.js";
import { attemptQuiz, recordBlock, startModule } from "../modules/learning.js";
import { getModule } from "../modules/library.js";
import { inTenant } from "../tenancy.js";
import { DEMO_FRAMEWORK_KEY } from "./seed-competences.js";
import { actorFor } from "./seed-trajectories.js";

/** The network's five modules, covering every competence of the demo framework. */
function demoModules(frameworkId: string): ModuleDocument[] {
  const tags = (...keys: string[]) => ({ frameworkId, competences: keys.map((key) => ({ key, level: 3 })) });
  return [
    {
      title: "Een goede start: de relatie met je student",
      summary: "De eerste weken bepalen veel. Hoe maak je een student welkom en maak je afspraken die werken?",
      minutes: 60,
      tags: tags("relatie"),
      blocks: [
        {
          key: "welkom",
          kind: "text",
          title: "De eerste dag",
          body: "Een student die zich welkom voelt, durft vragen te stellen.\n\n- Stel jezelf en het team voor.\n- Laat zien waar alles is.\n- Maak een eerste afspraak over wanneer jullie elkaar spreken.",
        },
        {
          key: "gesprek",
          kind: "video",
          title: "Een kennismakingsgesprek",
          url: "https://www.youtube.com/watch?v=kennismaak1",
          transcript: "De werkbegeleider vraagt wat de student al kent en wat hij spannend vindt.",
        },
        {
          key: "eigen_start",
          kind: "reflection",
          question: "Hoe was jouw eigen eerste dag als student? Wat neem je daarvan mee?",
        },
        {
          key: "afspraken",
          kind: "assignment",
          title: "Begeleidingsafspraken maken",
          instructions:
            "Maak met je student afspraken over jullie vaste momenten en over hoe hij hulp vraagt. Beschrijf wat jullie afspraken.",
        },
      ],
    },
    {
      title: "Theorie en praktijk verbinden",
      summary: "Wat de student op school leert, laat je op de werkvloer zien en oefenen.",
      minutes: 75,
      tags: tags("theorie_praktijk"),
      blocks: [
        {
          key: "hardop",
          kind: "text",
          title: "Hardop denken",
          body: "Vertel wat je doet **en waarom**. Zo ziet de student de theorie achter je handelen.",
        },
        {
          key: "opdrachten",
          kind: "reflection",
          question: "Welke schoolopdracht van je student past bij het werk van deze week?",
        },
        {
          key: "stapsgewijs",
          kind: "assignment",
          title: "Een handeling stap voor stap",
          instructions:
            "Doe een handeling voor, laat de student hem met jou doen en daarna zelf. Beschrijf hoe dat ging.",
        },
        {
          key: "training",
          kind: "training",
          title: "Leerfestival: leren op de werkvloer",
          date: null,
          place: "",
          trainer: "",
        },
      ],
    },
    everyBlockModule(frameworkId),
    {
      title: "Beoordelen: eerlijk en op tijd",
      summary: "Beoordelen met voorbeelden en criteria, en zorgen op tijd bespreken.",
      minutes: 45,
      tags: tags("beoordelen"),
      blocks: [
        {
          key: "criteria",
          kind: "text",
          title: "Criteria en voorbeelden",
          body: "Een beoordeling zonder voorbeeld is een mening. Noteer wat je zag, op de dag dat je het zag.",
        },
        {
          key: "toets",
          kind: "quiz",
          title: "Kennisvragen",
          passMark: 1,
          questions: [
            {
              key: "zorgen",
              text: "Wanneer bespreek je zorgen over de voortgang van je student?",
              multiple: false,
              options: [
                {
                  key: "direct",
                  text: "Zodra je ze hebt, met voorbeelden",
                  correct: true,
                  feedback: "Ja: dan kan de student er nog iets mee.",
                },
                {
                  key: "eind",
                  text: "Bij de eindbeoordeling",
                  correct: false,
                  feedback: "Dan is het te laat om bij te sturen.",
                },
              ],
            },
          ],
        },
        {
          key: "voortgang",
          kind: "assignment",
          title: "Een voortgangsgesprek met voorbeelden",
          instructions:
            "Voer een voortgangsgesprek met drie concrete voorbeelden. Beschrijf wat de student ervan vond.",
        },
      ],
    },
    {
      title: "Samenwerken in de driehoek en het goede voorbeeld",
      summary: "Student, school en werkplek zien hetzelfde pad; en jij laat zien hoe je zelf leert.",
      minutes: 90,
      tags: tags("samenwerken", "voorbeeldrol"),
      blocks: [
        {
          key: "driegesprek",
          kind: "text",
          title: "Het driegesprek",
          body: "In het driegesprek kijken student, BPV-docent en werkbegeleider samen naar de voortgang. Bereid het samen met de student voor.",
        },
        {
          key: "film",
          kind: "video",
          title: "Een driegesprek",
          url: "https://vimeo.com/123456789",
          transcript: "De BPV-docent vraagt de student eerst zelf te vertellen wat goed ging.",
        },
        { key: "grenzen", kind: "reflection", question: "Hoe laat jij je student zien dat je zelf ook leert?" },
        {
          key: "intervisie",
          kind: "training",
          title: "Intervisie voor werkbegeleiders",
          date: null,
          place: "",
          trainer: "",
        },
      ],
    },
  ];
}

/** A small photo of the work floor, as a phone would send it. */
const demoPhoto = async () => {
  const { default: sharp } = await import("sharp");
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 190, g: 210, b: 200 } } })
    .jpeg()
    .toBuffer();
};

/**
 * The network's modules, through the use cases the API runs: Eva (trainer at De Linde) writes and
 * publishes five; Sanne follows the feedback module halfway: read and watched, reflected, failed
 * the quiz once and then passed it, and handed in her on-the-job assignment, which waits for
 * Joost's sign-off. Does nothing when there are modules already.
 */
export async function seedDemoModules(db: Db) {
  if ((await db.select({ id: modules.id }).from(modules).limit(1)).length) return;
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.key, DEMO_FRAMEWORK_KEY));
  if (!framework) return;
  const trainer = await actorFor(db, "de-linde", "eva.mulder@delinde.example");
  const ids = await inTenant(db, trainer, async (tx, eva) => {
    const made: string[] = [];
    for (const document of demoModules(framework.id)) {
      const id = await createModule(tx, eva, { title: document.title, owner: "network", tags: document.tags });
      const detail = await getModule(tx, eva, id);
      const draft = detail.versions[0];
      if (!draft) throw new Error("module draft not made");
      await saveModuleVersion(tx, eva, id, draft.id, { document, version: 1 });
      await publishModuleVersion(tx, eva, id, draft.id, { version: 2 });
      made.push(id);
    }
    return made;
  });
  const feedback = ids[2];
  if (!feedback) return;
  const photo = await demoPhoto();
  const learner = await actorFor(db, "de-linde", "sanne.visser@netwerk.example");
  await inTenant(db, learner, async (tx, sanne) => {
    await startModule(tx, sanne, feedback);
    await recordBlock(tx, sanne, feedback, { block: "intro", action: "seen" });
    await recordBlock(tx, sanne, feedback, { block: "film", action: "seen" });
    await recordBlock(tx, sanne, feedback, {
      block: "eigen",
      action: "reflection",
      answer: "Na de avonddienst zei ik tegen Daan dat het ‘prima’ ging. Dat was niet concreet genoeg.",
      shared: false,
    });
    await attemptQuiz(tx, sanne, feedback, "toets", { q1: ["b"], q2: ["a", "b"] });
    await attemptQuiz(tx, sanne, feedback, "toets", { q1: ["a"], q2: ["a", "b"] });
    await submitAssignment(tx, sanne, feedback, "opdracht", {
      description: "Na de ochtendzorg vroeg ik Daan eerst wat hij zelf zag. Daarna gaf ik één punt over de overdracht.",
      evidence: { bytes: photo, mime: "image/jpeg" },
    });
  });
}
