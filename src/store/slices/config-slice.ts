import { NO_CONFIG } from '../../config/config-types.ts';
import { selectionValues } from '../../custom/selection-values.ts';
import { fillTemplates } from '../../custom/templates.ts';
import { describeEnd } from '../../custom/program-end.ts';
import { currentRoute } from '../selectors.ts';
import type { Slice, SliceEnv } from './env.ts';

/** How an argument list reads in a dialog: each argument quoted where it holds a space or a quote. */
function shown(argv: string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ');
}

/** The config file's settings, and running its custom commands on the selection. */
export function configSlice(env: SliceEnv): Slice<'config', 'runCustomCommand'> {
  const { get, set, deps, kit } = env;
  return {
    state: { config: deps.config ?? NO_CONFIG },
    actions: {
      runCustomCommand(name) {
        const command = get().config.commands.find((c) => c.name === name || c.command === name);
        if (!command) return kit.flash('warn', `No custom command called ${name}.`);
        const view = currentRoute(get()).view;
        if (command.views.length > 0 && !command.views.includes(view)) {
          return kit.flash('warn', `${command.name} runs in the ${command.views.join(', ')} view${command.views.length > 1 ? 's' : ''}, not here.`);
        }
        const values = selectionValues(get());
        const filled = fillTemplates(command.run, values);
        if ('missing' in filled) {
          const wanted = filled.missing.map((m) => `{{.${m}}}`).join(', ');
          const cure = values.Username && filled.missing.includes('Sub') ? 'open the user (enter): a list row keeps no sub' : 'select a row that has it';
          return kit.flash('warn', `${command.name}: nothing here gives ${wanted}; ${cure}.`);
        }
        const runProgram = deps.runProgram;
        if (!runProgram) return kit.flash('warn', `${command.name}: this session cannot run programs.`);
        const go = () => {
          if (command.output === 'background') kit.flash('info', `${command.name}: running in the background…`);
          runProgram(filled.argv, command.output).then(
            (end) => kit.flash(end.code === 0 ? 'info' : 'warn', `${command.name}: ${describeEnd(end)}`),
            (error: unknown) => kit.flash('error', `${command.name}: ${error instanceof Error ? error.message : String(error)}`),
          );
        };
        if (!command.confirm) return go();
        set({ confirm: { title: `Run ${command.name}?`, detail: 'This program with these arguments, each passed as is (no shell):', lines: [shown(filled.argv)], yesLabel: 'run', onConfirm: go } });
      },
    },
  };
}
