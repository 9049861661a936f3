import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { AuthEvent } from '../../src/gateway/types.ts';
import { createFileJournal } from '../../src/journal/file-journal.ts';
import type { JournalLine } from '../../src/journal/journal.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import { startOnEvents, withApp } from '../helpers/app-harness.tsx';
import { ATTACKER } from '../helpers/shared-address.ts';
import { waitFor } from '../helpers/wait-for.ts';

const root = mkdtempSync(join(tmpdir(), 'cognito-tui-pivot-journal-'));
after(() => { rmSync(root, { recursive: true, force: true }); });


describe('app: every IP pivot is a journal line, shown in :journal and in the report\'s timeline', () => {
  it('I and :ip each append a "pivot" line with the address, how it was asked, what was searched and the users found; :undo passes over them', async () => {
    const dir = join(root, 'journal');
    const out = join(root, 'out');
    mkdirSync(out);
    await withApp(() => startOnEvents({ columns: 120, rows: 30, deps: { journal: createFileJournal(dir), exportDir: out } }), async (h) => {
      const ref: ListRef = { kind: 'events', poolId: LARGE_POOL_ID, username: TAKEOVER_USERNAME };
      const events = () => (h.store.getState().lists[listKey(ref)]?.items ?? []) as AuthEvent[];
      await waitFor(() => events().some((e) => e.ip === ATTACKER), 10_000, 'her sign-in from the attacker\'s address');
      h.store.getState().actions.cursorTo(ref, events().findIndex((e) => e.ip === ATTACKER));
      await h.press('I');
      await h.waitForText(`users with events from ${ATTACKER}`);
      await h.press('escape');
      await h.submit(':', 'ip 203.0.113.9');
      await h.waitForText('users with events from 203.0.113.9');

      const lines = (): JournalLine[] => readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JournalLine);
      const pivots = (await waitFor(() => { const p = lines().filter((l) => l.action === 'pivot'); return p.length === 2 ? p : undefined; }, 5_000, 'two pivot lines'))!;
      assert.deepEqual(pivots.map((l) => [l.poolId, l.target.label, l.parameters.address, l.parameters.via, l.parameters.users, l.outcome]), [
        [LARGE_POOL_ID, `${ATTACKER} (1 user found)`, ATTACKER, 'I', '1', 'ok'],
        [LARGE_POOL_ID, '203.0.113.9 (0 users found)', '203.0.113.9', ':ip', '0', 'ok'],
      ]);
      assert.match(pivots[0]!.parameters.source!, /^from the events of 1 user loaded/);

      await h.submit(':', 'journal');
      await h.waitForText(`${ATTACKER} (1 user found)`);
      assert.match(h.frame(), /pivot +203\.0\.113\.9 \(0 users found\)/);

      await h.submit(':', 'undo');
      await h.waitForText('Nothing to undo in the journal');

      await h.submit(':', 'report');
      const written = (await waitFor(() => /written to (\S+)$/.exec(h.store.getState().flash?.text ?? '')))![1]!;
      const report = readFileSync(written, 'utf8');
      const timeline = report.slice(report.indexOf('## Timeline (UTC)'), report.indexOf('## Users touched'));
      assert.match(timeline, new RegExp(`\\| pivot \\(IP pivot\\) \\| ${ATTACKER.replaceAll('.', '\\.')} \\(1 user found\\) in ${LARGE_POOL_ID} \\| ok \\|`));
      assert.match(timeline, /\| pivot \(IP pivot\) \| 203\.0\.113\.9 \(0 users found\) in /);
      assert.match(report, /## Users touched\n\nNone\./);
    });
  });
});
