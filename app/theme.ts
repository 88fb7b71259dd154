import { Anchor, createTheme, type CSSVariablesResolver, darken } from "@mantine/core";

/**
 * Colours chosen for WCAG AA contrast (4.5:1 for text, checked by axe-core in e2e/accessibility):
 * shade 8 of indigo carries white text and reads on light backgrounds; links are underlined so
 * they are told apart from text by more than colour.
 */
export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  components: {
    Anchor: Anchor.extend({ defaultProps: { underline: "always" } }),
  },
});

/** Colours whose shade 8 is too light for white text (below 4.5:1): their filled badges and buttons go darker. */
const lightFilledColors = ["red", "cyan", "teal", "green", "lime", "yellow", "orange"];

/**
 * Mantine's dimmed text (gray 6) is 3.3:1 on white: a darker grey keeps the hierarchy and reads at
 * 5:1 on the light fills. Light badges and alerts (shade 9 text on shade 1) fail for green, teal,
 * orange and yellow: their text is darkened for every colour alike.
 */
export const cssVariablesResolver: CSSVariablesResolver = (current) => {
  const light: Record<string, string> = { "--mantine-color-dimmed": "#5c636a" };
  for (const [name, shades] of Object.entries(current.colors)) {
    light[`--mantine-color-${name}-light-color`] = darken(shades[9], 0.3);
    if (lightFilledColors.includes(name)) light[`--mantine-color-${name}-filled`] = darken(shades[8], 0.3);
  }
  return { variables: {}, light, dark: {} };
};
