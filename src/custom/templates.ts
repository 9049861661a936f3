/** The values a custom command's arguments can hold, by template name ({{.Username}} is `Username`). */
export const TEMPLATE_NAMES = ['Username', 'Sub', 'Email', 'PoolId', 'Region', 'Profile', 'EventId', 'IpAddress'] as const;

/** One template name. */
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** What the selection holds for each template; a name left out is not known for it. */
export type TemplateValues = Partial<Record<TemplateName, string>>;

const TEMPLATE = /\{\{\s*\.(\w+)\s*\}\}/g;

/** The template names an argument list uses that are not ones the app fills in. */
export function unknownTemplates(args: readonly string[]): string[] {
  const names = new Set<string>();
  for (const arg of args) for (const m of arg.matchAll(TEMPLATE)) if (!(TEMPLATE_NAMES as readonly string[]).includes(m[1])) names.add(m[1]);
  return [...names];
}

/**
 * Each argument with its templates filled in: one argument stays one argument whatever the value holds (spaces,
 * quotes, `$(…)`, `;`), since no shell ever reads it. Answers the templates the selection does not have instead.
 */
export function fillTemplates(args: readonly string[], values: TemplateValues): { argv: string[] } | { missing: string[] } {
  const missing = new Set<string>();
  const argv = args.map((arg) => arg.replace(TEMPLATE, (_whole, name: string) => {
    const value = values[name as TemplateName];
    if (value === undefined || value === '') missing.add(name);
    return value ?? '';
  }));
  return missing.size > 0 ? { missing: [...missing] } : { argv };
}
