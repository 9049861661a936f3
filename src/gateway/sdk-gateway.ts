import type * as Sdk from '@aws-sdk/client-cognito-identity-provider';
import { list, obj, text } from './answer-checks.ts';
import { CallGuard } from './call-guard.ts';
import { abortedError, classifyFailure, classifyWriteFailure, failureFacts, readDeadlineError, retryCause, writeDeadlineError, type GatewayError } from './errors.ts';
import { noRetries, retryDelayMs, totalRetries } from './read-retry.ts';
import { checkAnswersOf, userPageOf } from './sdk-answer-check.ts';
import { requestIdField, requestIdOfAnswer, requestIdOfError } from './request-id.ts';
import { sdkWhoAmI } from './sdk-who-am-i.ts';
import { sdkLogsMethods } from './sdk-logs.ts';
import { sdkRiskPulse } from './sdk-metrics.ts';
import {
  toAppClient, toAuthEvent, toDevice, toGroup, toPoolSummary, toRiskConfiguration, toUser,
} from './sdk-shapes.ts';
import { toAppClientDetail, toPoolDetail } from './sdk-pool-shapes.ts';
import { toRiskSections } from './sdk-risk-input.ts';
import {
  PAGE_SIZE, type ApiCallRecord, type CallOptions, type CognitoGateway, type FeedbackValue, type GatewayTarget, type Page,
  type RetryCounts,
} from './types.ts';

/** The default overall deadline of one call (connect, every attempt, the whole body), reads and writes alike. */
export const DEFAULT_DEADLINE_MS = 30_000;

/** Connecting may take this long; the call's own deadline bounds everything after. */
const CONNECT_TIMEOUT_MS = 4000;

/** The SDK's HTTP handler would warn on the console, over the screen; the gateway reports every failure itself. */
const SILENT = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** How to reach Cognito: the SDK's default credential chain unless static credentials are given (the demo). */
export interface SdkGatewayOptions {
  region?: string;
  profile?: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Attempts per read call, including the first; throttles, 5xx answers and lost connections are retried. Default 4. */
  maxReadAttempts?: number;
  /** First wait before a read retry, ms (a throttle waits 5× longer); doubled per retry, with full jitter. Default 100. */
  readRetryBaseMs?: number;
  /** Milliseconds between write retries after throttling; its length is the number of retries. */
  writeRetryDelaysMs?: number[];
  /** Overall deadline of a read, all attempts included (connect + whole body), ms. Default 30 s. */
  readDeadlineMs?: number;
  /** Overall deadline of a write, ms; when it passes with the request in flight, the outcome is reported unknown. Default 30 s. */
  writeDeadlineMs?: number;
  /** Read pages of users (ListUsers, ListUsersInGroup) straight from the answer's body rather than through the SDK's deserializer. Default true. */
  userPagesFromBody?: boolean;
  /**
   * Send pages of users (with userPagesFromBody) as the SDK sent the first one, signed by its signer, without its
   * per-request middleware (sdk-page-send.ts). Default true.
   */
  directUserPages?: boolean;
}

type SdkModule = typeof import('./sdk-client.ts');

type PageSender = import('./sdk-page-send.ts').PageSender;

type Client = Sdk.CognitoIdentityProviderClient;

/** The SDK module and the one client every call goes through (the SDK itself never retries: the gateway does). */
interface Clients {
  sdk: SdkModule;
  client: Client;
  /** Sends pages of users without the SDK's per-request middleware, once the SDK sent one; absent when turned off. */
  pages?: PageSender;
}

/** How a call is retried: a read on throttles, 5xx and lost connections; a sweep read never; a write only on throttles. */
type CallKind = 'read' | 'sweep' | 'write';

/** Sends one request through the client with the call's abort signal, and maps the answer. */
type Run<T> = (sdk: SdkModule, client: Client, abortSignal: AbortSignal, pages?: PageSender) => Promise<T>;

/** What `callOn` takes besides the call: the caller's signal, how to read a request id, the service's IAM prefix. */
interface CallOnOptions<T> {
  signal?: AbortSignal;
  requestIdOf?: (value: T) => string | undefined;
  service?: string;
}

/** Builds the gateway over the AWS SDK; the SDK itself loads on the first call, off the start-up path. */
export function createSdkGateway(options: SdkGatewayOptions): CognitoGateway {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? '';
  const target: GatewayTarget = { region: region || undefined, endpoint: options.endpoint, profile: options.profile };
  const listeners = new Set<(r: ApiCallRecord) => void>();
  let sweepGateway: CognitoGateway | undefined;
  let loaded: Promise<Clients> | undefined;
  const writeDelays = options.writeRetryDelaysMs ?? [250, 750, 2000];
  const maxReadAttempts = Math.max(1, options.maxReadAttempts ?? 4);
  const retryBaseMs = options.readRetryBaseMs ?? 100;
  const readDeadlineMs = options.readDeadlineMs ?? DEFAULT_DEADLINE_MS;
  const writeDeadlineMs = options.writeDeadlineMs ?? DEFAULT_DEADLINE_MS;
  const failureContext = (operation: string) => ({ operation, endpoint: options.endpoint, region: region || undefined, profile: options.profile });

  /** What every SDK client of the gateway is built with: `--endpoint-url` applies to every service; without it each SDK finds its own. */
  const clientConfig = {
    ...(region ? { region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestHandler: {
      connectionTimeout: CONNECT_TIMEOUT_MS,
      requestTimeout: Math.max(readDeadlineMs, writeDeadlineMs) + CONNECT_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      logger: SILENT,
    },
  };

  function clients(): Promise<Clients> {
    const userPages = options.userPagesFromBody ?? true;
    const direct = userPages && (options.directUserPages ?? true);
    loaded ??= Promise.all([import('./sdk-client.ts'), direct ? import('./sdk-page-send.ts') : undefined]).then(([sdk, send]) => {
      const client = new sdk.CognitoIdentityProviderClient({ ...clientConfig, maxAttempts: 1 });
      checkAnswersOf(client, userPages);
      return { sdk, client, pages: send?.pageSenderOf(client) };
    });
    return loaded;
  }

  function notify(record: ApiCallRecord) {
    for (const listener of listeners) listener(record);
  }

  function mayRetry(kind: CallKind, cause: keyof RetryCounts, attempts: number): boolean {
    if (kind === 'read') return attempts < maxReadAttempts;
    if (kind === 'write') return cause === 'throttled' && attempts <= writeDelays.length;
    return false;
  }

  /**
   * Runs one call: retries it as its kind allows, within one overall deadline, stopping at once when the caller's
   * signal aborts; tells the listeners how it went (attempts, retries by cause, aborted) and turns any failure
   * into a GatewayError.
   */
  function call<T>(operation: string, kind: CallKind, run: Run<T>, signal?: AbortSignal, requestIdOf?: (value: T) => string | undefined): Promise<T> {
    return callOn(operation, kind, clients, (c, abortSignal) => run(c.sdk, c.client, abortSignal, c.pages), { signal, requestIdOf });
  }

  /** Runs one call as `call` does, through any lazily loaded client (`load`); `service` names its IAM prefix. */
  async function callOn<C, T>(operation: string, kind: CallKind, load: () => Promise<C>, run: (c: C, abortSignal: AbortSignal) => Promise<T>,
    opts: CallOnOptions<T> = {}): Promise<T> {
    const { signal, requestIdOf, service } = opts;
    const started = performance.now();
    const deadlineMs = kind === 'write' ? writeDeadlineMs : readDeadlineMs;
    const guard = new CallGuard(deadlineMs, signal);
    const retries = noRetries();
    let attempts = 0;
    let inFlight = false;
    let lastError: unknown;
    const report = (ok: boolean, extra: Partial<ApiCallRecord> = {}) => notify({
      operation, ms: performance.now() - started, ok, attempts, ...(totalRetries(retries) > 0 ? { retries: { ...retries } } : {}), ...extra,
    });
    const classify = (error: unknown): GatewayError =>
      (kind === 'write' ? classifyWriteFailure : classifyFailure)(failureFacts(error), { ...failureContext(operation), ...(service ? { service } : {}) });
    /** At the deadline: a read timed out; a write in flight has an unknown outcome; one between attempts failed as the last one did. */
    const deadlineFailure = (): GatewayError => {
      if (kind === 'write' && inFlight) return writeDeadlineError(operation, deadlineMs);
      if (kind === 'write' && lastError !== undefined) return classify(lastError);
      return readDeadlineError(operation, deadlineMs, service);
    };
    try {
      const c = await guard.race(load());
      for (;;) {
        attempts++;
        inFlight = true;
        try {
          const value = await guard.race(run(c, guard.signal));
          report(true, requestIdField(requestIdOf?.(value)));
          return value;
        } catch (error) {
          if (guard.reason !== undefined) throw error;
          inFlight = false;
          lastError = error;
          const cause = retryCause(failureFacts(error));
          if (cause === undefined || !mayRetry(kind, cause, attempts)) throw error;
          retries[cause]++;
          await guard.sleep(kind === 'write' ? writeDelays[attempts - 1] : retryDelayMs(attempts, cause, retryBaseMs));
        }
      }
    } catch (error) {
      if (guard.reason === 'aborted') {
        report(false, { aborted: true, errorName: 'aborted' });
        throw abortedError(operation);
      }
      const facts = failureFacts(error);
      const failure = guard.reason === 'deadline' ? deadlineFailure() : classify(error);
      const because = guard.reason === undefined ? retryCause(facts) : undefined;
      report(false, { errorName: logName(failure, facts.code), ...(because ? { failedBecause: because } : {}), ...requestIdField(requestIdOfError(error)) });
      throw failure;
    } finally {
      guard.dispose();
    }
  }

  const listUsers = (kind: CallKind): CognitoGateway['listUsers'] => (poolId, filter, token, opts) =>
    call('ListUsers', kind, async (sdk, client, abortSignal, pages) => {
      const input = { UserPoolId: poolId, Limit: PAGE_SIZE, PaginationToken: token, ...(filter ? { Filter: filter } : {}) };
      if (pages?.ready('ListUsers')) return pages.send('ListUsers', input, abortSignal);
      const out = await client.send(new sdk.ListUsersCommand(input), { abortSignal });
      return userPageOf(out) ?? page(list(out.Users, 'Users').map(toUser), out.PaginationToken, 'PaginationToken');
    }, opts?.signal);

  const listAuthEvents = (kind: CallKind): CognitoGateway['listAuthEvents'] => (poolId, username, token, opts) =>
    call('AdminListUserAuthEvents', kind, async (sdk, client, abortSignal) => {
      const out = await client.send(new sdk.AdminListUserAuthEventsCommand({
        UserPoolId: poolId, Username: username, MaxResults: PAGE_SIZE, NextToken: token,
      }), { abortSignal });
      return page(list(out.AuthEvents, 'AuthEvents').map(toAuthEvent), out.NextToken, 'NextToken');
    }, opts?.signal);

  const write = (operation: string, send: (sdk: SdkModule, client: Client, abortSignal: AbortSignal) => Promise<unknown>): Promise<void> =>
    call(operation, 'write', async (sdk, client, abortSignal) => requestIdOfAnswer(await send(sdk, client, abortSignal)), undefined, (id) => id).then(() => undefined);

  const gateway: CognitoGateway = {
    ...sdkLogsMethods({ callOn, cognito: clients, clientConfig }),
    target,
    async resolveTarget() {
      if (region) return target;
      const { client } = await clients();
      const resolved = await client.config.region();
      return { ...target, region: resolved || target.region };
    },
    whoAmI: sdkWhoAmI({ region: region || undefined, profile: options.profile, endpoint: options.endpoint, credentials: options.credentials, deadlineMs: Math.min(readDeadlineMs, 5000) }),
    riskPulse: sdkRiskPulse({ region: region || undefined, profile: options.profile, endpoint: options.endpoint, credentials: options.credentials, deadlineMs: readDeadlineMs }, notify),
    subscribeCalls(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    forSweep() {
      sweepGateway ??= { ...gateway, listUsers: listUsers('sweep'), listAuthEvents: listAuthEvents('sweep') };
      return sweepGateway;
    },
    listUserPools: (token, opts?: CallOptions) => call('ListUserPools', 'read', async (sdk, client, abortSignal) => {
      const out = await client.send(new sdk.ListUserPoolsCommand({ MaxResults: PAGE_SIZE, NextToken: token }), { abortSignal });
      return page(list(out.UserPools, 'UserPools').map(toPoolSummary), out.NextToken, 'NextToken');
    }, opts?.signal),
    describeUserPool: (poolId, opts) => call('DescribeUserPool', 'read', async (sdk, client, abortSignal) => {
      const out = await client.send(new sdk.DescribeUserPoolCommand({ UserPoolId: poolId }), { abortSignal });
      return toPoolDetail(obj(out.UserPool, 'UserPool') ?? {}, poolId);
    }, opts?.signal),
    listAppClients: (poolId, token, opts) => call('ListUserPoolClients', 'read', async (sdk, client, abortSignal) => {
      const out = await client.send(new sdk.ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: PAGE_SIZE, NextToken: token }), { abortSignal });
      return page(list(out.UserPoolClients, 'UserPoolClients').map(toAppClient), out.NextToken, 'NextToken');
    }, opts?.signal),
    describeAppClient: (poolId, clientId, opts) => call('DescribeUserPoolClient', 'read', async (sdk, client, abortSignal) => {
      const out = await client.send(new sdk.DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }), { abortSignal });
      const answered = obj(out.UserPoolClient, 'UserPoolClient') ?? {};
      try {
        return toAppClientDetail(answered);
      } finally {
        delete answered.ClientSecret;
      }
    }, opts?.signal),
    listGroups: (poolId, token, opts) => call('ListGroups', 'read', async (sdk, client, abortSignal) => {
      const out = await client.send(new sdk.ListGroupsCommand({ UserPoolId: poolId, Limit: PAGE_SIZE, NextToken: token }), { abortSignal });
      return page(list(out.Groups, 'Groups').map(toGroup), out.NextToken, 'NextToken');
    }, opts?.signal),
    listUsersInGroup: (poolId, groupName, token, opts) => call('ListUsersInGroup', 'read', async (sdk, client, abortSignal, pages) => {
      const input = { UserPoolId: poolId, GroupName: groupName, Limit: PAGE_SIZE, NextToken: token };
      if (pages?.ready('ListUsersInGroup')) return pages.send('ListUsersInGroup', input, abortSignal);
      const out = await client.send(new sdk.ListUsersInGroupCommand(input), { abortSignal });
      return userPageOf(out) ?? page(list(out.Users, 'Users').map(toUser), out.NextToken, 'NextToken');
    }, opts?.signal),
    listUsers: listUsers('read'),
    listGroupsForUser: (poolId, username, token, opts) => call('AdminListGroupsForUser', 'read', async (sdk, client, abortSignal) => {
      const out = await client.send(new sdk.AdminListGroupsForUserCommand({
        UserPoolId: poolId, Username: username, Limit: PAGE_SIZE, NextToken: token,
      }), { abortSignal });
      return page(list(out.Groups, 'Groups').map(toGroup), out.NextToken, 'NextToken');
    }, opts?.signal),
    listDevices: (poolId, username, token, opts) => call('AdminListDevices', 'read', async (sdk, client, abortSignal) => {
      const out = await client.send(new sdk.AdminListDevicesCommand({
        UserPoolId: poolId, Username: username, Limit: PAGE_SIZE, PaginationToken: token,
      }), { abortSignal });
      return page(list(out.Devices, 'Devices').map(toDevice), out.PaginationToken, 'PaginationToken');
    }, opts?.signal),
    listAuthEvents: listAuthEvents('read'),
    describeRiskConfiguration: (poolId, clientId, opts) => call('DescribeRiskConfiguration', 'read', async (sdk, client, abortSignal) => {
      const out = await client.send(new sdk.DescribeRiskConfigurationCommand({
        UserPoolId: poolId, ...(clientId ? { ClientId: clientId } : {}),
      }), { abortSignal });
      return toRiskConfiguration(obj(out.RiskConfiguration, 'RiskConfiguration') ?? {});
    }, opts?.signal),
    setRiskConfiguration: (poolId, clientId, config) => call('SetRiskConfiguration', 'write', async (sdk, client, abortSignal) => {
      const out = await client.send(new sdk.SetRiskConfigurationCommand({
        UserPoolId: poolId, ...(clientId ? { ClientId: clientId } : {}), ...toRiskSections(config),
      }), { abortSignal });
      return toRiskConfiguration(obj(out.RiskConfiguration, 'RiskConfiguration') ?? {});
    }),
    updateAuthEventFeedback: (poolId, username, eventId, value: FeedbackValue) => write('AdminUpdateAuthEventFeedback', (sdk, client, abortSignal) =>
      client.send(new sdk.AdminUpdateAuthEventFeedbackCommand({ UserPoolId: poolId, Username: username, EventId: eventId, FeedbackValue: value }), { abortSignal })),
    disableUser: (poolId, username) => write('AdminDisableUser', (sdk, client, abortSignal) =>
      client.send(new sdk.AdminDisableUserCommand({ UserPoolId: poolId, Username: username }), { abortSignal })),
    enableUser: (poolId, username) => write('AdminEnableUser', (sdk, client, abortSignal) =>
      client.send(new sdk.AdminEnableUserCommand({ UserPoolId: poolId, Username: username }), { abortSignal })),
    globalSignOut: (poolId, username) => write('AdminUserGlobalSignOut', (sdk, client, abortSignal) =>
      client.send(new sdk.AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: username }), { abortSignal })),
    resetUserPassword: (poolId, username) => write('AdminResetUserPassword', (sdk, client, abortSignal) =>
      client.send(new sdk.AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: username }), { abortSignal })),
    addUserToGroup: (poolId, username, groupName) => write('AdminAddUserToGroup', (sdk, client, abortSignal) =>
      client.send(new sdk.AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: username, GroupName: groupName }), { abortSignal })),
    removeUserFromGroup: (poolId, username, groupName) => write('AdminRemoveUserFromGroup', (sdk, client, abortSignal) =>
      client.send(new sdk.AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: username, GroupName: groupName }), { abortSignal })),
    forgetDevice: (poolId, username, deviceKey) => write('AdminForgetDevice', (sdk, client, abortSignal) =>
      client.send(new sdk.AdminForgetDeviceCommand({ UserPoolId: poolId, Username: username, DeviceKey: deviceKey }), { abortSignal })),
    confirmSignUp: (poolId, username) => write('AdminConfirmSignUp', (sdk, client, abortSignal) =>
      client.send(new sdk.AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username }), { abortSignal })),
    deleteUser: (poolId, username) => write('AdminDeleteUser', (sdk, client, abortSignal) =>
      client.send(new sdk.AdminDeleteUserCommand({ UserPoolId: poolId, Username: username }), { abortSignal })),
  };
  return gateway;
}

/** The name a failed call gets in the API log: the AWS exception, the network error code, or the kind. */
function logName(failure: GatewayError, code: string | undefined): string {
  if (failure.kind === 'network') return code ?? failure.kind;
  if (failure.kind === 'malformed' || failure.kind === 'timeout' || failure.kind === 'outcome-unknown') return failure.kind;
  return failure.awsName ?? failure.kind;
}

function page<T>(items: T[], nextToken: unknown, tokenField: string): Page<T> {
  const token = text(nextToken, tokenField);
  return { items, ...(token ? { nextToken: token } : {}) };
}
