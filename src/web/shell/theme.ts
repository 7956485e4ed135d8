import {
  ColorPicker,
  type CSSVariablesResolver,
  createTheme,
  darken,
  lighten,
  type MantineColorsTuple,
  Notification,
  PasswordInput,
} from "@mantine/core";

/** Ten shades around the organisation's colour, so every Mantine part takes its look. */
export function shadesOf(color: string): MantineColorsTuple {
  return [
    lighten(color, 0.9),
    lighten(color, 0.75),
    lighten(color, 0.6),
    lighten(color, 0.45),
    lighten(color, 0.3),
    lighten(color, 0.15),
    color,
    darken(color, 0.15),
    darken(color, 0.3),
    darken(color, 0.45),
  ];
}

/** Names for controls Mantine draws without one, in the UI's language. */
export interface ThemeLabels {
  /** The close button of every notification. */
  close: string;
  /** The sliders of a colour picker (also the one in a colour field's dropdown). */
  saturation: string;
  hue: string;
  alpha: string;
  /** The eye button that shows or hides a password. */
  togglePassword: string;
}

export function themeFor(primaryColor: string | undefined, labels: ThemeLabels) {
  return createTheme({
    colors: { brand: shadesOf(primaryColor ?? "#1c7ed6") },
    primaryColor: "brand",
    primaryShade: { light: 7, dark: 6 },
    autoContrast: true,
    luminanceThreshold: 0.35,
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    components: {
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { "aria-label": labels.close } } }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { "aria-label": labels.togglePassword } },
      }),
      ColorPicker: ColorPicker.extend({
        defaultProps: { saturationLabel: labels.saturation, hueLabel: labels.hue, alphaLabel: labels.alpha },
      }),
    },
  });
}

/**
 * Mantine's "dimmed" grey and its error red (red.6, also the text of an invalid field) are below
 * 4.5:1 on white; ours are dark enough to read.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "#555d64", "--mantine-color-error": "var(--mantine-color-red-9)" },
  dark: {},
});
