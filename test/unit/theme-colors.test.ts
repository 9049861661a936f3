import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildTheme, THEME_ROLES, THEMES } from '../../src/ui/theme.ts';

const ROOTS = ['src/views', 'src/ui'];
const THEME_FILE = join('src', 'ui', 'theme.ts');
const COLOR_NAMES = 'black|red|green|yellow|blue|magenta|cyan|white|gray|grey';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Literal colours: a colour prop given a string (color="red", borderColor={'cyan'}), or a colour name or #rrggbb as a string. */
const LITERAL = [
  /\b(?:color|backgroundColor|borderColor)\s*=\s*(?:["'`]|\{\s*["'`])/,
  new RegExp(`["'\`](?:${COLOR_NAMES})(?:Bright)?["'\`]`),
  /["'`]#[0-9a-fA-F]{3,6}["'`]/,
];

describe('every colour comes from the theme', () => {
  it('no view or UI file but the theme itself names a colour', () => {
    const offenders: string[] = [];
    for (const file of ROOTS.flatMap(sources)) {
      if (file === THEME_FILE) continue;
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (LITERAL.some((re) => re.test(line))) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(offenders, []);
  });
  it('every theme names every colour, and none names none', () => {
    for (const [name, theme] of Object.entries(THEMES)) assert.deepEqual(Object.keys(theme).sort(), [...THEME_ROLES].sort(), name);
    assert.ok(Object.values(THEMES.none).every((c) => c === undefined));
    assert.ok(Object.values(THEMES.dark).every((c) => c !== undefined));
  });
  it('a custom theme replaces only the colours it names', () => {
    const custom = buildTheme('dark', { accent: '#005f87' })!;
    assert.equal(custom.accent, '#005f87');
    assert.equal(custom.danger, THEMES.dark.danger);
    assert.equal(buildTheme('neon'), undefined);
  });
});
