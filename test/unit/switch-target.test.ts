import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { awsProfileNames } from '../../src/cli/aws-profiles.ts';
import type { GatewayTarget } from '../../src/gateway/types.ts';
import { createAppStore, type AppStore } from '../../src/store/app-store.ts';
import { currentRoute } from '../../src/store/selectors.ts';
import { FakeGateway } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** Types a `:` command line and submits it; returns what it said was wrong (inline, or on the flash line). */
function command(store: AppStore, text: string): string | undefined {
  const { actions } = store.getState();
  actions.openPrompt('command');
  actions.editPrompt({ text });
  actions.submitPrompt();
  const s = store.getState();
  return s.prompt?.error ?? (s.flash?.level === 'warn' ? s.flash.text : undefined);
}

describe(':region and :profile', () => {
  it('switch to a new gateway, start over from its pool list, and count its calls', async () => {
    const first = new FakeGateway();
    const made: { target: GatewayTarget; gw: FakeGateway }[] = [];
    const store = createAppStore({
      gateway: first,
      connect: (target) => {
        const gw = new FakeGateway();
        Object.assign(gw, { target });
        made.push({ target, gw });
        return gw;
      },
    });
    store.getState().actions.push({ view: 'pools' });
    await waitFor(() => first.count('ListUserPools') === 1);
    store.getState().actions.openDeepLink('us-test-1_Pool1');
    assert.equal(command(store, 'region eu-west-1'), undefined);
    assert.equal(made.length, 1);
    assert.equal(made[0].target.region, 'eu-west-1');
    assert.equal(currentRoute(store.getState()).view, 'pools');
    await waitFor(() => made[0].gw.count('ListUserPools') === 1);
    await waitFor(() => store.getState().api.calls >= 2);
    assert.equal(store.getState().target.region, 'eu-west-1');
    command(store, 'profile audit');
    assert.equal(made[1].target.profile, 'audit');
    assert.equal(made[1].target.region, 'eu-west-1', 'the region stays');
    const before = first.calls.length;
    store.getState().actions.refresh();
    await waitFor(() => made[1].gw.count('ListUserPools') >= 1);
    assert.equal(first.calls.length, before, 'the old gateway gets nothing more');
  });

  it('a bad region is refused before anything is built', () => {
    let built = 0;
    const store = createAppStore({ gateway: new FakeGateway(), connect: () => { built++; return new FakeGateway(); } });
    assert.match(command(store, 'region mars-1') ?? '', /region/i);
    assert.equal(built, 0);
  });
});

describe('AWS profile names for completion', () => {
  it('come from the config and credentials files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cognito-tui-aws-'));
    try {
      writeFileSync(join(dir, 'config'), '[default]\nregion = eu-west-1\n[profile prod]\nsso_session = x\n[sso-session x]\nsso_region = eu-west-1\n');
      writeFileSync(join(dir, 'credentials'), '[default]\naws_access_key_id = A\n[ci-bot]\naws_access_key_id = B\n');
      assert.deepEqual(awsProfileNames({ AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') }), ['ci-bot', 'default', 'prod']);
      assert.deepEqual(awsProfileNames({ AWS_CONFIG_FILE: join(dir, 'nope'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'nope2') }), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
