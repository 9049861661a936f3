import { createContext, useContext } from 'react';
import { DEFAULT_THEME, type Theme } from './theme.ts';

/** The theme the app root was given; anything drawn without one uses the default (dark). */
export const ThemeContext = createContext<Theme>(DEFAULT_THEME);

/** The colours of the theme in force, by name. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
