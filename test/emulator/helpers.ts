import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { after, before } from 'node:test';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.ts';

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

/** An emulator and an SDK client pointed at it, for the tests of one describe block. */
export interface EmulatorFixture {
  emu: RunningEmulator;
  cognito: CognitoIdentityProviderClient;
}

/** Starts an emulator and a client before the enclosing describe's tests and closes both after them. */
export function useEmulator(options: EmulatorOptions = {}, maxAttempts = 3): EmulatorFixture {
  const fixture = {} as EmulatorFixture;
  before(async () => {
    fixture.emu = await startEmulator({ port: 0, ...options });
    fixture.cognito = sdkClient(fixture.emu, maxAttempts);
  });
  after(async () => {
    fixture.cognito.destroy();
    await fixture.emu.close();
  });
  return fixture;
}
