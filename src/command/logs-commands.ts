import { QUESTION_NAMES, type QuestionName } from '../domain/canned-queries.ts';
import { parseTimeRange } from '../domain/time-range.ts';
import type { LogsActions } from '../store/logs-state.ts';

/** The `:` commands of the pool-wide query path. */
export type LogsCommand =
  | { kind: 'ask'; question: QuestionName; arg?: string; range?: string }
  | { kind: 'query'; query?: string }
  | { kind: 'since'; range: string }
  | { kind: 'log-group'; name: string };

/** Their names. */
export type LogsCommandName = LogsCommand['kind'];

const QUERY_MAX = 10_000;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LOG_GROUP = /^[\w\-/.#]{1,512}$/;

/** Words Tab offers after `:ask`. */
export const QUESTION_WORDS: readonly string[] = QUESTION_NAMES;

const shown = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Parses the argument of a logs command into the command, or a sentence saying what is wrong. */
export function parseLogsCommand(name: LogsCommandName, argument: string): LogsCommand | string {
  switch (name) {
    case 'ask': {
      const [first = '', ...rest] = argument.split(/\s+/).filter(Boolean);
      const question = QUESTION_NAMES.find((q) => q === first.toLowerCase());
      if (!question) return `:ask takes one of ${QUESTION_NAMES.join(', ')}${first ? `, not "${shown(first)}"` : ''}: :ask attention 7d. Tab completes them.`;
      let words = rest;
      let arg: string | undefined;
      if (question === 'history') {
        arg = words[0];
        if (!arg) return ':ask history needs a user: :ask history alice [RANGE] (the username or sub).';
        if (arg.length > 128 || CONTROL.test(arg)) return 'A username has at most 128 characters and no control characters.';
        words = words.slice(1);
      }
      const range = words.join(' ');
      if (range) {
        const parsed = parseTimeRange(range);
        if (!parsed.ok) return parsed.error;
      }
      return { kind: 'ask', question, ...(arg ? { arg } : {}), ...(range ? { range } : {}) };
    }
    case 'query':
      if (argument.length > QUERY_MAX) return `A query has at most ${QUERY_MAX.toLocaleString('en-US')} characters.`;
      if (CONTROL.test(argument)) return 'A query cannot contain control characters.';
      return argument ? { kind: 'query', query: argument } : { kind: 'query' };
    case 'since': {
      const parsed = parseTimeRange(argument);
      return parsed.ok ? { kind: 'since', range: argument } : parsed.error;
    }
    case 'log-group':
      return LOG_GROUP.test(argument) ? { kind: 'log-group', name: argument }
        : `"${shown(argument)}" is not a log group name (letters, digits and _ - / . #, at most 512), e.g. /aws/cognito/userpool-activity.`;
  }
}

/** Runs a logs command through the store's actions. */
export function runLogsCommand(actions: LogsActions, command: LogsCommand): void {
  switch (command.kind) {
    case 'ask':
      return actions.askQuestion(command.question, command.arg, command.range);
    case 'query':
      return actions.runRawQuery(command.query);
    case 'since':
      return actions.setTimeRange(command.range);
    case 'log-group':
      return actions.setLogGroup(command.name);
  }
}
