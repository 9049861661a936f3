import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AdminListUserAuthEventsCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { NO_ALIAS_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { EVENTS_COUNT, startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

describe('app: a deep link by email on a pool where the email is not an alias', () => {
  let h: AppHarness;
  let cognito: CognitoIdentityProviderClient;
  let username: string;
  let email: string;

  before(async () => {
    h = await startApp({ emulator: { usersInLargePool: 300 }, columns: 140, rows: 36 });
    cognito = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: h.emulator.url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const { Users = [] } = await cognito.send(new ListUsersCommand({ UserPoolId: NO_ALIAS_POOL_ID, Limit: 60 }));
    for (const user of Users) {
      const mail = user.Attributes?.find((a) => a.Name === 'email')?.Value;
      if (!user.Enabled || user.UserStatus !== 'CONFIRMED' || !mail || mail === user.Username) continue;
      const { AuthEvents = [] } = await cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: NO_ALIAS_POOL_ID, Username: user.Username }));
      if (AuthEvents.length === 0) continue;
      [username, email] = [user.Username as string, mail];
      break;
    }
    assert.ok(username, 'a user of the workforce pool with an email and events');
  });
  after(async () => {
    cognito.destroy();
    await h.close();
  });

  it('the emulator itself refuses the email as a Username in that pool', async () => {
    await assert.rejects(cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: NO_ALIAS_POOL_ID, Username: email })), UserNotFoundException);
  });

  it('reaches the events, names the user by their username (email beside it), and every request after the lookup carries that username', async () => {
    const from = h.emulator.requests.length;
    h.store.getState().actions.openDeepLink(NO_ALIAS_POOL_ID, email);
    const frame = await h.waitForText(EVENTS_COUNT);
    assert.ok(frame.split('\n')[0].includes(`${username} (${email})`), `breadcrumb: ${frame.split('\n')[0]}`);
    await h.press('escape');
    await waitFor(() => h.count('AdminListGroupsForUser') > 0 && h.count('AdminListDevices') > 0);
    await h.press('d');
    await h.waitForText(/Disable .*\?/);
    await h.press('y');
    await waitFor(() => h.count('AdminDisableUser') === 1);

    const sent = h.emulator.requests.slice(from);
    const lookups = sent.filter((r) => r.operation === 'ListUsers');
    assert.ok(lookups.length >= 1, 'looked up through ListUsers');
    const firstAdmin = sent.findIndex((r) => r.operation.startsWith('Admin'));
    assert.ok(firstAdmin > sent.indexOf(lookups[0]), 'the lookup comes before any admin call');
    const named = sent.slice(firstAdmin).filter((r) => r.body && typeof r.body === 'object' && 'Username' in r.body);
    assert.deepEqual([...new Set(named.map((r) => r.operation))].sort(), ['AdminDisableUser', 'AdminListDevices', 'AdminListGroupsForUser', 'AdminListUserAuthEvents']);
    assert.deepEqual(named.filter((r) => (r.body as { Username: string }).Username !== username).map((r) => r.operation), []);
    assert.deepEqual(sent.filter((r) => r.status !== 200).map((r) => `${r.operation} ${r.errorType}`), [], 'nothing failed');
  });
});
