import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiCallRecord, AuthEvent, PoolSummary, User } from '../../src/gateway/types.ts';
import { LOG_VIEW_COLUMNS } from '../../src/views/log.tsx';
import { EVENT_COLUMNS, fitColumns, POOL_COLUMNS, renderCells, renderHeader, USER_COLUMNS, type Column } from '../../src/ui/columns.ts';
import { cellWidth } from '../../src/ui/text.ts';

const NOW = Date.UTC(2026, 10, 28, 15, 0, 0);
/** The cells of a list at 80 columns: the cursor and mark columns take two. */
const AT_80 = 78;
const AT_200 = 198;

const EVENTS: AuthEvent[] = [
  { id: 'e1', createdAt: NOW - 60_000, type: 'SignIn', response: 'Fail', riskLevel: 'High', riskDecision: 'AccountTakeover', compromisedCredentials: true, ip: '203.0.113.254', city: 'São Paulo', country: 'Brazil', device: 'Chrome 120, Windows 10', challenges: [] },
  { id: 'e2', createdAt: NOW - 3_600_000, type: 'ForgotPassword', response: 'Pass', riskLevel: 'Low', riskDecision: 'NoRisk', ip: '198.51.100.7', city: 'Madrid', country: 'Spain', challenges: [], feedback: { value: 'Valid' } },
];

function rowText<T>(columns: Column<T>[], total: number, rows: T[], zone: 'utc' | 'local' = 'utc') {
  const fit = fitColumns(columns, total, rows, NOW, zone);
  const used = fit.widths.reduce((a, b) => a + b, 0) + fit.widths.length - 1;
  return { fit, used, headers: fit.columns.map((c) => c.header), lines: rows.map((r) => renderCells(fit.columns, fit.widths, r, NOW, zone)) };
}

describe('columns take their width from their content', () => {
  it('events at 80 columns keep TIME, TYPE, RISK, RESULT and IP whole, in UTC and in local time', () => {
    for (const zone of ['utc', 'local'] as const) {
      const { headers, used, lines, fit } = rowText(EVENT_COLUMNS, AT_80, EVENTS, zone);
      for (const keep of ['TIME', 'TYPE', 'RISK', 'RESULT', 'IP']) assert.ok(headers.includes(keep), `${zone}: ${keep} in ${headers.join(' ')}`);
      assert.ok(used <= AT_80, `${zone}: ${used} cells`);
      for (const line of lines) {
        for (const keep of ['TIME', 'TYPE', 'RISK', 'RESULT', 'IP']) {
          const cell = line[fit.columns.findIndex((c) => c.header === keep)];
          assert.ok(!cell.includes('…'), `${zone}: ${keep} cut to "${cell}"`);
        }
      }
      assert.match(lines[0][0], zone === 'utc' ? /^11-28 14:59:00Z/ : /^11-28 \d\d:59:00[+-]\d\d:\d\d/);
    }
  });

  it('events at 200 columns show every column', () => {
    const { headers, used } = rowText(EVENT_COLUMNS, AT_200, EVENTS);
    assert.deepEqual(headers, EVENT_COLUMNS.map((c) => c.header));
    assert.ok(used <= AT_200);
  });

  it('low-priority columns go first: device and location before age, decision or feedback', () => {
    const order = [120, 100, 90, 80, 70].map((w) => rowText(EVENT_COLUMNS, w, EVENTS).headers);
    for (let i = 1; i < order.length; i++) assert.ok(order[i].every((h) => order[i - 1].includes(h)), `${order[i]} ⊆ ${order[i - 1]}`);
    const at80 = rowText(EVENT_COLUMNS, AT_80, EVENTS).headers;
    assert.ok(!at80.includes('DEVICE') && !at80.includes('LOCATION'), at80.join(' '));
  });

  it('a 42-character pool id is shown whole at 80 columns', () => {
    const pools: PoolSummary[] = [{ id: 'ap-southeast-2_AbCdEfGhIjKlMnOpQrStUvWxYz1', name: 'customer identities (production)', createdAt: NOW }];
    assert.equal(pools[0].id.length, 42);
    const { lines, fit, used } = rowText(POOL_COLUMNS, AT_80, pools);
    assert.ok(used <= AT_80);
    assert.equal(lines[0][fit.columns.findIndex((c) => c.header === 'POOL ID')].trimEnd(), pools[0].id);
  });

  it('FORCE_CHANGE_PASSWORD is not cut while the username beside it has room to give', () => {
    const users: User[] = [
      { username: '7c9e6679-7425-40de-944b-e07fc1f90ae7', enabled: true, status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'maria.garcia+test@example.com', name: 'María García' }, mfaOptions: [], createdAt: NOW },
      { username: 'bob', enabled: false, status: 'CONFIRMED', attributes: { email: 'bob@example.com' }, mfaOptions: [], createdAt: NOW },
    ];
    const { lines, fit, used } = rowText(USER_COLUMNS, AT_80, users);
    assert.ok(used <= AT_80);
    assert.equal(lines[0][fit.columns.findIndex((c) => c.header === 'STATUS')].trimEnd(), 'FORCE_CHANGE_PASSWORD');
  });

  it('short content makes narrow columns; the spare width goes to flexible ones', () => {
    const columns: Column<string>[] = [
      { header: 'ID', min: 4, max: 30, cell: (s) => s },
      { header: 'NOTE', min: 4, max: 30, flex: true, cell: () => 'x' },
    ];
    const fit = fitColumns(columns, 40, ['abc', 'abcdef']);
    assert.deepEqual(fit.widths, [6, 33]);
    assert.deepEqual(renderHeader(fit.columns, fit.widths).map(cellWidth), [6, 33]);
  });

  it('the same rows, width and zone give the same layout object, and so do other rows laid out alike; rows needing other widths give a new one', () => {
    const rows = EVENTS.slice();
    const a = fitColumns(EVENT_COLUMNS, 150, rows, NOW, 'utc');
    assert.equal(fitColumns(EVENT_COLUMNS, 150, rows, NOW, 'utc'), a);
    assert.equal(fitColumns(EVENT_COLUMNS, 150, rows.slice(), NOW, 'utc'), a, 'the window scrolled onto rows of the same widths: rows drawn with it need no redraw');
    const wider = fitColumns(EVENT_COLUMNS, 150, [...rows, { ...EVENTS[1]!, id: 'e3', ip: '2001:db8:85a3:0000:0000:8a2e:0370:7334' }], NOW, 'utc');
    assert.notEqual(wider, a);
    assert.notDeepEqual(wider.widths, a.widths);
    assert.notEqual(fitColumns(EVENT_COLUMNS, 150, rows, NOW, 'local'), fitColumns(EVENT_COLUMNS, 150, rows, NOW, 'utc'));
  });
});

describe('columns fit the whole list, waste no width and drop blank columns first', () => {
  const user = (i: number, status: User['status'] = 'CONFIRMED'): User => ({
    username: `${String(i).padStart(4, '0')}-9e66-7425-40de-944b-e07fc1f90a`, enabled: true, status,
    attributes: { email: `firstname.lastname${i}@example.com` }, mfaOptions: [], createdAt: NOW,
  });
  const list = Array.from({ length: 40 }, (_, i) => user(i, i === 20 ? 'FORCE_CHANGE_PASSWORD' : 'CONFIRMED'));
  const widest = <T,>(c: Column<T>, rows: T[]) => Math.max(cellWidth(c.header), ...rows.map((r) => cellWidth(c.cell(r, NOW, 'utc'))));

  it('a username of 37 cells is not given 48 while the e-mail column is dropped', () => {
    const window = list.slice(10, 26);
    const fit = fitColumns(USER_COLUMNS, AT_80, window, NOW, 'utc', list);
    const headers = fit.columns.map((c) => c.header);
    assert.ok(headers.includes('EMAIL'), headers.join(' '));
    const lastFlex = fit.columns.map((c) => c.flex === true).lastIndexOf(true);
    fit.columns.forEach((c, k) => {
      if (k !== lastFlex) assert.ok(fit.widths[k] <= widest(c, window), `${c.header} is ${fit.widths[k]} wide for ${widest(c, window)}`);
    });
    assert.ok(fit.widths.reduce((a, b) => a + b, 0) + fit.widths.length - 1 <= AT_80);
  });

  it('the columns shown stay the same while scrolling, and usernames are not cut', () => {
    const seen = new Set<string>();
    for (let top = 0; top + 16 <= list.length; top += 5) {
      const window = list.slice(top, top + 16);
      const fit = fitColumns(USER_COLUMNS, AT_80, window, NOW, 'utc', list);
      seen.add(fit.columns.map((c) => c.header).join(' '));
      const lines = window.map((u) => renderCells(fit.columns, fit.widths, u, NOW));
      for (const line of lines) assert.ok(!line[0].includes('…'), `username cut: ${line[0]}`);
    }
    assert.equal(seen.size, 1, [...seen].join(' | '));
  });

  it('a column blank in every row goes before any other column is cut', () => {
    const columns: Column<{ op: string; out: string }>[] = [
      { header: 'TIME', min: 14, max: 14, cell: () => '15:00:00.123Z' },
      { header: 'OPERATION', min: 20, max: 40, flex: true, cell: (r) => r.op },
      { header: 'MS', min: 6, max: 8, align: 'right', cell: () => '1234' },
      { header: 'TRIES', min: 5, max: 5, align: 'right', cell: () => '1' },
      { header: 'RETRIED', min: 7, max: 18, drop: 1, cell: () => '' },
      { header: 'OUTCOME', min: 10, max: 60, flex: true, cell: (r) => r.out },
    ];
    const rows = [{ op: 'AdminListUserAuthEvents', out: '✖ TooManyRequestsException' }, { op: 'ListUsers', out: 'ok' }];
    const { headers, lines } = rowText(columns, AT_80, rows);
    assert.ok(!headers.includes('RETRIED'), headers.join(' '));
    for (const line of lines) for (const cell of line) assert.ok(!cell.includes('…'), `cut: ${cell}`);
  });

  it('scrolling back up does not bring back a column dropped for content seen further down', () => {
    const mixed: User[] = Array.from({ length: 40 }, (_, i) => i < 16
      ? { username: `bob${i}`, enabled: true, status: 'CONFIRMED', attributes: { email: `bob${i}@example.com`, name: `Bob Number ${i}` }, mfaOptions: [], createdAt: NOW }
      : { ...user(i, i === 30 ? 'FORCE_CHANGE_PASSWORD' : 'CONFIRMED'), attributes: { email: `firstname.lastname${i}@example.com`, name: `Some Name ${i}` } });
    const headers = (top: number) => fitColumns(USER_COLUMNS, AT_80, mixed.slice(top, top + 16), NOW, 'utc', mixed).columns.map((c) => c.header).join(' ');
    const down = [0, 8, 16, 24].map(headers);
    const bottom = down.at(-1)!;
    const up = [16, 8, 0].map(headers);
    assert.deepEqual(up, [bottom, bottom, bottom], `down: ${down.join(' | ')}; up: ${up.join(' | ')}`);
  });
});

describe('the API log at 80 columns', () => {
  it('drops RETRIED when no call in view was retried, rather than cutting the operation or the outcome', () => {
    const at = Date.UTC(2026, 10, 28, 15, 0, 0);
    const calls: ApiCallRecord[] = [
      { operation: 'AdminListUserAuthEvents', ms: 1234, ok: false, errorName: 'TooManyRequestsException', attempts: 1, at },
      { operation: 'DescribeRiskConfiguration', ms: 87, ok: false, errorName: 'ResourceNotFoundException', attempts: 1, at },
      { operation: 'ListUsers', ms: 40, ok: true, attempts: 1, at },
    ];
    const { headers, lines, used } = rowText(LOG_VIEW_COLUMNS, AT_80, calls);
    assert.ok(!headers.includes('RETRIED'), headers.join(' '));
    assert.ok(used <= AT_80);
    for (const line of lines) for (const cell of line) assert.ok(!cell.includes('…'), `cut: ${cell}`);
    const retried = [{ ...calls[0], attempts: 3, retries: { throttled: 2, server: 0, network: 0 } }, ...calls.slice(1)];
    assert.ok(rowText(LOG_VIEW_COLUMNS, 120, retried).headers.includes('RETRIED'));
  });
});
