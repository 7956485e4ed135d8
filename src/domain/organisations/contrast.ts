/**
 * WCAG 2.x contrast, so the branding page can warn when white text on the organisation's
 * colour would be hard to read. Pure: used by the web page and its tests alike.
 */

export const MIN_TEXT_CONTRAST = 4.5;

const HEX = /^#([0-9a-f]{6})$/i;

/** "#rrggbb" → [r, g, b] in 0–255, or null when it is not such a colour. */
export function parseHexColor(color: string): [number, number, number] | null {
  const match = HEX.exec(color.trim());
  if (!match?.[1]) return null;
  const n = Number.parseInt(match[1], 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

const channel = (value: number) => {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance (0 = black, 1 = white) of a #rrggbb colour. */
export function relativeLuminance(color: string): number {
  const rgb = parseHexColor(color);
  if (!rgb) throw new Error(`not a #rrggbb colour: ${color}`);
  const [r, g, b] = rgb;
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two colours, from 1 (none) to 21 (black on white). Order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  const [light, dark] = la >= lb ? [la, lb] : [lb, la];
  return (light + 0.05) / (dark + 0.05);
}

/** Contrast of white text on `background`, or null when the colour is not #rrggbb. */
export function whiteTextContrast(background: string): number | null {
  return parseHexColor(background) ? contrastRatio("#ffffff", background) : null;
}

/** True when white text on `background` reads well enough for normal text (WCAG AA, 4.5:1). */
export function whiteTextIsReadable(background: string): boolean {
  const ratio = whiteTextContrast(background);
  return ratio !== null && ratio >= MIN_TEXT_CONTRAST;
}
