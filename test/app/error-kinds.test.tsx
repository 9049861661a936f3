import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { classifyFailure } from '../../src/gateway/errors.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { App } from '../../src/ui/App.tsx';
import { FakeGateway } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const FAILURES = [
  { name: 'AccessDeniedException', message: 'not authorized to perform: cognito-idp:ListUserPools' },
  { name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' },
  { name: 'TokenProviderError', message: 'SSO token expired' },
  { name: 'ResourceNotFoundException', message: 'User pool x does not exist.' },
  { name: 'TooManyRequestsException', message: 'Rate exceeded' },
  { name: 'InternalErrorException', message: 'boom' },
  { name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
  { name: 'Error', message: 'Region is missing' },
];

describe('app: every error kind is drawn as its message', () => {
  for (const facts of FAILURES) {
    it(`${facts.name}${facts.code ? `/${facts.code}` : ''}`, async () => {
      const gw = new FakeGateway();
      const error = classifyFailure(facts, { operation: 'ListUserPools', region: 'us-test-1', endpoint: 'http://127.0.0.1:1', profile: 'ops' });
      gw.failing.set('ListUserPools', error);
      const store = createAppStore({ gateway: gw });
      store.getState().actions.push({ view: 'pools' });
      const app = render(<App store={store} columns={200} rows={20} />);
      try {
        const frame = await waitFor(() => (app.lastFrame() ?? '').includes('✖') && app.lastFrame(), 5000, 'error drawn');
        assert.ok(frame && frame.includes(error.message.slice(0, 60)), `frame shows: ${error.message}\n${frame}`);
      } finally {
        app.unmount();
      }
    });
  }
});
