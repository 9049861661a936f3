import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { sdkClient } from '../emulator/helpers.ts';
import { startOnEvents, withApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const WRITE_DEADLINE_MS = 800;

async function serverEnabled(emu: RunningEmulator): Promise<boolean | undefined> {
  const sdk = sdkClient(emu);
  try {
    const out = await sdk.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: `username = "${TAKEOVER_USERNAME}"` }));
    return out.Users?.[0]?.Enabled;
  } finally {
    sdk.destroy();
  }
}

/** The user view of the takeover user, with writes given a short deadline. */
async function onUser(): Promise<AppHarness> {
  const h = await startOnEvents({ gateway: { writeDeadlineMs: WRITE_DEADLINE_MS } });
  await h.press('escape');
  await h.waitForText(/^username\s+maria/m);
  return h;
}

/** Disables the user with `d`, `y` and returns the number of ListUsers the emulator had seen just before. */
async function disable(h: AppHarness): Promise<number> {
  await h.press('d');
  await h.waitForText('Disable maria.garcia? (AdminDisableUser)');
  const lookups = h.count('ListUsers');
  await h.press('y');
  return lookups;
}

/** A flash text that the screen showed, caught from the store as it changed (a later one replaces it fast). */
function recordFlashes(h: AppHarness): string[] {
  const seen: string[] = [];
  h.store.subscribe((s, prev) => { if (s.flash && s.flash !== prev.flash) seen.push(s.flash.text); });
  return seen;
}

describe('app: a disable whose outcome is unknown (item 11)', () => {
  it('a hung AdminDisableUser: sent once, the screen says outcome UNKNOWN, then the read-back says not applied', () =>
    withApp(onUser, async (h) => {
      h.emulator.setAdversary({ AdminDisableUser: { mode: 'hang' } });
      const flashes = recordFlashes(h);
      const lookups = await disable(h);
      await waitFor(() => h.frames().some((f) => /Disable maria\.garcia: outcome UNKNOWN/.test(f)), WRITE_DEADLINE_MS + 5000, 'a frame saying the outcome is unknown');
      assert.ok(flashes.some((f) => /Disable maria\.garcia: outcome UNKNOWN \(Cognito did not answer AdminDisableUser in 0\.8 s\)/.test(f)), flashes.join('\n'));
      const verdict = await h.waitForText(/still shows maria\.garcia enabled/);
      assert.match(verdict, /R to send again \(asks first\)/, 'the key that sends it again stays on screen');
      assert.match(h.store.getState().flash?.text ?? '', /Cognito still shows maria\.garcia enabled — AdminDisableUser not applied; R to send again \(asks first\)/);
      assert.doesNotMatch(verdict, /NOT done/);
      assert.match(verdict, /enabled\s+yes/);
      assert.equal(h.count('AdminDisableUser'), 1, 'sent once');
      assert.equal(h.count('ListUsers') - lookups, 1, 'one read-back');
      assert.equal(h.count('AdminGetUser'), 0, 'never AdminGetUser');
      assert.equal(await serverEnabled(h.emulator), true);
      h.emulator.setAdversary({});
      await h.press('R');
      await h.waitForText('Send again: Disable maria.garcia? (AdminDisableUser)');
      await h.waitForText('The outcome of the last attempt is unknown.');
      assert.equal(h.count('AdminDisableUser'), 1, 'R only asks');
      await h.press('y');
      await h.waitForText('Disabled: maria.garcia');
      assert.equal(h.count('AdminDisableUser'), 2);
      assert.equal(await serverEnabled(h.emulator), false);
    }));

  it('an AdminDisableUser applied but answered too slowly: the read-back says it was applied, and nothing is resent', () =>
    withApp(onUser, async (h) => {
      const flashes = recordFlashes(h);
      h.emulator.setAdversary({ AdminDisableUser: { mode: 'slowloris', intervalMs: 2000 } });
      const lookups = await disable(h);
      const verdict = await h.waitForText(/Cognito now shows maria\.garcia disabled/, WRITE_DEADLINE_MS + 5000);
      assert.match(verdict.replace(/\s+/g, ' '), /Cognito now shows maria\.garcia disabled — the AdminDisableUser was applied\./);
      assert.ok(flashes.some((f) => /^Disable maria\.garcia: outcome UNKNOWN \(Cognito did not answer AdminDisableUser in 0\.8 s\)\. Reading maria\.garcia back/.test(f)), flashes.join('\n'));
      await h.waitForText(/NO \(disabled\)/);
      assert.equal(h.count('AdminDisableUser'), 1);
      assert.equal(h.count('ListUsers') - lookups, 1);
      assert.equal(h.store.getState().failedWrite, undefined);
      await waitFor(async () => (await serverEnabled(h.emulator)) === false, 2000, 'the server to show it disabled');
    }));
});
