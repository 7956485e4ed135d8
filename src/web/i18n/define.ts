/** A feature's texts: Dutch is the source, English must have exactly the same keys. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export function defineMessages<T extends Record<string, unknown>>(nl: T, en: Shape<T>) {
  return { nl, en };
}
