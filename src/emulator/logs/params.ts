import { ServiceError } from '../errors.ts';

/** InvalidParameterException, the error CloudWatch Logs gives for a bad request member. */
export function logsInvalid(message: string): ServiceError {
  return new ServiceError('InvalidParameterException', message);
}

/** An optional string member, checked for type and length. */
export function optionalString(body: Record<string, unknown>, name: string, max = 512): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ServiceError('SerializationException', `${name} must be a string.`);
  if (v.length < 1 || v.length > max) throw logsInvalid(`1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must have length between 1 and ${max}`);
  return v;
}

/** A required string member. */
export function requiredString(body: Record<string, unknown>, name: string, max = 512): string {
  const v = optionalString(body, name, max);
  if (v === undefined) throw logsInvalid(`1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`);
  return v;
}

/** An optional whole-number member within [min, max]. */
export function optionalInteger(body: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new ServiceError('SerializationException', `${name} must be a whole number.`);
  if (v < min || v > max) throw logsInvalid(`1 validation error detected: Value '${v}' at '${name}' failed to satisfy constraint: Member must have value between ${min} and ${max}`);
  return v;
}

/** An optional list of strings. */
export function optionalStrings(body: Record<string, unknown>, name: string, maxItems: number): string[] | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ServiceError('SerializationException', `${name} must be a list of strings.`);
  if (v.length > maxItems) throw logsInvalid(`1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must have length less than or equal to ${maxItems}`);
  return v as string[];
}

/** The log group name an ARN or name identifies (`arn:aws:logs:…:log-group:NAME[:*]` or NAME). */
export function groupNameOf(identifier: string): string {
  const m = /^arn:aws[\w-]*:logs:[^:]*:\d*:log-group:(.+?)(?::\*)?$/.exec(identifier);
  return m === null ? identifier : m[1];
}

/** Checks a log group name as CloudWatch Logs does: 1–512 of `[.\-_/#A-Za-z0-9]`. */
export function checkGroupName(name: string): void {
  if (!/^[.\-_/#A-Za-z0-9]{1,512}$/.test(name)) {
    throw logsInvalid(`1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`);
  }
}
