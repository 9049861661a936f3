import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { startOnEvents, type AppHarness } from '../helpers/app-harness.tsx';
import { serverFeedback } from '../helpers/server-reads.ts';
import { WriteLedger } from '../reliability/fuzz-invariants.ts';
import { eventIdOf, writeRequests } from '../reliability/writes.ts';

describe('app: feedback on an event', () => {
  let h: AppHarness;
  const ledger = new WriteLedger();
  before(async () => { h = await startOnEvents({ wrapGateway: (gateway) => ledger.wrap(gateway) }); });
  after(async () => { await h.close(); });

  it('asks, then writes once, and the server has it', async () => {
    await h.press('i');
    await h.waitForText('as Invalid?');
    assert.equal(writeRequests(h.emulator.requests).length, 0);
    await h.press('y');
    await h.waitForText('Saved:');
    const writes = writeRequests(h.emulator.requests);
    assert.equal(writes.length, 1);
    assert.equal((await serverFeedback(h.emulator, TAKEOVER_USERNAME)).get(eventIdOf(writes[0])), 'Invalid');
    assert.match(h.frame(), /Invalid/);
  });

  it('n cancels without a write', async () => {
    await h.press('j', 'v');
    await h.waitForText('as Valid?');
    await h.press('n');
    await h.waitForText('nothing was sent');
    assert.equal(ledger.entries.length, 1, 'the app called no write after the first');
  });
});

describe('app: read-only mode', () => {
  let h: AppHarness;
  const ledger = new WriteLedger();
  before(async () => { h = await startOnEvents({ readOnly: true, wrapGateway: (gateway) => ledger.wrap(gateway) }); });
  after(async () => { await h.close(); });

  it('refuses feedback, says why, and sends no write', async () => {
    await h.waitForText('READ-ONLY');
    await h.press('v', 'y', 'i', 'y');
    await h.waitForText('read-only');
    assert.deepEqual(ledger.entries, [], 'the app called no write on the gateway');
  });

  it('the footer and the help mark the write keys as off, with the reason', async () => {
    assert.match(h.frame(), /v Valid \(off\)/);
    assert.match(h.frame(), /i Invalid \(off\)/);
    await h.press('?');
    const help = await h.waitForText('Keys — esc, ? or q closes');
    assert.match(help, /mark Valid \(trust this session\) \(disabled: read-only mode/);
    assert.doesNotMatch(help, /refresh \(disabled/);
    await h.press('escape');
  });
});
