import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SESSION_PARTS, sessionPartsPlugin } from '../../scripts/session-parts.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'session-parts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const FILES = Object.fromEntries(SESSION_PARTS.map((p) => [p.name, `${p.name}-0123456789abcdef.cjs`]));

/** Bundles `entry` as the session is bundled, with the parts' plugin; resolves with the text or the build's errors. */
async function bundle(entry: string): Promise<{ text?: string; errors: string[] }> {
  try {
    const out = await build({
      entryPoints: [entry], bundle: true, packages: 'external', platform: 'node', format: 'cjs', write: false, logLevel: 'silent',
      plugins: [sessionPartsPlugin(ROOT, FILES, join(ROOT, 'src', 'cli', 'load-tui.ts'))],
    });
    return { text: out.outputFiles[0]!.text, errors: [] };
  } catch (error) {
    return { errors: (error as { errors: { text: string }[] }).errors.map((e) => e.text) };
  }
}

describe('the session\'s parts loaded on first use (scripts/session-parts.mjs)', () => {
  it('each part\'s dynamic import in the real sources becomes a load of the part\'s file beside the bundle', async () => {
    const entry = join(dir, 'all.ts');
    writeFileSync(entry, SESSION_PARTS.map((p, i) => `export * as importer${i} from ${JSON.stringify(join(ROOT, p.importer))};`).join('\n'));
    const { text, errors } = await bundle(entry);
    assert.deepEqual(errors, []);
    for (const part of SESSION_PARTS) assert.match(text!, new RegExp(`loadSessionPart\\(require\\("node:path"\\)\\.join\\(__dirname, "${FILES[part.name]}"\\)\\)`));
    assert.doesNotMatch(text!, /@aws-sdk\/client-cloudwatch-logs\/dist-es|@aws-sdk\/client-sts\/dist-es|src\/emulator\/index\.ts/);
  });

  it('fails the build, naming the file and the import, when a part is no longer imported where it is listed', async () => {
    const entry = join(dir, 'none.ts');
    writeFileSync(entry, 'export const nothing = 1;\n');
    const { errors } = await bundle(entry);
    assert.deepEqual(errors, SESSION_PARTS.map((p) => `${p.importer} no longer imports ${p.specifier}: update SESSION_PARTS in scripts/session-parts.mjs`));
  });
});
