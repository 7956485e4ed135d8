/**
 * The secret of every link that hands over an account (an invitation or a reset link carries it
 * as `token=`), replaced by a mark. The outbox shows mail to an organisation's admins: a link
 * there would let them act as the recipient, so no outbox view ever shows one.
 */
const TOKEN_PARAM = /([?&]token=)[^\s&#]+/gi;
export const MASK = "••••••";

export function maskSecrets(text: string): { text: string; masked: boolean } {
  let masked = false;
  const out = text.replace(TOKEN_PARAM, (_all, key: string) => {
    masked = true;
    return `${key}${MASK}`;
  });
  return { text: out, masked };
}
