/** Splits a command line into its first word (without the `:`) and the rest as typed. */
function firstWord(text: string): { lead: string; word: string; rest: string } {
  const m = /^(\s*:?\s*)(\S*)(.*)$/s.exec(text)!;
  return { lead: m[1], word: m[2], rest: m[3] };
}

/**
 * The command line with its first word replaced by what the config's alias for it expands to (`u alice` → `user
 * alice`, `prod` → `profile prod`); as typed when the word is no alias. Expanded once: an alias never expands again.
 */
export function expandAlias(text: string, aliases: Readonly<Record<string, string>>): string {
  const { word, rest } = firstWord(text);
  const expansion = Object.hasOwn(aliases, word) ? aliases[word] : undefined;
  return expansion === undefined ? text : `${expansion.trim().replace(/^:/, '')}${rest}`;
}

/** The first word of a command line, without the `:`. */
export function commandWord(text: string): string {
  return firstWord(text).word;
}
