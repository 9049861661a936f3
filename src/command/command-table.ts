/** Which list of known values completes a command's argument. */
export type CompletionSource = 'poolIds' | 'usernames' | 'regions' | 'profiles' | 'groupNames' | 'deviceKeys' | 'ipAddresses' | 'incidentNames' | 'journalFilters' | 'ipRanges' | 'containOptions' | 'riskSettings'
  | 'questions' | 'queryText' | 'timeRanges' | 'logGroups';

/** Names of the `:` commands. */
export type CommandName = 'pools' | 'pool' | 'user' | 'risk' | 'region' | 'profile' | 'sweep' | 'log' | 'quit' | 'help'
  | 'groups' | 'clients' | 'settings'
  | 'reset-password' | 'add-to-group' | 'remove-from-group' | 'forget-device' | 'forget-devices' | 'confirm-signup' | 'delete-user'
  | 'ip' | 'incident' | 'journal'
  | 'block' | 'unblock' | 'skip' | 'unskip'
  | 'contain' | 'report'
  | 'undo' | 'risk-set'
  | 'ask' | 'query' | 'since' | 'log-group'
  | 'pulse';

/** The argument a command takes. */
export interface CommandArgument {
  /** Shown in usage and help, e.g. `pool id`. */
  name: string;
  required: boolean;
  completes: CompletionSource;
  /** A valid value, for error messages. */
  example: string;
}

/** One `:` command: the single source for parsing, completion and the help. */
export interface CommandSpec {
  name: CommandName;
  aliases: readonly string[];
  argument?: CommandArgument;
  description: string;
}

const RANGE: CommandArgument = { name: 'CIDR range', required: true, completes: 'ipRanges', example: '203.0.113.0/24' };

/** Every `:` command, in the order the help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  { name: 'pools', aliases: [], description: 'list the user pools of the region' },
  {
    name: 'pool',
    aliases: [],
    argument: { name: 'pool id', required: true, completes: 'poolIds', example: 'eu-west-1_AbCdEf123' },
    description: "open a pool's users",
  },
  {
    name: 'user',
    aliases: [],
    argument: { name: 'username, email or sub', required: true, completes: 'usernames', example: 'alice@example.com' },
    description: "open a user of the current pool and their events",
  },
  {
    name: 'risk',
    aliases: [],
    argument: { name: 'pool id', required: false, completes: 'poolIds', example: 'eu-west-1_AbCdEf123' },
    description: "show a pool's risk configuration (the current pool when no id is given)",
  },
  {
    name: 'groups',
    aliases: [],
    argument: { name: 'pool id', required: false, completes: 'poolIds', example: 'eu-west-1_AbCdEf123' },
    description: "list a pool's groups (the current pool when no id is given)",
  },
  {
    name: 'region',
    aliases: [],
    argument: { name: 'region', required: true, completes: 'regions', example: 'eu-west-1' },
    description: 'switch to another AWS region (one the SDK does not know asks first)',
  },
  {
    name: 'profile',
    aliases: [],
    argument: { name: 'profile', required: true, completes: 'profiles', example: 'my-profile' },
    description: 'switch to another AWS profile',
  },
  { name: 'sweep', aliases: [], description: "sweep the current pool's users for risky events" },
  { name: 'log', aliases: [], description: 'show the recent API calls' },
  { name: 'quit', aliases: ['q'], description: 'quit cognito-tui' },
  { name: 'help', aliases: ['h'], description: 'list the commands and keys' },
  {
    name: 'clients',
    aliases: [],
    argument: { name: 'pool id', required: false, completes: 'poolIds', example: 'eu-west-1_AbCdEf123' },
    description: "list a pool's app clients (the current pool when no id is given)",
  },
  {
    name: 'settings',
    aliases: [],
    argument: { name: 'pool id', required: false, completes: 'poolIds', example: 'eu-west-1_AbCdEf123' },
    description: "show a pool's settings: sign-in, MFA, password policy, triggers (the current pool when no id is given)",
  },
  { name: 'reset-password', aliases: [], description: 'reset the password of the user on screen (AdminResetUserPassword; asks first)' },
  {
    name: 'add-to-group',
    aliases: [],
    argument: { name: 'group', required: true, completes: 'groupNames', example: 'support' },
    description: 'add the user on screen to a group (AdminAddUserToGroup; asks first)',
  },
  {
    name: 'remove-from-group',
    aliases: [],
    argument: { name: 'group', required: true, completes: 'groupNames', example: 'support' },
    description: 'remove the user on screen from a group (AdminRemoveUserFromGroup; asks first)',
  },
  {
    name: 'forget-device',
    aliases: [],
    argument: { name: 'device key', required: true, completes: 'deviceKeys', example: 'us-east-1_0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' },
    description: 'forget a remembered device of the user on screen (AdminForgetDevice; asks first)',
  },
  { name: 'forget-devices', aliases: [], description: 'forget every loaded device of the user on screen (one AdminForgetDevice each; asks first)' },
  { name: 'confirm-signup', aliases: [], description: 'confirm the sign-up of the UNCONFIRMED user on screen (AdminConfirmSignUp; asks first)' },
  { name: 'delete-user', aliases: [], description: 'delete the user on screen (AdminDeleteUser; irreversible: type the username to confirm)' },
  {
    name: 'ip',
    aliases: [],
    argument: { name: 'sign-in IP address', required: true, completes: 'ipAddresses', example: '203.0.113.7' },
    description: 'IP pivot: every user of the current pool whose loaded or swept events carry the address',
  },
  {
    name: 'incident',
    aliases: [],
    argument: { name: 'name', required: false, completes: 'incidentNames', example: 'INC-4711' },
    description: 'name the current incident: journal lines are filed under it from now on (no name: none)',
  },
  {
    name: 'journal',
    aliases: [],
    argument: { name: 'text', required: false, completes: 'journalFilters', example: 'maria.garcia' },
    description: "show the journal of today's writes (the incident's, when one is named), newest first; with text, only the lines that contain it",
  },
  { name: 'block', aliases: [], argument: RANGE, description: 'always block an IPv4 range on the open pool, or the app client shown in the risk view (SetRiskConfiguration; shows the diff first)' },
  { name: 'unblock', aliases: [], argument: RANGE, description: 'remove a range from the always-block list (SetRiskConfiguration; shows the diff first)' },
  { name: 'skip', aliases: [], argument: RANGE, description: 'always allow an IPv4 range: no risk detection for it (SetRiskConfiguration; shows the diff first)' },
  { name: 'unskip', aliases: [], argument: RANGE, description: 'remove a range from the always-allow list (SetRiskConfiguration; shows the diff first)' },
  {
    name: 'contain',
    aliases: [],
    argument: { name: '--resume', required: false, completes: 'containOptions', example: '--resume' },
    description: 'containment playbook on the user on screen or the marked users: a checklist (disable, sign out, reset password, forget devices, mark risky events Invalid); d shows the calls, y runs them. --resume finishes the last interrupted playbook of the journal, never repeating a call journaled ok',
  },
  { name: 'report', aliases: [], description: "write a Markdown incident report of the incident's journal (today's, when none is named) to a new file in the current directory" },
  { name: 'undo', aliases: [], description: 'reverse the last playbook or batch of writes of the journal (enable users, unblock ranges, feedback back to Valid); lists first what cannot be reversed; asks once' },
  {
    name: 'risk-set',
    aliases: [],
    argument: { name: 'settings', required: true, completes: 'riskSettings', example: 'high=block notify=on' },
    description: 'change the risk configuration of the pool, or of the app client selected in the risk view once loaded (first word pool or client to choose): LEVEL=no-action|mfa-if-configured|mfa-required|block (low, medium, high), notify=on|off, cc=block|no-action, cc-events=sign-in,password-change,sign-up (shows the diff first; e in the risk view)',
  },
  {
    name: 'ask',
    aliases: [],
    argument: { name: 'question [user] [range]', required: true, completes: 'questions', example: 'attention 7d' },
    description: "ask the pool's user-activity logs (CloudWatch Logs Insights) a canned question over the pool's range or RANGE: attention (users needing attention, worst first), ips (top IPs by risky or failed sign-ins), countries (sign-ins from countries new to the user), history USER (a user's whole history), invalid (events tagged Invalid)",
  },
  {
    name: 'query',
    aliases: [],
    argument: { name: 'Logs Insights query', required: false, completes: 'queryText', example: 'filter message.riskLevel = "High" | stats count(*) by message.userName' },
    description: "run a Logs Insights query on the pool's user-activity log group over the pool's range (alone: opens the line to type it)",
  },
  {
    name: 'since',
    aliases: [],
    argument: { name: 'range', required: true, completes: 'timeRanges', example: '7d' },
    description: "the range the open pool's queries read: 30m, 24h, 7d, or two ISO dates (default 24h; kept while the app runs)",
  },
  {
    name: 'log-group',
    aliases: [],
    argument: { name: 'log group', required: true, completes: 'logGroups', example: '/aws/cognito/userpool-activity' },
    description: "name the CloudWatch Logs group that holds the open pool's user activity (instead of GetLogDeliveryConfiguration)",
  },
  {
    name: 'pulse',
    aliases: [],
    argument: { name: 'pool id', required: false, completes: 'poolIds', example: 'eu-west-1_AbCdEf123' },
    description: "show a pool's risk pulse: account-takeover risk, compromised credentials and blocked requests of the last 24 h (CloudWatch)",
  },
];

/** The command called `name` (or with that alias), case-insensitively. */
export function findCommand(name: string): CommandSpec | undefined {
  const lower = name.toLowerCase();
  return COMMANDS.find((c) => c.name === lower || c.aliases.includes(lower));
}

/** Usage text for the help: `:pool <pool id>`, `:risk [pool id]`, `:quit`. */
export function commandUsage(spec: CommandSpec): string {
  if (!spec.argument) return `:${spec.name}`;
  return spec.argument.required ? `:${spec.name} <${spec.argument.name}>` : `:${spec.name} [${spec.argument.name}]`;
}
