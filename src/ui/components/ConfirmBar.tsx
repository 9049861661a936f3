import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { dialogKeyLine } from '../../keys/mode-keys.ts';
import { dialogKind, dialogList, dialogRows, dialogText, DIALOG_LIST_PAGE, dialogListRoom, dryRunText, typedMatches } from '../../store/dialog.ts';
import type { ChecklistDialog, Dialog, TypedDialog } from '../../store/state.ts';
import { useAppState, useAppStore } from '../store-context.ts';
import { safeText, truncate, wrapText } from '../text.ts';
import { useTheme } from '../theme-context.ts';
import { usePageRows } from '../views/use-page-rows.ts';


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

/** How many screen lines a line of a dialog's list (dry run, calls) takes in a dialog `width` cells wide (indented 2, continued lines 4). */
export function dialogLineCounter(width: number): (text: string) => number {
  return (text) => wrapText(safeText(text), Math.max(8, width - 8)).length;
}

/** A dialog's list (a checklist's dry run, a yes/no's calls): wrapped, scrolled when longer than its rows, with the key line. */
function ListBody({ dialog, items, width, hasDetail, heading }: { dialog: Dialog; items: string[]; width: number; hasDetail: boolean; heading: string }) {
  const store = useAppStore();
  const lines = useMemo(
    () => items.flatMap((text) => wrapText(safeText(text), Math.max(8, width - 8)).map((l, i) => `${i === 0 ? '  ' : '    '}${l}`)),
    [items, width],
  );
  const room = dialogListRoom(dialog, hasDetail, dialogLineCounter(width));
  const max = Math.max(0, lines.length - room);
  const scroll = (dialog.kind === 'typed' ? 0 : dialog.scroll) ?? 0;
  usePageRows(DIALOG_LIST_PAGE, room);
  useEffect(() => {
    if (scroll > max) store.getState().actions.moveDialogStep(max - scroll);
  }, [scroll, max, store]);
  const top = Math.min(scroll, max);
  const shown = Math.min(room, lines.length - top);
  const where = lines.length > room ? ` · lines ${top + 1}–${top + shown} of ${lines.length} · ↑↓ PgUp PgDn` : ':';
  return (
    <>
      <Text dimColor wrap="truncate">{`${heading}${where}`}</Text>
      {lines.slice(top, top + shown).map((line, i) => <Text key={`${top + i}`} wrap="truncate">{line}</Text>)}
      <Text dimColor wrap="truncate">{dialogKeyLine(dialog)}</Text>
    </>
  );
}

function ChecklistBody({ dialog, rows, width, hasDetail }: { dialog: ChecklistDialog; rows: number; width: number; hasDetail: boolean }) {
  if (dialog.dryRun) return <ListBody dialog={dialog} items={dryRunText(dialog)} width={width} hasDetail={hasDetail} heading="dry run — nothing was sent" />;
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
  const rows = dialogRows(dialog, undefined, dialogLineCounter(width));
  const kind = dialogKind(dialog);
  const list = kind === 'yes-no' ? dialogList(dialog) : undefined;
  const color = dialog.kind !== 'checklist' && dialog.dangerous ? 'danger' : 'warn';
  return (
    <Box borderStyle="round" borderColor={theme[color]} flexDirection="column" width={width} height={rows} flexShrink={0} paddingX={1} overflowY="hidden">
      <Text bold color={theme[color]} wrap="truncate">{safeText(title)}</Text>
      {kind !== 'checklist' || detail ? <Text wrap="truncate">{safeText(detail) || ' '}</Text> : null}
      {kind === 'yes-no' && !list ? <Text wrap="truncate">{dialogKeyLine(dialog)}</Text> : null}
      {kind === 'yes-no' && list ? <ListBody dialog={dialog} items={list} width={width} hasDetail heading="nothing is sent until y" /> : null}
      {kind === 'typed' ? <TypedBody dialog={dialog as TypedDialog} width={width} /> : null}
      {kind === 'checklist' ? <ChecklistBody dialog={dialog as ChecklistDialog} rows={rows - 4 - (detail ? 1 : 0)} width={width} hasDetail={detail !== ''} /> : null}
    </Box>
  );
}
