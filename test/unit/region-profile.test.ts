import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRegion, COGNITO_REGIONS } from '../../src/command/regions.ts';
import { sdkKnowsRegion } from '../../src/gateway/sdk-regions.ts';
import type { GatewayTarget } from '../../src/gateway/types.ts';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { FakeGateway } from '../helpers/fake-gateway.ts';

function setup(profiles?: string[]) {
  const built: GatewayTarget[] = [];
  const store = createAppStore({
    gateway: new FakeGateway(),
    connect: (target) => { built.push(target); return Object.assign(new FakeGateway(), { target }); },
    profiles: profiles ? () => profiles : undefined,
  });
  const command = (text: string) => {
    const { actions } = store.getState();
    actions.openPrompt('command');
    actions.editPrompt({ text });
    actions.submitPrompt();
  };
  const press = (...keys: string[]) => { for (const k of keys) dispatchKey(store, k, k.length === 1 ? k : ''); };
  return { store, built, command, press };
}

describe('regions the SDK knows', () => {
  it('every Cognito region offered for completion is one the SDK names; typos and future regions are not', () => {
    assert.deepEqual(COGNITO_REGIONS.filter((r) => !sdkKnowsRegion(r)), []);
    assert.equal(sdkKnowsRegion('eu-wst-1'), false);
    assert.equal(sdkKnowsRegion('eu-north-9'), false);
  });

  it('an unknown name gets the nearest known region', () => {
    assert.deepEqual(checkRegion('eu-west-1'), { known: true });
    assert.deepEqual(checkRegion('eu-wst-1'), { known: false, suggestion: 'eu-west-1' });
    assert.deepEqual(checkRegion('zz-nowhere-7'), { known: false });
  });
});

describe(':region', () => {
  it(':region eu-wst-1 asks, naming eu-west-1, and n changes nothing', () => {
    const { store, built, command, press } = setup();
    command('region eu-wst-1');
    const d = store.getState().confirm;
    assert.match(String(d?.title), /^eu-wst-1 is not a known region — did you mean eu-west-1\?$/);
    assert.match(String(d?.detail), /Nothing has changed/);
    press('enter', 'j');
    assert.equal(built.length, 0, 'enter does not accept it');
    press('n');
    assert.equal(built.length, 0);
    assert.equal(store.getState().target.region, 'us-test-1');
  });

  it('a well-formed region newer than the SDK can be used after y', () => {
    const { store, built, command, press } = setup();
    command('region eu-north-9');
    assert.ok(store.getState().confirm);
    assert.equal(built.length, 0);
    press('y');
    assert.deepEqual(built.map((t) => t.region), ['eu-north-9']);
    assert.equal(store.getState().target.region, 'eu-north-9');
  });

  it('a known region switches at once', () => {
    const { store, built, command } = setup();
    command('region eu-west-1');
    assert.equal(store.getState().confirm, undefined);
    assert.deepEqual(built.map((t) => t.region), ['eu-west-1']);
  });
});

describe(':region and :profile in --demo (no way to connect elsewhere)', () => {
  it('say at once that this session cannot switch, with no dialog first, whatever the name', () => {
    const store = createAppStore({ gateway: new FakeGateway() });
    for (const text of ['region eu-north-9', 'region eu-wst-1', 'region eu-west-1', 'profile prod']) {
      const { actions } = store.getState();
      actions.openPrompt('command');
      actions.editPrompt({ text });
      actions.submitPrompt();
      assert.equal(store.getState().confirm, undefined, `${text}: no dialog`);
      const said = store.getState().prompt?.error ?? store.getState().flash?.text ?? '';
      assert.match(said, /cannot switch region or profile.*restart without --demo/, text);
      actions.cancelPrompt();
    }
    assert.equal(store.getState().target.region, 'us-test-1');
  });
});

describe(':profile', () => {
  it('a profile that is not in the AWS config is refused, saying so, with the nearest one', () => {
    const { store, built, command } = setup(['default', 'prod', 'staging']);
    command('profile prdo');
    assert.equal(built.length, 0);
    const flash = store.getState().flash;
    assert.equal(flash?.level, 'warn');
    assert.match(flash?.text ?? '', /AWS profile "prdo" is not in the AWS config .*did you mean prod\?; profiles there: default, prod, staging\. Nothing changed\./);
    command('profile prod');
    assert.deepEqual(built.map((t) => t.profile), ['prod']);
  });

  it('with no profiles defined at all, says that', () => {
    const { store, built, command } = setup([]);
    command('profile prod');
    assert.equal(built.length, 0);
    assert.match(store.getState().flash?.text ?? '', /no profiles are defined there/);
  });
});

describe('command line errors quote only the start of what was typed', () => {
  it('a pasted page after :pool, :region or as a command name', async () => {
    const { parseCommand } = await import('../../src/command/parse-command.ts');
    for (const text of [`pool ${'x'.repeat(50_000)}`, `region ${'y'.repeat(50_000)}`, 'z'.repeat(50_000)]) {
      const r = parseCommand(text);
      assert.equal(r.ok, false);
      assert.ok(!r.ok && r.error.length < 200, `${text.slice(0, 8)}: ${!r.ok && r.error.length}`);
    }
  });
});
