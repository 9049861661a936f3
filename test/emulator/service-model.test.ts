import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { PROTOCOL_ERRORS } from '../../src/emulator/errors.ts';
import { LARGE_POOL_ID, OVERRIDE_RISK_CLIENT_ID, TAKEOVER_USERNAME } from '../../src/emulator/index.ts';
import { OPERATION_ERRORS, OPERATIONS } from '../../src/emulator/cognito/operations/index.ts';
import { rawCall, useEmulator } from './helpers.ts';
import { checkOutput, loadServiceModel, satisfies, SERVICE_MODEL_PATH, violationsOf, type OutputMismatch, type ServiceModel } from './service-model.ts';

const model = loadServiceModel();
const inCi = process.env.CI === 'true';
const absent = `AWS's service model of Cognito is not installed (${SERVICE_MODEL_PATH}[.gz]): apt-get install python3-botocore`;

/**
 * Valid values of the members the operations take, by member name. Everything else (which members exist, which are
 * required, their constraints, the errors and enums) is read from the model, and each sample is checked against it.
 */
const SAMPLES: Record<string, unknown> = {
  UserPoolId: LARGE_POOL_ID,
  Username: TAKEOVER_USERNAME,
  ClientId: OVERRIDE_RISK_CLIENT_ID,
  GroupName: 'support',
  EventId: '0f1e2d3c-4b5a-4697-8877-665544332211',
  FeedbackValue: 'Valid',
  MaxResults: 10,
  Limit: 10,
  NextToken: 'sample-token',
  PaginationToken: 'sample-token',
  Filter: 'username ^= "m"',
  AttributesToGet: ['email'],
  DeviceKey: 'us-east-1_0f1e2d3c-4b5a-4697-8877-665544332211',
  ClientMetadata: { source: 'cognito-tui' },
  CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN'], Actions: { EventAction: 'BLOCK' } },
  AccountTakeoverRiskConfiguration: { Actions: { HighAction: { Notify: false, EventAction: 'BLOCK' } } },
  RiskExceptionConfiguration: { BlockedIPRangeList: ['203.0.113.0/24'], SkippedIPRangeList: [] },
};

/** Values for one operation in place of SAMPLES, e.g. a user AdminDeleteUser may delete without changing the others' answers. */
const OPERATION_SAMPLES: Record<string, Record<string, unknown>> = {};

/**
 * Enum values AWS documents that are missing from an older installed model (Debian bookworm ships botocore 1.29, of
 * December 2022). Accepted only while the installed model lacks them, and reported when used.
 */
const NEWER_ENUM_VALUES: Record<string, readonly string[]> = {
  // API reference, UserType.UserStatus: "EXTERNAL_PROVIDER: User signed in with a third-party IdP."
  UserStatusType: ['EXTERNAL_PROVIDER'],
};

/** The operations the app sends: every Command the SDK client module imports. */
function appOperations(): string[] {
  const source = readFileSync(new URL('../../src/gateway/sdk-client.ts', import.meta.url), 'utf8');
  return [...new Set([...source.matchAll(/\b([A-Z][A-Za-z]+)Command\b/g)].map((m) => m[1]))];
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function inputOf(m: ServiceModel, operation: string) {
  const shape = m.shapes[m.operations[operation].input!.shape];
  return { members: shape.members ?? {}, required: shape.required ?? [] };
}

function baseRequest(m: ServiceModel, operation: string): Record<string, unknown> {
  const { required } = inputOf(m, operation);
  return Object.fromEntries(required.map((name) => [name, OPERATION_SAMPLES[operation]?.[name] ?? SAMPLES[name]]));
}

function declaredErrors(m: ServiceModel, operation: string): string[] {
  return (m.operations[operation].errors ?? []).map((e) => e.shape);
}

if (!model && inCi) {
  describe('the emulator against AWS\'s published service model', () => {
    it('finds the service model (CI installs python3-botocore)', () => assert.fail(absent));
  });
}

describe('the emulator against AWS\'s published service model', { skip: model ? false : absent }, () => {
  const m = model as ServiceModel;
  const fx = useEmulator({ usersInLargePool: 300 });
  const implemented = [...OPERATIONS.keys()].filter((op) => m.operations[op] !== undefined);
  const newerThanModel = [...OPERATIONS.keys()].filter((op) => m.operations[op] === undefined);

  before(async () => {
    const listed = await rawCall(fx.emu, 'ListUsers', { UserPoolId: LARGE_POOL_ID, Limit: 60 });
    const users = listed.json.Users as Array<{ Username: string }>;
    const victim = users.map((u) => u.Username).filter((name) => name !== TAKEOVER_USERNAME).at(-1);
    assert.ok(victim, 'a user to delete');
    OPERATION_SAMPLES.AdminDeleteUser = { Username: victim };
  });

  it('answers operations missing from the installed model only where the SDK (a newer model) has them', async () => {
    const sdk = (await import('@aws-sdk/client-cognito-identity-provider')) as Record<string, unknown>;
    for (const op of newerThanModel) {
      assert.equal(typeof sdk[`${op}Command`], 'function', `${op} is not in the installed model, so the SDK must know it`);
      assert.ok(OPERATION_ERRORS.has(op), `${op} declares the errors it may answer`);
    }
  });

  it('implements every operation the app sends, and every one it implements is in the model with a declared error table', () => {
    const used = appOperations();
    assert.ok(used.length >= 10, `found the app's operations: ${used.join(', ')}`);
    for (const op of used) assert.ok(OPERATIONS.has(op), `the emulator answers ${op}, which the app sends`);
    for (const op of implemented) {
      assert.ok(m.operations[op], `${op} is an operation of the model`);
      assert.ok(OPERATION_ERRORS.has(op), `${op} declares the errors it may answer`);
    }
  });

  it('every sample value satisfies the model\'s constraints for its member', () => {
    for (const op of implemented) {
      for (const [name, { shape }] of Object.entries(inputOf(m, op).members)) {
        const s = m.shapes[shape];
        const sample = SAMPLES[name];
        assert.notEqual(sample, undefined, `a sample for ${op}.${name}`);
        if (s.type === 'string') assert.ok(satisfies(s, sample as string), `${op}.${name} sample ${JSON.stringify(sample)} fits ${shape}`);
        if (s.type === 'integer') assert.ok((sample as number) >= (s.min ?? -Infinity) && (sample as number) <= (s.max ?? Infinity));
        if (s.type === 'list') for (const item of sample as string[]) assert.ok(satisfies(m.shapes[s.member!.shape], item));
      }
    }
  });

  it('the errors each operation may answer are declared for it in the model', () => {
    for (const op of implemented) {
      const declared = declaredErrors(m, op);
      for (const error of OPERATION_ERRORS.get(op) ?? []) assert.ok(declared.includes(error), `${op} may answer ${error}, which the model declares: ${declared.join(', ')}`);
    }
  });

  it('a request that breaks any input constraint of the model is an InvalidParameterException naming that member', async () => {
    let sent = 0;
    for (const op of implemented) {
      const base = baseRequest(m, op);
      const answer = await rawCall(fx.emu, op, base);
      assert.notEqual(answer.json.__type, 'InvalidParameterException', `${op} with valid samples passes validation: ${JSON.stringify(answer.json)}`);
      const { members, required } = inputOf(m, op);
      for (const [name, { shape }] of Object.entries(members)) {
        const s = m.shapes[shape];
        const breaks = s.type === 'list'
          ? violationsOf(m.shapes[s.member!.shape], (SAMPLES[name] as string[])[0]).map((v) => ({ ...v, value: [v.value] }))
          : violationsOf(s, SAMPLES[name]);
        if (required.includes(name)) breaks.push({ constraint: 'required', value: undefined });
        for (const { constraint, value } of breaks) {
          const body = { ...base, [name]: value };
          if (value === undefined) delete body[name];
          const res = await rawCall(fx.emu, op, body);
          sent += 1;
          const where = `${op}.${name} (${constraint}, ${JSON.stringify(value)?.slice(0, 40)})`;
          assert.equal(res.status, 400, where);
          assert.equal(res.json.__type, 'InvalidParameterException', `${where}: ${JSON.stringify(res.json)}`);
          assert.match(String(res.json.message), new RegExp(`at '${lowerFirst(name)}' failed to satisfy constraint`), where);
        }
      }
    }
    assert.ok(sent > 60, `${sent} violating requests`);
  });

  it('every error the emulator answers for a missing pool, user, client, group, event or add-on is declared for the operation', async () => {
    const answered = new Map<string, Set<string>>();
    const pools = fx.emu.pools.map((p) => p.id);
    for (const op of implemented) {
      const base = baseRequest(m, op);
      const variants: Array<Record<string, unknown>> = [base];
      for (const pool of pools) if ('UserPoolId' in base) variants.push({ ...base, UserPoolId: pool });
      for (const name of Object.keys(base)) {
        const s = m.shapes[inputOf(m, op).members[name].shape];
        if (s.type === 'string' && s.enum === undefined) variants.push({ ...base, [name]: `${String(base[name])}Zz9` });
      }
      for (const token of ['NextToken', 'PaginationToken']) if (token in inputOf(m, op).members) variants.push({ ...base, [token]: 'not-a-token-of-this-server' });
      for (const body of variants) {
        const res = await rawCall(fx.emu, op, body);
        if (res.status === 200) continue;
        const type = String(res.json.__type);
        const seen = answered.get(op) ?? new Set<string>();
        seen.add(type);
        answered.set(op, seen);
        assert.ok(declaredErrors(m, op).includes(type), `${op} answered ${type} (${JSON.stringify(body)}), which the model does not declare for it`);
        assert.ok(OPERATION_ERRORS.get(op)?.includes(type), `${op} answered ${type}, missing from the emulator's table`);
      }
    }
    assert.ok([...answered.values()].some((s) => s.has('UserNotFoundException')), 'some missing users were exercised');
    assert.ok(answered.get('AdminListUserAuthEvents')?.has('UserPoolAddOnNotEnabledException'), 'a pool without threat protection was exercised');
    assert.ok(answered.get('AdminListDevices')?.has('ResourceNotFoundException'));
  });

  it('protocol errors are the AWS JSON protocol\'s own, not operation errors the model would have to declare', () => {
    for (const name of PROTOCOL_ERRORS) assert.equal(m.shapes[name], undefined, `${name} is not a Cognito error shape`);
  });

  it('every enum value and typed member in the emulator\'s answers is one the model allows', async (t) => {
    const found = { mismatches: [] as OutputMismatch[], unknown: new Set<string>(), newer: new Set<string>() };
    let checked = 0;
    for (const op of implemented) {
      const base = baseRequest(m, op);
      const bodies = [base, ...fx.emu.pools.map((p) => ({ ...base, UserPoolId: p.id }))];
      if (op === 'DescribeRiskConfiguration') bodies.push({ ...base, ClientId: OVERRIDE_RISK_CLIENT_ID });
      if (op === 'ListUsers') for (const p of fx.emu.pools) bodies.push({ UserPoolId: p.id, Limit: 60 });
      for (const body of bodies) {
        const res = await rawCall(fx.emu, op, body);
        if (res.status !== 200) continue;
        checked += 1;
        const output = m.operations[op].output;
        if (output === undefined) assert.deepEqual(res.json, {}, `${op} declares no output and answers an empty object`);
        else checkOutput(m, output.shape, res.json, op, found, NEWER_ENUM_VALUES);
      }
    }
    if (found.unknown.size > 0) t.diagnostic(`members newer than this model (${SERVICE_MODEL_PATH}): ${[...found.unknown].sort().join(', ')}`);
    if (found.newer.size > 0) t.diagnostic(`enum values AWS documents that this model predates: ${[...found.newer].sort().join(', ')}`);
    assert.ok(checked >= implemented.length, `${checked} answers walked`);
    assert.deepEqual(found.mismatches, []);
  });
});
