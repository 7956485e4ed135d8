import type { Framework } from "./framework.js";

const l = (nl: string, en: string) => ({ nl, en });

/**
 * The first draft of a framework begun from nothing: a four-level scale, one competence with one
 * basic skill and one behaviour, and one role, each to be renamed in the editor. Valid as it is,
 * so the draft can be saved at every step.
 */
export function outline(name: { nl: string; en: string }): Framework {
  return {
    name,
    scale: [
      { value: 1, name: l("Beginnend", "Beginning") },
      { value: 2, name: l("Ontwikkelend", "Developing") },
      { value: 3, name: l("Bekwaam", "Competent") },
      { value: 4, name: l("Voorbeeld", "Role model") },
    ],
    competences: [
      {
        key: "competentie_1",
        name: l("Eerste competentie", "First competence"),
        retired: false,
        skills: [
          {
            key: "vaardigheid_1",
            name: l("Eerste basisvaardigheid", "First basic skill"),
            retired: false,
            behaviours: [{ key: "gedrag_1", text: l("Eerste gedragsindicator", "First behaviour"), retired: false }],
          },
        ],
      },
    ],
    variants: [
      { key: "werkbegeleider", name: l("Werkbegeleider", "Work-based supervisor"), targets: { competentie_1: 3 } },
    ],
    combine: { kind: "weighted", self: 1, others: 1 },
  };
}
