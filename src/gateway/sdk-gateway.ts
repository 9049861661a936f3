import type * as Sdk from '@aws-sdk/client-cognito-identity-provider';
import { classifyFailure, failureFacts } from './errors.ts';
import {
  toAppClient, toAuthEvent, toDevice, toGroup, toPoolDetail, toPoolSummary, toRiskConfiguration, toUser,
} from './sdk-shapes.ts';
import { PAGE_SIZE, type ApiCallRecord, type CognitoGateway, type FeedbackValue, type GatewayTarget, type Page } from './types.ts';

/** How to reach Cognito: the SDK's default credential chain unless static credentials are given (the demo). */
export interface SdkGatewayOptions {
  region?: string;
  profile?: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Attempts per read call, including the first (the SDK backs off between them). */
  maxReadAttempts?: number;
  /** Milliseconds between write retries after throttling; its length is the number of retries. */
  writeRetryDelaysMs?: number[];
}

type SdkModule = typeof import('./sdk-client.ts');

type Client = Sdk.CognitoIdentityProviderClient;

/** The clients of one gateway: reads retried by the SDK, reads a sweep paces by itself, and writes. */
interface Clients {
  sdk: SdkModule;
  reads: Client;
  sweepReads: Client;
  writes: Client;
}

type ClientName = Exclude<keyof Clients, 'sdk'>;

/** Builds the gateway over the AWS SDK; the SDK itself loads on the first call, off the start-up path. */
export function createSdkGateway(options: SdkGatewayOptions): CognitoGateway {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? '';
  const target: GatewayTarget = { region: region || undefined, endpoint: options.endpoint, profile: options.profile };
  const listeners = new Set<(r: ApiCallRecord) => void>();
  let sweepGateway: CognitoGateway | undefined;
  let loaded: Promise<Clients> | undefined;
  const writeDelays = options.writeRetryDelaysMs ?? [250, 750, 2000];

  function clients(): Promise<Clients> {
    loaded ??= import('./sdk-client.ts').then((sdk) => {
      const base = {
        ...(region ? { region } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        ...(options.credentials ? { credentials: options.credentials } : {}),
        requestHandler: { connectionTimeout: 4000, requestTimeout: 20000 },
      };
      const reads = new sdk.CognitoIdentityProviderClient({ ...base, maxAttempts: options.maxReadAttempts ?? 4, retryMode: 'standard' });
      return {
        sdk,
        reads,
        sweepReads: new sdk.CognitoIdentityProviderClient({ ...base, credentials: reads.config.credentials, maxAttempts: 1 }),
        writes: new sdk.CognitoIdentityProviderClient({ ...base, maxAttempts: 1 }),
      };
    });
    return loaded;
  }

  function notify(record: ApiCallRecord) {
    for (const listener of listeners) listener(record);
  }

  async function call<T>(operation: string, use: ClientName, run: (sdk: SdkModule, client: Client) => Promise<Sent<T>>): Promise<T> {
    const started = performance.now();
    let attempts = 0;
    try {
      const c = await clients();
      for (let retry = 0; ; retry++) {
        try {
          const out = await run(c.sdk, c[use]);
          attempts += out.attempts;
          notify({ operation, ms: performance.now() - started, ok: true, attempts });
          return out.value;
        } catch (error) {
          attempts += (error as { $metadata?: { attempts?: number } })?.$metadata?.attempts ?? 1;
          const throttled = (error as { name?: string })?.name === 'TooManyRequestsException';
          if (use !== 'writes' || !throttled || retry >= writeDelays.length) throw error;
          await new Promise((resolve) => setTimeout(resolve, writeDelays[retry]));
        }
      }
    } catch (error) {
      const failure = classifyFailure(failureFacts(error), { operation, endpoint: options.endpoint, region: region || undefined, profile: options.profile });
      notify({ operation, ms: performance.now() - started, ok: false, errorName: failure.awsName ?? failure.kind, attempts: Math.max(attempts, 1) });
      throw failure;
    }
  }

  const listUsers = (use: ClientName): CognitoGateway['listUsers'] => (poolId, filter, token) => call('ListUsers', use, async (sdk, client) => {
    const out = await client.send(new sdk.ListUsersCommand({ UserPoolId: poolId, Limit: PAGE_SIZE, PaginationToken: token, ...(filter ? { Filter: filter } : {}) }));
    return page((out.Users ?? []).map(toUser), out.PaginationToken, out);
  });

  const listAuthEvents = (use: ClientName): CognitoGateway['listAuthEvents'] => (poolId, username, token) => call('AdminListUserAuthEvents', use, async (sdk, client) => {
    const out = await client.send(new sdk.AdminListUserAuthEventsCommand({ UserPoolId: poolId, Username: username, MaxResults: PAGE_SIZE, NextToken: token }));
    return page((out.AuthEvents ?? []).map(toAuthEvent), out.NextToken, out);
  });

  const gateway: CognitoGateway = {
    target,
    async resolveTarget() {
      if (region) return target;
      const { reads } = await clients();
      const resolved = await reads.config.region();
      return { ...target, region: resolved || target.region };
    },
    subscribeCalls(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    forSweep() {
      sweepGateway ??= { ...gateway, listUsers: listUsers('sweepReads'), listAuthEvents: listAuthEvents('sweepReads') };
      return sweepGateway;
    },
    listUserPools: (token) => call('ListUserPools', 'reads', async (sdk, reads) => {
      const out = await reads.send(new sdk.ListUserPoolsCommand({ MaxResults: PAGE_SIZE, NextToken: token }));
      return page((out.UserPools ?? []).map(toPoolSummary), out.NextToken, out);
    }),
    describeUserPool: (poolId) => call('DescribeUserPool', 'reads', async (sdk, reads) => {
      const out = await reads.send(new sdk.DescribeUserPoolCommand({ UserPoolId: poolId }));
      return sent(toPoolDetail(out.UserPool ?? {}, poolId), out);
    }),
    listAppClients: (poolId, token) => call('ListUserPoolClients', 'reads', async (sdk, reads) => {
      const out = await reads.send(new sdk.ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: PAGE_SIZE, NextToken: token }));
      return page((out.UserPoolClients ?? []).map(toAppClient), out.NextToken, out);
    }),
    listUsers: listUsers('reads'),
    listGroupsForUser: (poolId, username, token) => call('AdminListGroupsForUser', 'reads', async (sdk, reads) => {
      const out = await reads.send(new sdk.AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: username, Limit: PAGE_SIZE, NextToken: token }));
      return page((out.Groups ?? []).map(toGroup), out.NextToken, out);
    }),
    listDevices: (poolId, username, token) => call('AdminListDevices', 'reads', async (sdk, reads) => {
      const out = await reads.send(new sdk.AdminListDevicesCommand({ UserPoolId: poolId, Username: username, Limit: PAGE_SIZE, PaginationToken: token }));
      return page((out.Devices ?? []).map(toDevice), out.PaginationToken, out);
    }),
    listAuthEvents: listAuthEvents('reads'),
    updateAuthEventFeedback: (poolId, username, eventId, value: FeedbackValue) => call('AdminUpdateAuthEventFeedback', 'writes', async (sdk, writes) => {
      const out = await writes.send(new sdk.AdminUpdateAuthEventFeedbackCommand({
        UserPoolId: poolId, Username: username, EventId: eventId, FeedbackValue: value,
      }));
      return sent(undefined, out);
    }),
    describeRiskConfiguration: (poolId, clientId) => call('DescribeRiskConfiguration', 'reads', async (sdk, reads) => {
      const out = await reads.send(new sdk.DescribeRiskConfigurationCommand({ UserPoolId: poolId, ...(clientId ? { ClientId: clientId } : {}) }));
      return sent(toRiskConfiguration(out.RiskConfiguration ?? {}), out);
    }),
    disableUser: (poolId, username) => call('AdminDisableUser', 'writes', async (sdk, writes) =>
      sent(undefined, await writes.send(new sdk.AdminDisableUserCommand({ UserPoolId: poolId, Username: username })))),
    enableUser: (poolId, username) => call('AdminEnableUser', 'writes', async (sdk, writes) =>
      sent(undefined, await writes.send(new sdk.AdminEnableUserCommand({ UserPoolId: poolId, Username: username })))),
    globalSignOut: (poolId, username) => call('AdminUserGlobalSignOut', 'writes', async (sdk, writes) =>
      sent(undefined, await writes.send(new sdk.AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: username })))),
  };
  return gateway;
}

interface Sent<T> {
  value: T;
  attempts: number;
}

type Output = { $metadata?: { attempts?: number } };

function page<T>(items: T[], nextToken: string | undefined, out: Output): Sent<Page<T>> {
  return sent({ items, ...(nextToken ? { nextToken } : {}) }, out);
}

function sent<T>(value: T, out: Output): Sent<T> {
  return { value, attempts: out.$metadata?.attempts ?? 1 };
}
