/**
 * The named colours of the app: every colour a view or component draws with is one of these, looked up in the
 * theme in force (ThemeContext), so a theme or the config can change any of them.
 */
export const THEME_ROLES = ['accent', 'danger', 'warn', 'ok', 'special', 'muted', 'badgeText', 'badgeBack'] as const;

/** One named colour: accent (titles, loading, prompts), danger, warn, ok, special (Invalid, overrides), muted, the badge's text and back. */
export type ThemeRole = (typeof THEME_ROLES)[number];

/** A colour per name, as ink's Text takes it; undefined draws the terminal's own colour. */
export type Theme = Readonly<Record<ThemeRole, string | undefined>>;

const DARK: Theme = {
  accent: 'cyan', danger: 'red', warn: 'yellow', ok: 'green', special: 'magenta', muted: 'gray', badgeText: 'black', badgeBack: 'yellow',
};

const LIGHT: Theme = {
  accent: 'blue', danger: 'red', warn: '#a15c00', ok: '#087f23', special: 'magenta', muted: 'gray', badgeText: 'white', badgeBack: '#a15c00',
};

const HIGH_CONTRAST: Theme = {
  accent: 'cyanBright', danger: 'redBright', warn: 'yellowBright', ok: 'greenBright', special: 'magentaBright', muted: 'white', badgeText: 'black', badgeBack: 'whiteBright',
};

const NO_COLOR: Theme = {
  accent: undefined, danger: undefined, warn: undefined, ok: undefined, special: undefined, muted: undefined, badgeText: undefined, badgeBack: undefined,
};

/** The themes by name; `none` draws no colour at all (NO_COLOR, --no-color). */
export const THEMES: Readonly<Record<string, Theme>> = { dark: DARK, light: LIGHT, 'high-contrast': HIGH_CONTRAST, none: NO_COLOR };

/** The theme used when none is chosen. */
export const DEFAULT_THEME = DARK;

const NAMED_COLORS = new Set(['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray', 'grey']
  .flatMap((c) => [c, `${c}Bright`]));

/** True for a colour ink can draw: a named colour (red, cyanBright…) or #rrggbb. */
export function isColor(value: string): boolean {
  return NAMED_COLORS.has(value) || /^#[0-9a-fA-F]{6}$/.test(value);
}

/** A theme by name with some of its colours replaced; undefined for an unknown name. */
export function buildTheme(name: string, colors: Partial<Record<ThemeRole, string>> = {}): Theme | undefined {
  const base = THEMES[name];
  return base ? { ...base, ...colors } : undefined;
}
