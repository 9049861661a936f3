import { COMMANDS, commandUsage, findCommand } from './command-table.ts';
import type { CommandSpec } from './command-table.ts';
import { closestMatch } from './edit-distance.ts';
import { isPoolId, isRegion } from './regions.ts';
import { checkRange } from '../domain/ip-range.ts';
import { parseRiskEdit, type RiskEdit } from '../domain/risk-edit.ts';
import { excerpt } from '../domain/user-filter.ts';
import { canonicalIp, checkIpAddress } from '../domain/ip-pivot.ts';
import type { RangeRequest } from '../store/ip-range-actions.ts';
import type { AdminRequest } from '../store/state.ts';
import { groupNameProblem } from '../writes/membership-write-specs.ts';
import { parseLogsCommand, type LogsCommand, type LogsCommandName } from './logs-commands.ts';

/** A `:` command line the app can act on. */
export type Command =
  | { kind: 'pools' }
  | { kind: 'pool'; poolId: string }
  | { kind: 'user'; query: string }
  | { kind: 'risk'; poolId?: string }
  | { kind: 'region'; region: string }
  | { kind: 'profile'; profile: string }
  | { kind: 'sweep' }
  | { kind: 'log' }
  | { kind: 'quit' }
  | { kind: 'help' }
  | { kind: 'groups'; poolId?: string }
  | { kind: 'clients' | 'settings' | 'pulse'; poolId?: string }
  | AdminRequest
  | { kind: 'ip'; address: string }
  | { kind: 'incident'; name: string }
  | { kind: 'journal'; filter: string }
  | { kind: RangeCommand; range: string }
  | { kind: 'contain'; resume?: true }
  | { kind: 'report' }
  | { kind: 'undo' }
  | { kind: 'risk-set'; edit: RiskEdit }
  | LogsCommand;

/** The commands that change an IP exception list. */
export type RangeCommand = 'block' | 'unblock' | 'skip' | 'unskip';

/** The request a range command makes: which list, add or remove. */
export function rangeRequest(command: { kind: RangeCommand; range: string }): RangeRequest {
  return { list: command.kind.endsWith('block') ? 'blocked' : 'skipped', op: command.kind.startsWith('un') ? 'remove' : 'add', range: command.range };
}

/**
 * The parsed command, or a sentence saying what is wrong; `suggestion` is the closest command name when the
 * name was not known. The error may quote what was typed: pass it through safeText before showing it.
 */
export type ParseResult = { ok: true; command: Command } | { ok: false; error: string; suggestion?: string };

const USERNAME_MAX = 128;
const PROFILE_MAX = 128;
const DEVICE_KEY = /^[\w-]+_[0-9a-f-]+$/;
const DEVICE_KEY_MAX = 55;
const INCIDENT_NAME = /^[\w.-]{1,64}$/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f]/;

/** What a message quotes of the input: its first 40 characters, so that a pasted page is not echoed back. */
/** Splits a command line into its name and argument text; one leading `:` is optional. */
function splitCommandLine(text: string): { name: string; argument: string } {
  const trimmed = text.trim().replace(/^:/, '').trimStart();
  const space = trimmed.search(/\s/);
  if (space < 0) return { name: trimmed, argument: '' };
  return { name: trimmed.slice(0, space), argument: trimmed.slice(space).trim() };
}

/** Parses what was typed after `:` (with or without the colon) into a Command. */
export function parseCommand(text: string): ParseResult {
  const { name, argument } = splitCommandLine(text);
  if (name.length > 64) return { ok: false, error: `Unknown command :${excerpt(name)}. :help lists the commands.` };
  if (name === '') return { ok: false, error: 'Type a command, e.g. :pools or :user alice. :help lists them all.' };
  const spec = findCommand(name);
  if (!spec) {
    const suggestion = closestMatch(name, COMMANDS.map((c) => c.name));
    const hint = suggestion ? ` Did you mean :${suggestion}?` : ' :help lists the commands.';
    return { ok: false, error: `Unknown command :${excerpt(name)}.${hint}`, ...(suggestion ? { suggestion } : {}) };
  }
  const problem = argumentProblem(spec, argument);
  if (problem) return { ok: false, error: problem };
  return { ok: true, command: toCommand(spec, argument) };
}

function argumentProblem(spec: CommandSpec, argument: string): string | undefined {
  const arg = spec.argument;
  if (!arg) return argument === '' ? undefined : `:${spec.name} takes no argument; type just :${spec.name}.`;
  if (argument === '') {
    return arg.required ? `:${spec.name} needs a ${arg.name}, e.g. :${spec.name} ${arg.example}. Tab completes known ones.` : undefined;
  }
  if (arg.completes === 'riskSettings') {
    const parsed = parseRiskEdit(argument);
    return parsed.ok ? undefined : parsed.error;
  }
  if (isLogsCommand(spec.name)) {
    const parsed = parseLogsCommand(spec.name, argument);
    return typeof parsed === 'string' ? parsed : undefined;
  }
  if (/\s/.test(argument)) return `:${spec.name} takes one ${arg.name} without spaces: ${commandUsage(spec)}.`;
  switch (arg.completes) {
    case 'poolIds':
      return isPoolId(argument) ? undefined : `"${excerpt(argument)}" is not a user pool id; one looks like ${arg.example} (region, underscore, letters and digits).`;
    case 'regions':
      return isRegion(argument) ? undefined : `"${excerpt(argument)}" is not an AWS region; one looks like ${arg.example}.`;
    case 'usernames':
      if (argument.length > USERNAME_MAX) return `A username, email or sub has at most ${USERNAME_MAX} characters.`;
      return CONTROL_OR_SPACE.test(argument) ? 'A username cannot contain control characters.' : undefined;
    case 'profiles':
      if (argument.length > PROFILE_MAX) return `A profile name has at most ${PROFILE_MAX} characters.`;
      return CONTROL_OR_SPACE.test(argument) ? 'A profile name cannot contain control characters.' : undefined;
    case 'groupNames':
      return groupNameProblem(argument);
    case 'ipAddresses': {
      const check = checkIpAddress(argument);
      return check.ok ? undefined : check.error;
    }
    case 'incidentNames':
      return INCIDENT_NAME.test(argument) ? undefined : `"${excerpt(argument)}" is not an incident name: use up to 64 letters, digits, '.', '-' and '_', e.g. ${arg.example}.`;
    case 'journalFilters':
      if (argument.length > 64) return 'A journal filter has at most 64 characters.';
      return CONTROL_OR_SPACE.test(argument) ? 'A journal filter cannot contain control characters.' : undefined;
    case 'deviceKeys':
      return DEVICE_KEY.test(argument) && argument.length <= DEVICE_KEY_MAX ? undefined : `"${excerpt(argument)}" is not a device key; one looks like ${arg.example} (region, underscore, id). Tab completes the user's devices.`;
    case 'ipRanges': {
      const checked = checkRange(argument);
      return checked.ok ? undefined : checked.error;
    }
    case 'containOptions':
      return argument === '--resume' ? undefined : `:contain takes no argument or --resume (finish the last interrupted playbook), not "${excerpt(argument)}".`;
  }
}

const LOGS_COMMANDS: readonly string[] = ['ask', 'query', 'since', 'log-group'] satisfies LogsCommandName[];

function isLogsCommand(name: string): name is LogsCommandName {
  return LOGS_COMMANDS.includes(name);
}

function toCommand(spec: CommandSpec, argument: string): Command {
  if (isLogsCommand(spec.name)) return parseLogsCommand(spec.name, argument) as LogsCommand;
  switch (spec.name) {
    case 'pool':
      return { kind: 'pool', poolId: argument };
    case 'user':
      return { kind: 'user', query: argument };
    case 'risk':
      return argument === '' ? { kind: 'risk' } : { kind: 'risk', poolId: argument };
    case 'groups':
      return argument === '' ? { kind: 'groups' } : { kind: 'groups', poolId: argument };
    case 'clients':
    case 'settings':
    case 'pulse':
      return argument === '' ? { kind: spec.name } : { kind: spec.name, poolId: argument };
    case 'region':
      return { kind: 'region', region: argument };
    case 'profile':
      return { kind: 'profile', profile: argument };
    case 'add-to-group':
    case 'remove-from-group':
      return { kind: spec.name, group: argument };
    case 'forget-device':
      return { kind: 'forget-device', deviceKey: argument };
    case 'ip':
      return { kind: 'ip', address: canonicalIp(argument) ?? argument };
    case 'incident':
      return { kind: 'incident', name: argument };
    case 'journal':
      return { kind: 'journal', filter: argument };
    case 'block':
    case 'unblock':
    case 'skip':
    case 'unskip':
      return { kind: spec.name, range: argument };
    case 'contain':
      return argument === '--resume' ? { kind: 'contain', resume: true } : { kind: 'contain' };
    case 'risk-set': {
      const parsed = parseRiskEdit(argument);
      return { kind: 'risk-set', edit: parsed.ok ? parsed.edit : { actions: {}, notify: {} } };
    }
    default:
      return { kind: spec.name };
  }
}
