import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';

const SECRET_CLIENT_ID = '5m4n3b2v1c0x9z8l7k6j5h4g3f';

const AWS = '/usr/bin/aws';
const run = promisify(execFile);
const available = existsSync(AWS);
const skip = !available && !process.env.CI ? 'the AWS CLI v2 is not at /usr/bin/aws (apt-get install awscli)' : false;

describe('the official AWS CLI v2 against the emulator', { skip }, () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ port: 0 }); });
  after(async () => { await emu.close(); });

  async function aws(...args: string[]) {
    const { stdout } = await run(AWS, ['cognito-idp', ...args, '--endpoint-url', emu.url, '--region', 'us-east-1', '--output', 'json'], {
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true', AWS_PROFILE: undefined, AWS_DEFAULT_PROFILE: undefined },
      timeout: 60000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return (stdout.trim() === '' ? {} : JSON.parse(stdout)) as Record<string, unknown>;
  }

  it('list-users paginates with --page-size, --max-items and --starting-token', async () => {
    const first = await aws('list-users', '--user-pool-id', LARGE_POOL_ID, '--page-size', '60', '--max-items', '130');
    const users = first.Users as { Username: string }[];
    assert.equal(users.length, 130);
    assert.equal(typeof first.NextToken, 'string');
    const second = await aws('list-users', '--user-pool-id', LARGE_POOL_ID, '--page-size', '60', '--max-items', '130', '--starting-token', first.NextToken as string);
    const more = second.Users as { Username: string }[];
    assert.equal(more.length, 130);
    const all = new Set([...users, ...more].map((u) => u.Username));
    assert.equal(all.size, 260);
    const pages = emu.requests.filter((r) => r.operation === 'ListUsers');
    assert.ok(pages.length >= 5, `the CLI fetched ${pages.length} pages`);
    assert.ok(pages.every((r) => (r.body as { Limit?: number }).Limit === 60));
  });

  it('admin-list-user-auth-events paginates', async () => {
    const out = await aws('admin-list-user-auth-events', '--user-pool-id', LARGE_POOL_ID, '--username', TAKEOVER_USERNAME, '--page-size', '10', '--max-items', '25');
    const events = out.AuthEvents as { EventId: string; CreationDate: unknown }[];
    assert.equal(events.length, 25);
    assert.equal(new Set(events.map((e) => e.EventId)).size, 25);
    assert.equal(typeof out.NextToken, 'string');
    const calls = emu.requests.filter((r) => r.operation === 'AdminListUserAuthEvents');
    assert.ok(calls.length >= 3);
  });

  it('list-groups and list-users-in-group paginate', async () => {
    const groups = (await aws('list-groups', '--user-pool-id', LARGE_POOL_ID, '--page-size', '2')).Groups as { GroupName: string }[];
    assert.deepEqual(groups.map((g) => g.GroupName), ['admins', 'beta-testers', 'enterprise-customers', 'legacy-import', 'support']);
    const members = (await aws('list-users-in-group', '--user-pool-id', LARGE_POOL_ID, '--group-name', 'support', '--page-size', '25')).Users as { Username: string }[];
    assert.ok(members.length > 60);
    assert.equal(new Set(members.map((u) => u.Username)).size, members.length);
    assert.ok(members.some((u) => u.Username === TAKEOVER_USERNAME));
    assert.ok(emu.requests.filter((r) => r.operation === 'ListUsersInGroup').length >= 3);
  });

  it('admin-add-user-to-group and admin-delete-user change what the lists show', async () => {
    await aws('admin-add-user-to-group', '--user-pool-id', LARGE_POOL_ID, '--username', TAKEOVER_USERNAME, '--group-name', 'beta-testers');
    const groups = (await aws('admin-list-groups-for-user', '--user-pool-id', LARGE_POOL_ID, '--username', TAKEOVER_USERNAME)).Groups as { GroupName: string }[];
    assert.ok(groups.some((g) => g.GroupName === 'beta-testers'));
    const [victim] = (await aws('list-users-in-group', '--user-pool-id', LARGE_POOL_ID, '--group-name', 'admins', '--max-items', '1')).Users as { Username: string }[];
    await aws('admin-delete-user', '--user-pool-id', LARGE_POOL_ID, '--username', victim.Username);
    const admins = (await aws('list-users-in-group', '--user-pool-id', LARGE_POOL_ID, '--group-name', 'admins')).Users as { Username: string }[];
    assert.ok(!admins.some((u) => u.Username === victim.Username));
    const found = await aws('list-users', '--user-pool-id', LARGE_POOL_ID, '--filter', `username = "${victim.Username}"`);
    assert.deepEqual(found.Users, []);
    await assert.rejects(aws('admin-delete-user', '--user-pool-id', LARGE_POOL_ID, '--username', victim.Username), /UserNotFoundException/);
  });

  it('describe-user-pool-client returns the client secret, as Cognito does; list-user-pool-clients never does', async () => {
    const client = (await aws('describe-user-pool-client', '--user-pool-id', LARGE_POOL_ID, '--client-id', SECRET_CLIENT_ID)).UserPoolClient as Record<string, unknown>;
    assert.equal(typeof client.ClientSecret, 'string');
    assert.ok((client.ClientSecret as string).length > 20);
    const listed = (await aws('list-user-pool-clients', '--user-pool-id', LARGE_POOL_ID)).UserPoolClients as Record<string, unknown>[];
    assert.ok(listed.some((c) => c.ClientId === SECRET_CLIENT_ID));
    assert.ok(listed.every((c) => !('ClientSecret' in c)));
  });

  it('errors come back as Cognito error names', async () => {
    await assert.rejects(aws('admin-list-user-auth-events', '--user-pool-id', LARGE_POOL_ID, '--username', 'nobody-here'), /UserNotFoundException/);
  });
});
