import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withApp } from '../helpers/app-harness.tsx';

describe('80×24: long values, errors and the risk view', () => {
  it('a list\'s first-page error keeps its indent when it wraps', async () => {
    await withApp({ columns: 80, rows: 24, emulator: { adversary: { ListUsers: { mode: 'wrong-types', variant: 'number-for-string' } } } }, async (h) => {
      await h.waitForText(/1\/5 pools/);
      await h.press('enter');
      const screen = await h.waitForText(/✖ ListUsers/);
      const lines = screen.split('\n');
      const at = lines.findIndex((l) => l.includes('✖ ListUsers'));
      assert.match(lines[at], /^ {2}✖ ListUsers/);
      assert.match(lines[at + 1], /^ {4}\S/, `the continuation is indented under the message:\n${screen}`);
      assert.match(`${lines[at]} ${lines[at + 1]}`, /r reloads from the first\s+page/);
    });
  });
});
