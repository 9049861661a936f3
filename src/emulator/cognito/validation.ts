import { ServiceError } from '../errors.ts';

/** Constraints on a string member, named as Cognito's validation messages name them. */
export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: string;
  oneOf?: readonly string[];
}

/** Constraints on an integer member. */
export interface IntegerRule {
  required?: boolean;
  min: number;
  max: number;
}

const memberName = (key: string): string => key.charAt(0).toLowerCase() + key.slice(1);

const shown = (value: unknown): string => (value === undefined || value === null ? 'null' : `'${String(value)}'`);

function serializationError(key: string, expected: string): ServiceError {
  return new ServiceError('SerializationException', `Expected ${memberName(key)} to be ${expected}.`);
}

/**
 * Checks a request body member by member and collects every problem, then reports them the way Cognito
 * does: "2 validation errors detected: Value '100' at 'limit' failed to satisfy constraint: ...; ...".
 * A member of the wrong JSON type is a SerializationException straight away.
 */
export class RequestValidator {
  private readonly problems: string[] = [];

  constructor(private readonly body: Record<string, unknown>) {}

  private fail(key: string, value: unknown, constraint: string): void {
    this.problems.push(`Value ${shown(value)} at '${memberName(key)}' failed to satisfy constraint: Member must ${constraint}`);
  }

  /** A string member; undefined when absent (and not required) or invalid. */
  string(key: string, rule: StringRule = {}): string | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) {
      if (rule.required === true) this.fail(key, value, 'not be null');
      return undefined;
    }
    if (typeof value !== 'string') throw serializationError(key, 'a string');
    const before = this.problems.length;
    const min = rule.min ?? (rule.required === true ? 1 : 0);
    if (value.length < min) this.fail(key, value, `have length greater than or equal to ${min}`);
    if (rule.max !== undefined && value.length > rule.max) this.fail(key, value, `have length less than or equal to ${rule.max}`);
    if (rule.pattern !== undefined && value.length > 0 && !new RegExp(`^(?:${rule.pattern})$`, 'u').test(value)) {
      this.fail(key, value, `satisfy regular expression pattern: ${rule.pattern}`);
    }
    if (rule.oneOf !== undefined && !rule.oneOf.includes(value)) {
      this.fail(key, value, `satisfy enum value set: [${rule.oneOf.join(', ')}]`);
    }
    return this.problems.length === before ? value : undefined;
  }

  /** An integer member; undefined when absent (and not required) or invalid. */
  integer(key: string, rule: IntegerRule): number | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) {
      if (rule.required === true) this.fail(key, value, 'not be null');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) throw serializationError(key, 'an integer');
    if (value < rule.min) this.fail(key, value, `have value greater than or equal to ${rule.min}`);
    else if (value > rule.max) this.fail(key, value, `have value less than or equal to ${rule.max}`);
    else return value;
    return undefined;
  }

  /** A list of strings; undefined when absent. */
  stringList(key: string, item: StringRule = {}): string[] | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw serializationError(key, 'a list of strings');
    const before = this.problems.length;
    for (const v of value as string[]) {
      if (v.length < (item.min ?? 0) || (item.max !== undefined && v.length > item.max)) {
        this.fail(key, v, `have length between ${item.min ?? 0} and ${item.max ?? 'any'}`);
      } else if (item.pattern !== undefined && !new RegExp(`^(?:${item.pattern})$`, 'u').test(v)) {
        this.fail(key, v, `satisfy regular expression pattern: ${item.pattern}`);
      }
    }
    return this.problems.length === before ? (value as string[]) : undefined;
  }

  /** A map of strings to strings (ClientMetadata); undefined when absent. */
  stringMap(key: string): Record<string, string> | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
      throw serializationError(key, 'a map of strings');
    }
    return value as Record<string, string>;
  }

  /** Throws InvalidParameterException listing every problem found so far, if any. */
  check(): void {
    const n = this.problems.length;
    if (n === 0) return;
    const noun = n === 1 ? 'error' : 'errors';
    throw new ServiceError('InvalidParameterException', `${n} validation ${noun} detected: ${this.problems.join('; ')}`);
  }
}

/** Member constraints Cognito applies to the ids it takes. */
export const RULES = {
  userPoolId: { required: true, min: 1, max: 55, pattern: '[\\w-]+_[0-9a-zA-Z]+' },
  username: { required: true, min: 1, max: 128, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' },
  clientId: { required: true, min: 1, max: 128, pattern: '[\\w+]+' },
  groupName: { required: true, min: 1, max: 128, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' },
  deviceKey: { required: true, min: 1, max: 55, pattern: '[\\w-]+_[0-9a-f-]+' },
  token: { min: 1, pattern: '[\\S]+' },
  attributeName: { min: 1, max: 32, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' },
} as const satisfies Record<string, StringRule>;
