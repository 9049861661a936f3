import type { CallerIdentity } from './types.ts';

/** How to reach STS: the same region, profile, endpoint and credentials as the Cognito client. */
export interface WhoAmIOptions {
  region?: string;
  profile?: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Overall deadline of the call, ms. */
  deadlineMs: number;
}

const MAX_FIELD = 256;

/**
 * Asks `sts:GetCallerIdentity` (it needs no IAM permission) who the credentials are, once; an answer that cannot be
 * had (an endpoint without STS, no network) is kept as "unknown" with the reason, never thrown.
 */
export function sdkWhoAmI(options: WhoAmIOptions): () => Promise<CallerIdentity> {
  let asked: Promise<CallerIdentity> | undefined;
  return () => {
    asked ??= ask(options);
    return asked;
  };
}

async function ask(options: WhoAmIOptions): Promise<CallerIdentity> {
  try {
    const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
    const client = new STSClient({
      ...(options.region ? { region: options.region } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      maxAttempts: 1,
    });
    const answer = await client.send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(options.deadlineMs) });
    client.destroy();
    const arn = typeof answer.Arn === 'string' ? answer.Arn.slice(0, MAX_FIELD) : undefined;
    const account = typeof answer.Account === 'string' ? answer.Account.slice(0, MAX_FIELD) : undefined;
    if (!arn || !account) return { unknown: 'sts:GetCallerIdentity answered without an ARN or account' };
    return { arn, account };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    return { unknown: `sts:GetCallerIdentity failed (${name}: ${message.split('\n')[0]!.slice(0, 160)})` };
  }
}
