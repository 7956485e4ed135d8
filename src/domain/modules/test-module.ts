import type { ModuleDocument } from "./module.js";

/** A module document with one block of every kind, tagged on the demo framework. */
export function everyBlockModule(frameworkId: string, title = "Feedback geven op de werkvloer"): ModuleDocument {
  return {
    title,
    summary: "Hoe je een student feedback geeft die hij kan gebruiken.",
    minutes: 90,
    tags: { frameworkId, competences: [{ key: "feedback", level: 3 }] },
    blocks: [
      {
        key: "intro",
        kind: "text",
        title: "Waarom feedback",
        body: "Goede feedback is **concreet** en gaat over gedrag.",
      },
      {
        key: "film",
        kind: "video",
        title: "Een feedbackgesprek",
        url: "https://www.youtube.com/watch?v=abcDEF12345",
        transcript: "De werkbegeleider vraagt eerst wat de student zelf zag.",
      },
      { key: "eigen", kind: "reflection", question: "Wanneer gaf jij laatst feedback, en wat gebeurde er?" },
      {
        key: "toets",
        kind: "quiz",
        title: "Kennisvragen",
        passMark: 2,
        questions: [
          {
            key: "q1",
            text: "Wie begint het feedbackgesprek?",
            multiple: false,
            options: [
              { key: "a", text: "De student, met wat hij zelf zag", correct: true, feedback: "Ja: eerst de student." },
              {
                key: "b",
                text: "De werkbegeleider, met het oordeel",
                correct: false,
                feedback: "Dan luistert hij minder.",
              },
            ],
          },
          {
            key: "q2",
            text: "Wat hoort bij goede feedback?",
            multiple: true,
            options: [
              { key: "a", text: "Over gedrag", correct: true, feedback: "" },
              { key: "b", text: "Direct na de situatie", correct: true, feedback: "" },
              {
                key: "c",
                text: "Over de persoon",
                correct: false,
                feedback: "Nee: over gedrag, niet over de persoon.",
              },
            ],
          },
        ],
      },
      {
        key: "opdracht",
        kind: "assignment",
        title: "Feedback in de praktijk",
        instructions: "Geef je student na een zorgmoment feedback volgens het model en beschrijf wat er gebeurde.",
      },
      {
        key: "training",
        kind: "training",
        title: "Vaardigheidstraining feedback",
        date: "2027-02-11",
        place: "De Linde, zaal 2",
        trainer: "Eva Mulder",
      },
    ],
  };
}
