import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { incidentReport, mdText, reportFileName, writeIncidentReport, type IncidentReportContext } from '../../src/export/incident-report.ts';
import type { JournalLine } from '../../src/journal/journal.ts';
import type { StoreKit } from '../../src/store/store-kit.ts';
import { ipRangeSpec, type RangeChange } from '../../src/writes/ip-range-spec.ts';

const POOL = 'us-east-1_Qm7Rk2Tz9';
const WHO = { arn: 'arn:aws:iam::123456789012:user/demo-oncall', account: '123456789012' };
const base = { incident: 'INC-4711', who: WHO, region: 'us-east-1', poolId: POOL };
const T0 = Date.UTC(2026, 10, 29, 9, 30, 5, 123);

/** A scripted incident: disable, sign out, one event marked Invalid, a block of its range, and a failed call. */
const LINES: JournalLine[] = [
  { ...base, at: '2026-11-29T09:10:00.000Z', action: 'AdminDisableUser', write: 'disable', target: { username: 'maria.garcia', label: 'maria.garcia' }, parameters: {}, outcome: 'ok', requestId: 'req-1' },
  { ...base, at: '2026-11-29T09:11:00.000Z', action: 'AdminUserGlobalSignOut', write: 'sign out', target: { username: 'maria.garcia', label: 'maria.garcia' }, parameters: {}, outcome: 'ok', requestId: 'req-2' },
  {
    ...base, at: '2026-11-29T09:12:00.000Z', action: 'AdminUpdateAuthEventFeedback', write: 'feedback Invalid',
    target: { username: 'maria.garcia', eventId: 'evt-9', label: 'SignIn 09:01' }, parameters: { value: 'Invalid' }, outcome: 'ok',
  },
  {
    ...base, at: '2026-11-29T09:13:00.000Z', action: 'SetRiskConfiguration', write: 'risk exceptions',
    target: { username: '(risk configuration of the pool)', label: '203.0.113.0/24' },
    parameters: { list: 'blocked', op: 'add', range: '203.0.113.0/24' }, outcome: 'ok',
  },
  {
    ...base, at: '2026-11-29T09:14:00.000Z', action: 'AdminDisableUser', write: 'disable', target: { username: 'bob|`x`\nline', label: 'bob' },
    parameters: {}, outcome: 'failed', message: 'AccessDeniedException: not allowed cognito-idp:AdminDisableUser', requestId: 'req-5',
  },
];

const CTX: IncidentReportContext = { incident: 'INC-4711', day: '2026-11-29', now: T0, clients: [] };

/** The report's sections by their heading; the title block under "title". */
function sections(report: string): Map<string, string> {
  const [title, ...rest] = report.split('\n\n## ');
  return new Map([['title', title!], ...rest.map((s): [string, string] => [s.slice(0, s.indexOf('\n')), s.slice(s.indexOf('\n') + 1).trim()])]);
}

describe('incident report: a scripted incident, section by section', () => {
  const report = sections(incidentReport(LINES, CTX));

  it('has the sections in order', () => {
    assert.deepEqual([...report.keys()], ['title', 'Timeline (UTC)', 'Users touched', 'IP ranges blocked or skipped', 'Risk-configuration changes', 'Events tagged', 'Calls that failed', 'Residual exposure']);
  });

  it('titles the incident, its period and who acted', () => {
    assert.equal(report.get('title'), [
      '# Incident report: INC-4711',
      '',
      '- Generated: 2026-11-29T09:30:05Z by cognito-tui from its journal',
      '- Scope: every journal line filed under incident INC-4711',
      '- Period: 2026-11-29 09:10:00Z to 2026-11-29 09:14:00Z (UTC)',
      '- Acted: arn:aws:iam::123456789012:user/demo-oncall (account 123456789012)',
      `- Pools: ${POOL}`,
      '- Connection: region us-east-1',
      '- Actions: 5 (4 ok, 1 failed)',
    ].join('\n'));
  });

  it('has a timeline of every line with time, action, target and outcome', () => {
    assert.equal(report.get('Timeline (UTC)'), [
      '| Time (UTC) | Action | Target | Outcome |',
      '|---|---|---|---|',
      `| 2026-11-29 09:10:00Z | AdminDisableUser (disable) | maria.garcia in ${POOL} | ok |`,
      `| 2026-11-29 09:11:00Z | AdminUserGlobalSignOut (sign out) | maria.garcia in ${POOL} | ok |`,
      `| 2026-11-29 09:12:00Z | AdminUpdateAuthEventFeedback (feedback Invalid) | maria.garcia event evt-9 in ${POOL} | ok |`,
      `| 2026-11-29 09:13:00Z | SetRiskConfiguration (risk exceptions) | 203.0.113.0/24 on pool ${POOL} | ok |`,
      `| 2026-11-29 09:14:00Z | AdminDisableUser (disable) | bob\\|\\\`x\\\` line in ${POOL} | failed |`,
    ].join('\n'));
  });

  it('lists the users touched with what was done to each', () => {
    assert.equal(report.get('Users touched'), [
      '| User | Pool | What was done (outcome) |',
      '|---|---|---|',
      `| maria.garcia | ${POOL} | disable: ok; sign out: ok; feedback Invalid on event evt-9: ok |`,
      `| bob\\|\\\`x\\\` line | ${POOL} | disable: failed |`,
    ].join('\n'));
  });

  it('lists the ranges blocked with their list and change', () => {
    assert.equal(report.get('IP ranges blocked or skipped'), [
      '| Time (UTC) | Range | List | Change | Where | Outcome |',
      '|---|---|---|---|---|---|',
      `| 2026-11-29 09:13:00Z | 203.0.113.0/24 | always block (BlockedIPRangeList) | added | pool ${POOL} | ok |`,
    ].join('\n'));
  });

  it('lists the risk-configuration changes as diffs, apart from the ranges', () => {
    const edit: JournalLine = {
      ...base, at: '2026-11-29T09:13:30.000Z', action: 'SetRiskConfiguration', write: 'risk configuration',
      target: { username: '(risk configuration web)', label: 'web' },
      parameters: { 'accountTakeover.high.action': 'NO_ACTION → MFA_REQUIRED', clientId: 'web1' }, outcome: 'ok',
    };
    const withEdit = sections(incidentReport([...LINES, edit], CTX));
    assert.equal(withEdit.get('Risk-configuration changes'), [
      '| Time (UTC) | Where | Changed fields (old → new) | Outcome |',
      '|---|---|---|---|',
      `| 2026-11-29 09:13:30Z | app client web1 of ${POOL} | accountTakeover.high.action: NO_ACTION → MFA_REQUIRED | ok |`,
    ].join('\n'));
    assert.equal(withEdit.get('IP ranges blocked or skipped'), report.get('IP ranges blocked or skipped'));
    assert.equal(report.get('Risk-configuration changes'), 'None.');
  });

  it('lists the events tagged with their feedback', () => {
    assert.equal(report.get('Events tagged'), [
      '| Time (UTC) | User | Event | Feedback | Outcome |',
      '|---|---|---|---|---|',
      '| 2026-11-29 09:12:00Z | maria.garcia | evt-9 | Invalid | ok |',
    ].join('\n'));
  });

  it('lists the calls that failed with why', () => {
    assert.equal(report.get('Calls that failed'), [
      '| Time (UTC) | Action | Target | Outcome | Why | Request id |',
      '|---|---|---|---|---|---|',
      `| 2026-11-29 09:14:00Z | AdminDisableUser (disable) | bob\\|\\\`x\\\` line in ${POOL} | failed | AccessDeniedException: not allowed cognito-idp:AdminDisableUser | req-5 |`,
    ].join('\n'));
  });

  it('states the residual exposure with the default token validity when no client was read', () => {
    const text = report.get('Residual exposure')!;
    assert.match(text, /access and ID tokens already issued: they stay valid until they expire/);
    assert.match(text, /up to the clients' access\/ID token validity \(1 hour by default\)\.$/);
  });

  it('gives the token validity of the app clients the app has read', () => {
    const clients = [{ poolId: POOL, id: 'c1', name: 'web', accessTokenValidity: { value: 30, unit: 'minutes' }, idTokenValidity: { value: 1, unit: 'hours' } }];
    const text = sections(incidentReport(LINES, { ...CTX, clients })).get('Residual exposure')!;
    assert.match(text, new RegExp(`\\| web \\| c1 \\| ${POOL} \\| 30 minutes \\| 1 hour \\|`));
    assert.doesNotMatch(text, /1 hour by default/);
  });

  it('says None for an empty section and names the day when no incident is named', () => {
    const day = sections(incidentReport(LINES.slice(0, 2).map(({ incident: _, ...l }) => l), { ...CTX, incident: undefined }));
    assert.match(day.get('title')!, /^# Journal report: 2026-11-29 \(UTC\)$/m);
    assert.equal(day.get('Events tagged'), 'None.');
    assert.equal(day.get('Calls that failed'), 'None.');
    assert.equal(day.get('IP ranges blocked or skipped'), 'None.');
  });
});

describe('incident report: untrusted text', () => {
  it('escapes Markdown and strips control characters', () => {
    assert.equal(mdText('a|b`c`*d*_e_[f](g)<h>'), 'a\\|b\\`c\\`\\*d\\*\\_e\\_\\[f\\](g)\\<h\\>');
    assert.equal(mdText('x\u001b[31mred\u0007\r\ny\u202Ez'), 'x\\[31mred yz');
    assert.equal(mdText('us-east-1_Ab _x_ &amp; & #1'), 'us-east-1_Ab \\_x\\_ \\&amp; & #1');
  });

  it('keeps a hostile username from breaking out of its table row or adding ANSI', () => {
    const hostile = { ...LINES[0]!, target: { username: 'evil\n| x | y |\n# Owned\u001b[2J', label: 'evil' } };
    const report = incidentReport([hostile], CTX);
    assert.doesNotMatch(report, /\u001b/);
    assert.doesNotMatch(report, /^# Owned/m);
    const row = report.split('\n').find((l) => l.includes('evil'))!;
    assert.equal(row.split(/(?<!\\)\|/).length, 6, 'a four-column row stays four columns');
  });
});

describe('incident report: file names', () => {
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'cognito-tui-report-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  it('names the file after the incident reduced to letters, digits, - and _, and the UTC time', () => {
    assert.equal(reportFileName({ incident: 'INC 4711/../ä.x', day: '2026-11-29', now: T0 }), 'incident-INC_4711_x-20261129T093005Z.md');
    assert.equal(reportFileName({ day: '2026-11-29', now: T0 }), 'incident-2026-11-29-20261129T093005Z.md');
    assert.equal(reportFileName({ day: '2026-11-29', now: T0, attempt: 2 }), 'incident-2026-11-29-20261129T093005Z-2.md');
  });

  it('never overwrites a file: a report in the same second gets a suffix, a later one a new time', async () => {
    const first = await writeIncidentReport(dir, LINES, CTX);
    const second = await writeIncidentReport(dir, LINES.slice(0, 1), CTX);
    const later = await writeIncidentReport(dir, LINES, { ...CTX, now: T0 + 1000 });
    assert.equal(basename(first), 'incident-INC-4711-20261129T093005Z.md');
    assert.equal(basename(second), 'incident-INC-4711-20261129T093005Z-2.md');
    assert.equal(basename(later), 'incident-INC-4711-20261129T093006Z.md');
    assert.equal(await readFile(first, 'utf8'), incidentReport(LINES, CTX));
    assert.equal(await readFile(second, 'utf8'), incidentReport(LINES.slice(0, 1), CTX));
    assert.equal((await readdir(dir)).length, 3);
  });

  it('keeps a file already there untouched', async () => {
    const taken = join(dir, reportFileName({ incident: 'taken', day: '2026-11-29', now: T0 }));
    await writeFile(taken, 'mine');
    const path = await writeIncidentReport(dir, LINES, { ...CTX, incident: 'taken' });
    assert.notEqual(path, taken);
    assert.equal(await readFile(taken, 'utf8'), 'mine');
  });
});

describe('incident report: a range change journals what the report needs', () => {
  it('records the list, the change, the range and the app client', () => {
    const spec = ipRangeSpec({} as StoreKit, {});
    const change: RangeChange = { poolId: POOL, list: 'skipped', op: 'remove', cidr: '198.51.100.0/24', base: {} as RangeChange['base'] };
    assert.deepEqual(spec.parameters!(change), { list: 'skipped', op: 'remove', range: '198.51.100.0/24' });
    assert.deepEqual(spec.parameters!({ ...change, clientId: 'c1' }), { list: 'skipped', op: 'remove', range: '198.51.100.0/24', clientId: 'c1' });
  });
});
