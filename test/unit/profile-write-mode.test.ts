import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyConfig } from '../../src/config/apply-config.ts';
import { parseArgs } from '../../src/cli/args.ts';
import type { GatewayTarget } from '../../src/gateway/types.ts';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore, type AppStore } from '../../src/store/app-store.ts';
import { FakeGateway } from '../helpers/fake-gateway.ts';

const PROFILES = { prod: { readOnly: true, region: 'eu-central-1' }, dev: {} };

function store(args: string[]): { store: AppStore; targets: GatewayTarget[] } {
  const { opts, settings } = applyConfig(parseArgs(args), { profiles: PROFILES }, {});
  const targets: GatewayTarget[] = [];
  const s = createAppStore({
    gateway: new FakeGateway(), readOnly: opts.readOnly, config: settings.config, profiles: () => ['prod', 'dev'],
    connect: (target) => { targets.push(target); return Object.assign(new FakeGateway(), { target }); },
  });
  s.getState().actions.push({ view: 'pools' });
  return { store: s, targets };
}

function switchTo(s: AppStore, profile: string): void {
  s.getState().actions.openPrompt('command');
  s.getState().actions.editPrompt({ text: `profile ${profile}` });
  s.getState().actions.submitPrompt();
}

describe('a profile the config makes read-only', () => {
  it(':profile prod turns writes off and says why; its region comes with it; :profile dev turns them on again', () => {
    const { store: s, targets } = store(['--profile', 'dev']);
    assert.equal(s.getState().readOnly, false);
    switchTo(s, 'prod');
    assert.equal(s.getState().readOnly, true);
    assert.equal(s.getState().config.modeNote, 'read-only: profile prod (config); --write allows writes');
    assert.equal(targets.at(-1)?.region, 'eu-central-1');
    s.getState().actions.openDeepLink('us-test-1_Pool1', 'user00001');
    dispatchKey(s, 'd', 'd');
    assert.equal(s.getState().confirm, undefined);
    assert.equal(s.getState().flash?.text, 'd: read-only: profile prod (config); --write allows writes');
    switchTo(s, 'dev');
    assert.equal(s.getState().readOnly, false);
    assert.equal(s.getState().config.modeNote, undefined);
  });
  it('stays writable under --write, and read-only everywhere under --read-only', () => {
    const w = store(['--profile', 'dev', '--write']).store;
    switchTo(w, 'prod');
    assert.equal(w.getState().readOnly, false);
    assert.equal(w.getState().config.modeNote, 'writes on: --write (profile prod is read-only in the config)');
    const r = store(['--profile', 'dev', '--read-only']).store;
    assert.equal(r.getState().readOnly, true);
    switchTo(r, 'dev');
    assert.equal(r.getState().readOnly, true);
  });
});
