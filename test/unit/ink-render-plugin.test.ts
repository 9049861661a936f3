import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

interface RenderPlugin {
  inkRenderPlugin(root: string): import('esbuild').Plugin;
  checkInkLayout(inkBuildDir: string): string;
  missingSubstitutions(replaced: Set<string>): string[];
}

const root = new URL('../..', import.meta.url).pathname;
const plugin = (await import(new URL('../../scripts/ink-render-plugin.mjs', import.meta.url).href)) as RenderPlugin;

describe('the render patch fails loudly', () => {
  it("names the Ink file it needs when Ink's layout has moved", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ink-layout-'));
    try {
      writeFileSync(join(dir, 'renderer.js'), '');
      assert.throws(() => plugin.checkInkLayout(dir), /needs the Output \(build\/output\.js\) at .*output\.js, and it is not there/);
      writeFileSync(join(dir, 'output.js'), '');
      assert.equal(plugin.checkInkLayout(dir), join(dir, 'output.js'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which substitution did not happen', () => {
    assert.deepEqual(plugin.missingSubstitutions(new Set(['output', 'widest-line'])), []);
    assert.match(plugin.missingSubstitutions(new Set(['widest-line'])).join(), /renderer\.js no longer imports '\.\/output\.js'/);
  });

  it('fails a build in which nothing was substituted, naming the plugin file to update', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ink-build-'));
    try {
      writeFileSync(join(dir, 'entry.js'), 'console.log(1);\n');
      await assert.rejects(
        build({ entryPoints: [join(dir, 'entry.js')], bundle: true, write: false, logLevel: 'silent', plugins: [plugin.inkRenderPlugin(root)] }),
        /the render patch did not apply: .*update scripts\/ink-render-plugin\.mjs/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
