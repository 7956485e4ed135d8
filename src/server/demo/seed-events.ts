import type { Db } from "../../db/connection.js";
import { events } from "../../db/schema.js";
import { addDays, dutchInstant, dutchToday } from "../../domain/dutch-time.js";
import { setPresence, submitEvaluation } from "../events/attendance.js";
import { createEvent, getEvent } from "../events/events.js";
import type { EventMail } from "../events/mail.js";
import { register } from "../events/registrations.js";
import { inTenant } from "../tenancy.js";
import { actorFor } from "./seed-trajectories.js";

const at = (day: string, time: string) => dutchInstant(day, time) ?? `${day}T12:00:00Z`;

/** The demo tells nobody by e-mail (nobody moves up a waiting list in it): its mail goes nowhere. */
const noMail: EventMail = { mailer: { queueMany: async () => async () => {} }, publicUrl: "" };

/**
 * De Linde's learning festivals, as Joost (praktijkopleider) organises them: one held two months
 * ago with two rounds, its attendance ticked off by Eva and evaluated, and one in six weeks whose
 * small session is full with a waiting list.
 */
export async function seedDemoEvents(db: Db) {
  if ((await db.select({ id: events.id }).from(events).limit(1)).length) return;
  const joost = await actorFor(db, "de-linde", "joost.smit@delinde.example");
  const eva = await actorFor(db, "de-linde", "eva.mulder@delinde.example");
  const sanne = await actorFor(db, "de-linde", "sanne.visser@netwerk.example");
  const daan = await actorFor(db, "de-linde", "daan.bakker@delinde.example");
  const today = dutchToday();

  const pastDay = addDays(today, -60);
  const past = await inTenant(db, joost, (tx, actor) =>
    createEvent(tx, actor, {
      title: "Leerfestival De rode draad",
      kind: "festival",
      audience: "both",
      description:
        "Een middag voor werkbegeleiders en trainers over de begeleiding van de collega-in-opleiding: twee rondes workshops en een gezamenlijke afsluiting.",
      startsAt: at(pastDay, "13:00"),
      endsAt: at(pastDay, "17:00"),
      place: "Theaterzaal De Linde, Dordrecht",
      onlineUrl: null,
      registrationDeadline: at(addDays(pastDay, -7), "23:59"),
      trainerIds: [eva.userId],
      sessions: [
        { round: 1, title: "Feedback die landt", capacity: 12 },
        { round: 1, title: "Het driegesprek met school", capacity: 12 },
        { round: 2, title: "Reflecteren met STARR", capacity: 20 },
      ],
    }),
  );
  const beforePast = new Date(at(addDays(pastDay, -20), "10:00"));
  const sessionsOf = async (eventId: string) =>
    (await inTenant(db, joost, (tx, actor) => getEvent(tx, actor, eventId))).sessions;
  const [feedback, driegesprek, starr] = await sessionsOf(past);
  for (const [person, first] of [
    [sanne, feedback],
    [joost, driegesprek],
  ] as const) {
    await inTenant(db, person, (tx, actor) =>
      register(tx, actor, past, { sessionId: first?.id ?? "" }, noMail, beforePast),
    );
    await inTenant(db, person, (tx, actor) =>
      register(tx, actor, past, { sessionId: starr?.id ?? "" }, noMail, beforePast),
    );
  }
  await inTenant(db, joost, (tx, actor) =>
    register(tx, actor, past, { sessionId: feedback?.id ?? "", userId: daan.userId }, noMail, beforePast),
  );
  const onTheDay = new Date(at(pastDay, "13:10"));
  for (const person of [sanne, joost])
    await inTenant(db, eva, (tx, actor) =>
      setPresence(tx, actor, past, { userId: person.userId, present: true }, onTheDay),
    );
  const afterwards = new Date(at(pastDay, "17:30"));
  await inTenant(db, sanne, (tx, actor) =>
    submitEvaluation(
      tx,
      actor,
      past,
      {
        overall: 5,
        usefulness: 4,
        takeAway: "Ik plan het driegesprek voortaan in de eerste maand, niet pas als het misgaat.",
        suggestion: "Meer tijd voor de tweede ronde.",
      },
      afterwards,
    ),
  );
  await inTenant(db, joost, (tx, actor) =>
    submitEvaluation(
      tx,
      actor,
      past,
      { overall: 4, usefulness: 5, takeAway: "De STARR-vragen als kaartje aan de balie.", suggestion: "" },
      afterwards,
    ),
  );

  const comingDay = addDays(today, 42);
  const coming = await inTenant(db, joost, (tx, actor) =>
    createEvent(tx, actor, {
      title: "Leerfestival Samen opleiden",
      kind: "festival",
      audience: "both",
      description:
        "Het tweede leerfestival van het jaar. Kies per ronde één workshop; de masterclass heeft weinig plaatsen.",
      startsAt: at(comingDay, "13:30"),
      endsAt: at(comingDay, "17:00"),
      place: "Zalencentrum De Linde, Dordrecht",
      onlineUrl: null,
      registrationDeadline: at(addDays(comingDay, -7), "23:59"),
      trainerIds: [eva.userId, joost.userId],
      sessions: [
        { round: 1, title: "Masterclass begeleiden van zij-instromers", capacity: 1 },
        { round: 1, title: "Het zorgteam activeren", capacity: 15 },
        { round: 2, title: "Beoordelen zonder afrekenen", capacity: 20 },
      ],
    }),
  );
  const [masterclass] = await sessionsOf(coming);
  const now = new Date();
  await inTenant(db, sanne, (tx, actor) =>
    register(tx, actor, coming, { sessionId: masterclass?.id ?? "" }, noMail, now),
  );
  await inTenant(db, joost, (tx, actor) =>
    register(tx, actor, coming, { sessionId: masterclass?.id ?? "", userId: daan.userId }, noMail, now),
  );
}
