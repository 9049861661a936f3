import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { RunningEmulator } from '../../src/emulator/index.ts';

/** A real SDK client pointed at the emulator with throwaway credentials. */
export function sdkClient(emu: RunningEmulator, maxAttempts = 3): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts,
  });
}

/** A raw HTTP answer from the emulator. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

/** Posts a body to the emulator with the given X-Amz-Target operation (none when undefined). */
export async function rawCall(emu: Pick<RunningEmulator, 'url'>, operation: string | undefined, body: unknown): Promise<RawAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-amz-json-1.1' };
  if (operation !== undefined) headers['X-Amz-Target'] = `AWSCognitoIdentityProviderService.${operation}`;
  const res = await fetch(emu.url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}
