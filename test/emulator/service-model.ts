import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Where Debian's python3-botocore installs AWS's published model of Cognito user pools (plain or gzipped). */
export const SERVICE_MODEL_PATH = '/usr/lib/python3/dist-packages/botocore/data/cognito-idp/2016-04-18/service-2.json';

/** A shape of the AWS service model (Smithy JSON AST as botocore ships it), with the constraints the walk reads. */
export interface Shape {
  type: string;
  members?: Record<string, { shape: string }>;
  required?: string[];
  member?: { shape: string };
  value?: { shape: string };
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
}

/** The parts of the service model the walk uses. */
export interface ServiceModel {
  operations: Record<string, { input?: { shape: string }; output?: { shape: string }; errors?: Array<{ shape: string }> }>;
  shapes: Record<string, Shape>;
}

/** The installed service model, or undefined when python3-botocore is not installed. */
export function loadServiceModel(): ServiceModel | undefined {
  if (existsSync(SERVICE_MODEL_PATH)) return JSON.parse(readFileSync(SERVICE_MODEL_PATH, 'utf8')) as ServiceModel;
  const gz = `${SERVICE_MODEL_PATH}.gz`;
  if (existsSync(gz)) return JSON.parse(gunzipSync(readFileSync(gz)).toString('utf8')) as ServiceModel;
  return undefined;
}

/** True if `value` satisfies a string shape's length, pattern and enum (the pattern read as Java reads it). */
export function satisfies(shape: Shape, value: string): boolean {
  if (shape.min !== undefined && value.length < shape.min) return false;
  if (shape.max !== undefined && value.length > shape.max) return false;
  if (shape.pattern !== undefined && !new RegExp(`^(?:${shape.pattern})$`, 'u').test(value)) return false;
  return shape.enum === undefined || shape.enum.includes(value);
}

/** One value that breaks one constraint of a member, and which. */
export interface Violation {
  constraint: string;
  value: unknown;
}

/** A value of the right type that breaks each constraint the shape declares, built from a valid `sample`. */
export function violationsOf(shape: Shape, sample: unknown): Violation[] {
  const out: Violation[] = [];
  if (shape.type === 'integer' || shape.type === 'long') {
    if (shape.min !== undefined) out.push({ constraint: `min ${shape.min}`, value: shape.min - 1 });
    if (shape.max !== undefined) out.push({ constraint: `max ${shape.max}`, value: shape.max + 1 });
    return out;
  }
  if (shape.type !== 'string' || typeof sample !== 'string') return out;
  if (shape.enum !== undefined) out.push({ constraint: 'enum', value: `${sample}NotInTheEnum` });
  if (shape.min !== undefined && shape.min > 0) out.push({ constraint: `min ${shape.min}`, value: sample.slice(0, shape.min - 1) });
  if (shape.max !== undefined) {
    const long = sample.padEnd(shape.max + 1, sample.slice(-1));
    out.push({ constraint: `max ${shape.max}`, value: long });
  }
  if (shape.pattern !== undefined) {
    const half = Math.ceil(sample.length / 2);
    const candidates = [`${sample.slice(0, half)} ${sample.slice(half)}`, `${sample}\u0007`, `${sample}\u00a0`, `${sample}\u0000`];
    const value = candidates.find((c) => !satisfies({ ...shape, enum: undefined }, c) && satisfies({ type: 'string', min: shape.min, max: shape.max }, c));
    if (value !== undefined) out.push({ constraint: `pattern ${shape.pattern}`, value });
  }
  return out;
}

/** A mismatch between a response and the output shape: where, and what. */
export interface OutputMismatch {
  path: string;
  problem: string;
}

/**
 * Walks a JSON response along its output shape: every value of a member the model knows must have the model's type,
 * and an enum string must be one of the model's values. Members the model does not know are listed apart.
 */
export function checkOutput(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  path: string,
  found: { mismatches: OutputMismatch[]; unknown: Set<string>; newer: Set<string> },
  newerEnumValues: Readonly<Record<string, readonly string[]>> = {},
): void {
  const shape = model.shapes[shapeName];
  const fail = (problem: string): void => { found.mismatches.push({ path, problem }); };
  if (value === undefined || value === null) return;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) return fail(`expected an object, got ${JSON.stringify(value)}`);
      for (const [key, v] of Object.entries(value)) {
        const member = shape.members?.[key];
        if (member === undefined) found.unknown.add(`${shapeName}.${key}`);
        else checkOutput(model, member.shape, v, `${path}.${key}`, found, newerEnumValues);
      }
      return;
    }
    case 'list':
      if (!Array.isArray(value)) return fail('expected a list');
      value.forEach((item, i) => checkOutput(model, shape.member!.shape, item, `${path}[${i}]`, found, newerEnumValues));
      return;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) return fail('expected a map');
      for (const [k, v] of Object.entries(value)) checkOutput(model, shape.value!.shape, v, `${path}.${k}`, found, newerEnumValues);
      return;
    case 'string':
      if (typeof value !== 'string') return fail(`expected a string, got ${JSON.stringify(value)}`);
      if (shape.enum === undefined || shape.enum.includes(value)) return;
      if (newerEnumValues[shapeName]?.includes(value)) found.newer.add(`${shapeName}.${value}`);
      else fail(`${JSON.stringify(value)} is not one of ${shapeName} [${shape.enum.join(', ')}]`);
      return;
    case 'timestamp':
      if (typeof value !== 'number') fail(`expected epoch seconds, got ${JSON.stringify(value)}`);
      return;
    case 'integer':
    case 'long':
      if (!Number.isInteger(value)) fail(`expected an integer, got ${JSON.stringify(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(`expected a boolean, got ${JSON.stringify(value)}`);
      return;
    default:
      return;
  }
}
