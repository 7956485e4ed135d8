import { i18n } from "./index";

/**
 * Adds a feature's texts when its pages load, so the first page does not carry every feature's
 * words. Each such feature imports its `texts.ts` in every module that reads its namespace.
 */
export function addTexts(namespace: string, messages: { nl: object; en: object }) {
  for (const language of ["nl", "en"] as const)
    if (!i18n.hasResourceBundle(language, namespace)) i18n.addResourceBundle(language, namespace, messages[language]);
}
