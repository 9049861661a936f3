import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdminListUserAuthEventsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { sdkClient } from '../emulator/helpers.ts';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';

async function readFeedback(h: AppHarness, eventId: string): Promise<string | undefined> {
  const sdk = sdkClient(h.emulator);
  try {
    let token: string | undefined;
    do {
      const out = await sdk.send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, NextToken: token }));
      const hit = out.AuthEvents?.find((e) => e.EventId === eventId);
      if (hit) return hit.EventFeedback?.FeedbackValue;
      token = out.NextToken;
    } while (token);
    return undefined;
  } finally {
    sdk.destroy();
  }
}

function feedbackWrites(h: AppHarness) {
  return h.emulator.requests.filter((r) => r.operation === 'AdminUpdateAuthEventFeedback');
}

describe('app: feedback on an event', () => {
  let h: AppHarness;
  before(async () => { h = await startApp({ deepLink: { pool: LARGE_POOL_ID, user: TAKEOVER_USERNAME } }); });
  after(async () => { await h.close(); });

  it('asks, then writes once, and the server has it', async () => {
    await h.waitForText(/\/\d+\+? events/);
    await h.press('i');
    await h.waitForText('as Invalid?');
    assert.equal(feedbackWrites(h).length, 0);
    await h.press('y');
    await h.waitForText('Saved:');
    assert.equal(feedbackWrites(h).length, 1);
    const eventId = (feedbackWrites(h)[0].body as { EventId: string }).EventId;
    assert.equal(await readFeedback(h, eventId), 'Invalid');
    assert.match(h.frame(), /Invalid/);
  });

  it('n cancels without a write', async () => {
    await h.press('j', 'v');
    await h.waitForText('as Valid?');
    await h.press('n');
    await h.waitForText('nothing was sent');
    assert.equal(feedbackWrites(h).length, 1);
  });
});

describe('app: read-only mode', () => {
  let h: AppHarness;
  before(async () => { h = await startApp({ readOnly: true, deepLink: { pool: LARGE_POOL_ID, user: TAKEOVER_USERNAME } }); });
  after(async () => { await h.close(); });

  it('refuses feedback, says why, and sends no write', async () => {
    await h.waitForText('READ-ONLY');
    await h.waitForText(/\/\d+\+? events/);
    await h.press('v', 'y', 'i', 'y');
    await h.waitForText('read-only');
    assert.equal(feedbackWrites(h).length, 0);
  });

  it('the footer and the help mark the write keys as off, with the reason', async () => {
    assert.match(h.frame(), /v Valid \(off\)/);
    assert.match(h.frame(), /i Invalid \(off\)/);
    await h.press('?');
    const help = await h.waitForText('Keys — esc or ? closes');
    assert.match(help, /mark Valid \(trust this session\) \(disabled: read-only mode/);
    assert.doesNotMatch(help, /refresh \(disabled/);
    await h.press('escape');
  });
});

describe('app: a failed write is reported and reverted', () => {
  let h: AppHarness;
  before(async () => { h = await startApp({ deepLink: { pool: LARGE_POOL_ID, user: TAKEOVER_USERNAME } }); });
  after(async () => { await h.close(); });

  it('shows the error and the row keeps its old feedback', async () => {
    await h.waitForText(/\/\d+\+? events/);
    h.emulator.setFaults({ errorRate: 1 });
    await h.press('v', 'y');
    await h.waitForText('NOT saved');
    h.emulator.setFaults({});
    const write = feedbackWrites(h)[0];
    const eventId = (write.body as { EventId: string }).EventId;
    assert.notEqual(await readFeedback(h, eventId), 'Valid');
  });
});
