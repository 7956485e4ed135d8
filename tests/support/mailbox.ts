import { and, desc, eq, sql } from "drizzle-orm";
import { accountMail, outbox } from "../../src/db/schema.js";
import type { TestApp } from "./app.js";

type WithDatabase = Pick<TestApp, "database">;

/**
 * The recipient's mailbox: tests read mail as it was handed to delivery, straight from the
 * tables, since no outbox view shows the links that hand over an account.
 */
export async function newestOutboxMail(t: WithDatabase, to: string, organisationId?: string) {
  const [row] = await t.database.db
    .select()
    .from(outbox)
    .where(
      and(
        eq(sql`lower(${outbox.toAddress})`, to.toLowerCase()),
        ...(organisationId ? [eq(outbox.organisationId, organisationId)] : []),
      ),
    )
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(1);
  if (!row) throw new Error(`no mail to ${to}`);
  return row;
}

/** The newest account mail (password reset) to this address. */
export async function newestAccountMail(t: WithDatabase, to: string) {
  const [row] = await t.database.db
    .select()
    .from(accountMail)
    .where(eq(sql`lower(${accountMail.toAddress})`, to.toLowerCase()))
    .orderBy(desc(accountMail.createdAt), desc(accountMail.id))
    .limit(1);
  if (!row) throw new Error(`no account mail to ${to}`);
  return row;
}

const tokenIn = (text: string, path: string) => {
  const match = text.match(new RegExp(`/${path}\\?token=(\\S+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in the mail`);
  return decodeURIComponent(match[1]);
};

/** The token of the invitation link in the newest mail to `to`, as the invitee would click it. */
export async function invitationTokenFor(t: WithDatabase, to: string, organisationId?: string) {
  return tokenIn((await newestOutboxMail(t, to, organisationId)).bodyText, "uitnodiging");
}

/** The token of the reset link in the newest account mail to `to`. */
export async function resetTokenFor(t: WithDatabase, to: string) {
  return tokenIn((await newestAccountMail(t, to)).bodyText, "wachtwoord-herstellen");
}

const linkIn = (text: string, path: string) => {
  const match = text.match(new RegExp(`https?://\\S+/${path}\\?token=\\S+`));
  if (!match) throw new Error(`no ${path} link in the mail`);
  return match[0];
};

/** The invitation link in the newest mail to `to`, as the invitee finds it in their mailbox. */
export async function invitationLinkFor(t: WithDatabase, to: string, organisationId?: string) {
  return linkIn((await newestOutboxMail(t, to, organisationId)).bodyText, "uitnodiging");
}

/** The reset link in the newest account mail to `to`. */
export async function resetLinkFor(t: WithDatabase, to: string) {
  return linkIn((await newestAccountMail(t, to)).bodyText, "wachtwoord-herstellen");
}

/** The token of the critical friend's link in the newest mail to `to`. */
export async function friendTokenFor(t: WithDatabase, to: string, organisationId?: string) {
  return tokenIn((await newestOutboxMail(t, to, organisationId)).bodyText, "kritische-vriend");
}

/** The critical friend's link in the newest mail to `to`, as they find it in their mailbox. */
export async function friendLinkFor(t: WithDatabase, to: string, organisationId?: string) {
  return linkIn((await newestOutboxMail(t, to, organisationId)).bodyText, "kritische-vriend");
}
