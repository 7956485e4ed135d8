import type { Framework } from "./framework.js";

const l = (nl: string, en: string) => ({ nl, en });

/** A small framework for tests: two competences, a 1–4 scale, targets for MBO-2 and MBO-4. */
export const smallFramework = (): Framework => ({
  name: l("Vakbekwaam werkbegeleiden", "Skilled workplace guidance"),
  scale: [1, 2, 3, 4].map((value) => ({ value, name: l(`Niveau ${value}`, `Level ${value}`) })),
  competences: [
    {
      key: "relatie",
      name: l("Begeleidingsrelatie opbouwen", "Building the guidance relationship"),
      retired: false,
      skills: [
        {
          key: "contact",
          name: l("Contact maken", "Making contact"),
          retired: false,
          behaviours: [
            { key: "welkom", text: l("Heet de student welkom", "Welcomes the student"), retired: false },
            { key: "verwachtingen", text: l("Bespreekt verwachtingen", "Discusses expectations"), retired: false },
          ],
        },
      ],
    },
    {
      key: "feedback",
      name: l("Feedback geven", "Giving feedback"),
      retired: false,
      skills: [
        {
          key: "concreet",
          name: l("Concreet benoemen", "Being specific"),
          retired: false,
          behaviours: [
            { key: "gedrag", text: l("Benoemt gedrag, niet de persoon", "Names behaviour"), retired: false },
          ],
        },
      ],
    },
  ],
  variants: [
    { key: "mbo2", name: l("Werkbegeleider MBO-2", "Guide of MBO-2"), targets: { relatie: 3, feedback: 2 } },
    { key: "mbo4", name: l("Werkbegeleider MBO-4", "Guide of MBO-4"), targets: { relatie: 4, feedback: 4 } },
  ],
  combine: { kind: "weighted", self: 1, others: 1 },
});
