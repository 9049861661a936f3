import { Box, Text } from 'ink';
import { useShallow } from 'zustand/react/shallow';
import { dialogKeyLine } from '../../keys/mode-keys.ts';
import { dialogKind, dialogRows, dialogText, dryRunRoom, dryRunText, dryRunWindow, typedMatches } from '../../store/dialog.ts';
import type { ChecklistDialog, TypedDialog } from '../../store/state.ts';
import { useAppState } from '../store-context.ts';
import { safeText, truncate } from '../text.ts';
import { useTheme } from '../theme-context.ts';


function TypedBody({ dialog, width }: { dialog: TypedDialog; width: number }) {
  const theme = useTheme();
  const room = Math.max(8, width - 30);
  const typed = [...dialog.text].slice(-room).join('');
  const matches = typedMatches(dialog);
  return (
    <>
      <Text wrap="truncate">
        {'type '}<Text bold>{truncate(safeText(dialog.expected), room)}</Text>{' to confirm: '}
        <Text color={matches ? theme.ok : undefined}>{safeText(typed)}</Text><Text inverse> </Text>
        {matches ? <Text color={theme.ok}>{' ✔'}</Text> : null}
      </Text>
      <Text wrap="truncate" color={dialog.mismatch ? theme.danger : undefined} dimColor={!dialog.mismatch}>
        {dialog.mismatch ? '✖ does not match: type the name exactly as shown · ' : ''}{dialogKeyLine(dialog)}
      </Text>
    </>
  );
}

function ChecklistBody({ dialog, rows, hasDetail }: { dialog: ChecklistDialog; rows: number; hasDetail: boolean }) {
  if (dialog.dryRun) {
    const lines = dryRunText(dialog);
    const { start, shown, total } = dryRunWindow(dialog, dryRunRoom(dialog, hasDetail));
    const heading = shown < total
      ? `dry run — nothing was sent · lines ${start + 1}–${start + shown} of ${total} · ↑↓ PgUp PgDn`
      : 'dry run — nothing was sent; these calls would be:';
    return (
      <>
        <Text dimColor wrap="truncate">{heading}</Text>
        {lines.slice(start, start + shown).map((line, i) => (
          <Text key={`${start + i}`} wrap="truncate">{`  ${safeText(line)}`}</Text>
        ))}
        <Text dimColor wrap="truncate">{dialogKeyLine(dialog)}</Text>
      </>
    );
  }
  const lines = dialog.steps.map((s, i) => `${i === dialog.cursor ? '▶' : ' '} [${s.checked ? 'x' : ' '}] ${s.label}`);
  const room = Math.max(1, rows);
  const start = Math.max(0, Math.min(dialog.cursor - room + 1, lines.length - room));
  return (
    <>
      {lines.slice(start, start + room).map((line, i) => (
        <Text key={`${start + i}`} wrap="truncate">{safeText(line)}</Text>
      ))}
      <Text dimColor wrap="truncate">{dialogKeyLine(dialog)}</Text>
    </>
  );
}

/** The open dialog (yes/no, typed or checklist), which takes every key until it is answered. */
export function ConfirmBar({ width }: { width: number }) {
  const theme = useTheme();
  const { title, detail } = useAppState(useShallow((s) => ({
    title: s.confirm ? dialogText(s.confirm.title, s) : undefined,
    detail: s.confirm ? dialogText(s.confirm.detail, s) : '',
  })));
  const dialog = useAppState((s) => s.confirm);
  if (!dialog || title === undefined) return null;
  const rows = dialogRows(dialog);
  const kind = dialogKind(dialog);
  const color = dialog.kind !== 'checklist' && dialog.dangerous ? 'danger' : 'warn';
  return (
    <Box borderStyle="round" borderColor={theme[color]} flexDirection="column" width={width} height={rows} flexShrink={0} paddingX={1} overflowY="hidden">
      <Text bold color={theme[color]} wrap="truncate">{safeText(title)}</Text>
      {kind !== 'checklist' || detail ? <Text wrap="truncate">{safeText(detail) || ' '}</Text> : null}
      {kind === 'yes-no' ? <Text wrap="truncate">{dialogKeyLine(dialog)}</Text> : null}
      {kind === 'typed' ? <TypedBody dialog={dialog as TypedDialog} width={width} /> : null}
      {kind === 'checklist' ? <ChecklistBody dialog={dialog as ChecklistDialog} rows={rows - 4 - (detail ? 1 : 0)} hasDetail={detail !== ''} /> : null}
    </Box>
  );
}
