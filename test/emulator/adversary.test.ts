import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { parseAdversaryFlag } from '../../src/emulator/adversary.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME, startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { rawCall, useEmulator } from './helpers.ts';

const TARGET = 'AWSCognitoIdentityProviderService.';

/** Posts with raw fetch and returns status, content type and the body as text. */
async function post(emu: RunningEmulator, operation: string, body: unknown): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(emu.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}${operation}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** A raw node:http exchange that reports every body chunk as it arrives, and how it ended. */
function open(emu: RunningEmulator, operation: string, body: unknown) {
  const chunks: Buffer[] = [];
  let status = 0;
  const req = request(emu.url, { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}${operation}` } });
  const ended = new Promise<{ ok: true } | { ok: false; code?: string }>((resolve) => {
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ ok: true }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, code: e.code }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, code: e.code }));
  });
  req.end(JSON.stringify(body));
  return { req, ended, chunks, status: () => status, text: () => Buffer.concat(chunks).toString('utf8') };
}

const users = { UserPoolId: LARGE_POOL_ID, Limit: 5 };
const names = (json: Record<string, unknown>) => (json.Users as { Username: string }[]).map((u) => u.Username);
const adversarial = (emu: RunningEmulator, operation: string) => emu.requests.filter((r) => r.operation === operation && r.adversary !== undefined);

describe('adversarial mode: paging', () => {
  const fx = useEmulator({ usersInLargePool: 100 }, 1);

  it('empty-pages: 200, no users, a fresh next-page token every time, for any token sent', async () => {
    fx.emu.setAdversary({ ListUsers: { mode: 'empty-pages' } });
    const tokens = new Set<string>();
    let token: string | undefined;
    for (let i = 0; i < 5; i++) {
      const a = await rawCall(fx.emu, 'ListUsers', { ...users, PaginationToken: token });
      assert.equal(a.status, 200);
      assert.deepEqual(a.json.Users, []);
      token = a.json.PaginationToken as string;
      assert.equal(typeof token, 'string');
      tokens.add(token);
    }
    assert.equal(tokens.size, 5);
    assert.equal(adversarial(fx.emu, 'ListUsers').length, 5);
  });

  it('same-token: a real page and the same next-page token forever', async () => {
    fx.emu.setAdversary({ ListUsers: { mode: 'same-token' } });
    const first = await rawCall(fx.emu, 'ListUsers', users);
    const second = await rawCall(fx.emu, 'ListUsers', { ...users, PaginationToken: first.json.PaginationToken });
    assert.equal(names(first.json).length, 5);
    assert.deepEqual(names(second.json), names(first.json));
    assert.equal(second.json.PaginationToken, first.json.PaginationToken);
  });

  it('repeat-pages: the token changes but every page holds the same users', async () => {
    fx.emu.setAdversary({ ListUsers: { mode: 'repeat-pages' } });
    const first = await rawCall(fx.emu, 'ListUsers', users);
    const second = await rawCall(fx.emu, 'ListUsers', { ...users, PaginationToken: first.json.PaginationToken });
    assert.deepEqual(names(second.json), names(first.json));
    assert.notEqual(second.json.PaginationToken, first.json.PaginationToken);
    assert.equal(typeof second.json.PaginationToken, 'string');
  });

  it('the events list pages the same way (NextToken)', async () => {
    fx.emu.setAdversary({ AdminListUserAuthEvents: { mode: 'empty-pages' } });
    const a = await rawCall(fx.emu, 'AdminListUserAuthEvents', { UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME });
    assert.deepEqual(a.json.AuthEvents, []);
    assert.equal(typeof a.json.NextToken, 'string');
  });

  it('after and times: normal answers first, then the behaviour, then normal again', async () => {
    fx.emu.setAdversary({ ListUserPools: { mode: 'server-error', after: 1, times: 2 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await rawCall(fx.emu, 'ListUserPools', { MaxResults: 5 })).status);
    assert.deepEqual(statuses, [200, 500, 500, 200]);
  });

  it('"*" applies to every operation not named; {} turns it off', async () => {
    fx.emu.setAdversary({ '*': { mode: 'server-error' }, ListUsers: { mode: 'empty-pages' } });
    assert.equal((await rawCall(fx.emu, 'DescribeUserPool', { UserPoolId: LARGE_POOL_ID })).status, 500);
    assert.deepEqual((await rawCall(fx.emu, 'ListUsers', users)).json.Users, []);
    fx.emu.setAdversary({});
    assert.equal((await rawCall(fx.emu, 'DescribeUserPool', { UserPoolId: LARGE_POOL_ID })).status, 200);
    assert.equal(names((await rawCall(fx.emu, 'ListUsers', users)).json).length, 5);
  });

  it('refuses an unknown mode and a paging mode on an operation that does not page', () => {
    assert.throws(() => fx.emu.setAdversary({ ListUsers: { mode: 'nonsense' as 'hang' } }), /Unknown adversary mode "nonsense"/);
    assert.throws(() => fx.emu.setAdversary({ DescribeUserPool: { mode: 'empty-pages' } }), /needs an operation that pages/);
  });
});

describe('adversarial mode: broken bodies', () => {
  const fx = useEmulator({ usersInLargePool: 100 }, 1);

  it('wrong-types: numbers for strings, ISO strings for epoch dates, null lists inside items', async () => {
    fx.emu.setAdversary({ ListUsers: { mode: 'wrong-types' } });
    const a = await rawCall(fx.emu, 'ListUsers', users);
    const u = (a.json.Users as Record<string, unknown>[])[0];
    assert.equal(typeof u.Username, 'number');
    assert.equal(typeof u.UserStatus, 'number');
    assert.equal(typeof u.UserCreateDate, 'string');
    assert.ok(!Number.isNaN(Date.parse(u.UserCreateDate as string)));
    assert.equal(u.Attributes, null);
  });

  it('wrong-types variants break one thing each', async () => {
    const one = async (variant: 'number-for-string' | 'string-date' | 'null-lists' | 'null-page') => {
      fx.emu.setAdversary({ ListUsers: { mode: 'wrong-types', variant } });
      return (await rawCall(fx.emu, 'ListUsers', users)).json;
    };
    const numbers = (await one('number-for-string')).Users as Record<string, unknown>[];
    assert.deepEqual([typeof numbers[0].Username, typeof numbers[0].UserCreateDate, Array.isArray(numbers[0].Attributes)], ['number', 'number', true]);
    const dates = (await one('string-date')).Users as Record<string, unknown>[];
    assert.deepEqual([typeof dates[0].Username, typeof dates[0].UserCreateDate], ['string', 'string']);
    const lists = (await one('null-lists')).Users as Record<string, unknown>[];
    assert.deepEqual([typeof lists[0].Username, lists[0].Attributes], ['string', null]);
    const page = await one('null-page');
    assert.equal(page.Users, null);
    assert.equal(typeof page.PaginationToken, 'string');
  });

  it('html-200: an HTML page with status 200', async () => {
    fx.emu.setAdversary({ ListUserPools: { mode: 'html-200' } });
    const a = await post(fx.emu, 'ListUserPools', { MaxResults: 5 });
    assert.equal(a.status, 200);
    assert.match(a.type ?? '', /^text\/html/);
    assert.match(a.text, /^<!DOCTYPE html>/);
  });

  it('truncated-json: status 200 and the first half of a valid answer', async () => {
    fx.emu.setAdversary({});
    const whole = (await post(fx.emu, 'ListUserPools', { MaxResults: 5 })).text;
    fx.emu.setAdversary({ ListUserPools: { mode: 'truncated-json' } });
    const a = await post(fx.emu, 'ListUserPools', { MaxResults: 5 });
    assert.equal(a.status, 200);
    assert.ok(a.text.length > 0 && a.text.length < whole.length);
    assert.ok(whole.startsWith(a.text));
    assert.throws(() => JSON.parse(a.text), SyntaxError);
  });

  it('server-error: HTTP 500 InternalErrorException', async () => {
    fx.emu.setAdversary({ ListUsers: { mode: 'server-error' } });
    const a = await rawCall(fx.emu, 'ListUsers', users);
    assert.equal(a.status, 500);
    assert.equal(a.json.__type, 'InternalErrorException');
    assert.equal(a.headers.get('x-amzn-errortype'), 'InternalErrorException');
    assert.deepEqual([fx.emu.requests.at(-1)?.status, fx.emu.requests.at(-1)?.adversary], [500, 'server-error']);
  });

  it('reset: the connection is reset without an answer, and the request is recorded with status 0', async () => {
    fx.emu.setAdversary({ ListUsers: { mode: 'reset' } });
    const x = open(fx.emu, 'ListUsers', users);
    assert.deepEqual(await x.ended, { ok: false, code: 'ECONNRESET' });
    assert.deepEqual([fx.emu.requests.at(-1)?.status, fx.emu.requests.at(-1)?.adversary], [0, 'reset']);
  });

  it('combining-flood: one shown field carries 20,000 combining marks', async () => {
    fx.emu.setAdversary({ ListUsers: { mode: 'combining-flood' } });
    const u = (await rawCall(fx.emu, 'ListUsers', users)).json.Users as { Attributes: { Name: string; Value: string }[] }[];
    const email = u[0].Attributes.find((a) => a.Name === 'email')?.Value ?? '';
    assert.equal([...email.matchAll(/\u0301/g)].length, 20_000);
    assert.ok(!u[1].Attributes.some((a) => a.Value.includes('\u0301')));
  });

  it('huge-field: one field of 100 KB', async () => {
    fx.emu.setAdversary({ AdminListUserAuthEvents: { mode: 'huge-field' } });
    const a = await rawCall(fx.emu, 'AdminListUserAuthEvents', { UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME });
    const first = (a.json.AuthEvents as { EventContextData: { City: string } }[])[0];
    assert.equal(first.EventContextData.City.length, 100 * 1024);
  });

  it('a behaviour on another operation leaves this one alone', async () => {
    fx.emu.setAdversary({ ListUsers: { mode: 'html-200' } });
    assert.equal((await rawCall(fx.emu, 'ListUserPools', { MaxResults: 5 })).status, 200);
  });
});

describe('adversarial mode: slow and silent servers', () => {
  it('slowloris: a valid body, one byte per interval, recorded on arrival and answered at the end', async () => {
    const emu = await startEmulator({ usersInLargePool: 10, adversary: { ListUserPools: { mode: 'slowloris', intervalMs: 1 } } });
    try {
      const x = open(emu, 'ListUserPools', { MaxResults: 1 });
      await waitFor(() => x.chunks.length > 0, 5000, 'the first byte');
      assert.deepEqual([emu.requests.length, emu.requests[0].status, emu.requests[0].adversary], [1, 0, 'slowloris']);
      assert.deepEqual(await x.ended, { ok: true });
      const text = x.text();
      assert.equal(x.chunks.length, Buffer.byteLength(text));
      assert.equal((JSON.parse(text) as { UserPools: unknown[] }).UserPools.length, 1);
      assert.equal(x.status(), 200);
      await waitFor(() => emu.requests[0].status === 200, 2000, 'the request marked answered');
    } finally {
      await emu.close();
    }
  });

  it('slowloris keeps dribbling until close(), which ends the exchange and cancels its timer', async () => {
    const emu = await startEmulator({ usersInLargePool: 10, adversary: { ListUserPools: { mode: 'slowloris', intervalMs: 20 } } });
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const x = open(emu, 'ListUserPools', { MaxResults: 10 });
    await waitFor(() => x.chunks.length >= 3, 5000, 'three bytes');
    assert.equal(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length, timersBefore + 1);
    await emu.close();
    const end = await x.ended;
    assert.equal(end.ok, false);
    assert.equal(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length, timersBefore);
  });

  it('hang: accepts and never answers; counted at once; close() ends it', async () => {
    const emu = await startEmulator({ usersInLargePool: 10 });
    emu.setAdversary({ ListUsers: { mode: 'hang' } });
    const x = open(emu, 'ListUsers', users);
    let settled = false;
    void x.ended.then(() => (settled = true));
    await waitFor(() => emu.requests.length === 1, 5000, 'the request recorded');
    assert.deepEqual([emu.requests[0].operation, emu.requests[0].status, emu.requests[0].adversary], ['ListUsers', 0, 'hang']);
    const other = await rawCall(emu, 'ListUserPools', { MaxResults: 5 });
    assert.equal(other.status, 200);
    assert.equal(settled, false);
    assert.equal(x.status(), 0);
    await emu.close();
    assert.equal((await x.ended).ok, false);
  });
});

describe('--adversary flag', () => {
  it('reads OPERATION=MODE[:ARG]', () => {
    assert.deepEqual(parseAdversaryFlag('ListUsers=empty-pages'), ['ListUsers', { mode: 'empty-pages' }]);
    assert.deepEqual(parseAdversaryFlag('ListUsers=slowloris:5000'), ['ListUsers', { mode: 'slowloris', intervalMs: 5000 }]);
    assert.deepEqual(parseAdversaryFlag('*=wrong-types:string-date'), ['*', { mode: 'wrong-types', variant: 'string-date' }]);
  });

  it('says what is wrong with a bad one', () => {
    assert.throws(() => parseAdversaryFlag('ListUsers'), /OPERATION=MODE/);
    assert.throws(() => parseAdversaryFlag('ListUsers=sloth'), /Unknown adversary mode "sloth"/);
    assert.throws(() => parseAdversaryFlag('ListUsers=wrong-types:purple'), /Unknown wrong-types variant "purple"/);
    assert.throws(() => parseAdversaryFlag('ListUsers=hang:3'), /not understood/);
  });
});
