import { Box, Text } from 'ink';
import { journalDay, type JournalLine } from '../journal/journal.ts';
import { LIST_KEYS } from '../keys/global-keys.ts';
import { listKey } from '../store/routes.ts';
import { ListView } from '../ui/components/ListView.tsx';
import { listPosition } from '../ui/components/StatusLine.tsx';
import { useAppState } from '../ui/store-context.ts';
import { safeText } from '../ui/text.ts';
import { useList } from '../ui/views/use-list.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import type { ViewContext, ViewSpec } from './view-spec.ts';
import { JOURNAL_COLUMNS } from '../ui/view-columns.ts';

export { JOURNAL_COLUMNS };

/** The journal's list, narrowed to the lines that contain `filter` (none: every line). */
const journalRef = (route: JournalRoute) => ({ kind: 'journal', filter: route.filter ?? '' }) as const;

/** Lines read into the view at most, the newest. */
const MAX_LINES = 5000;


/** True when a line shows `filter` in one of its columns, ignoring case. */
export function journalLineMatches(line: JournalLine, filter: string): boolean {
  const wanted = filter.toLowerCase();
  return JOURNAL_COLUMNS.some((c) => c.cell(line, 0, 'utc').toLowerCase().includes(wanted));
}

/** Today's lines, or every line of the incident when one is named; newest first; only those that show `filter`. */
function journalRows(ctx: ViewContext, filter: string): JournalLine[] {
  const journal = ctx.journal;
  if (!journal) return [];
  const incident = ctx.get().incident;
  const lines = incident
    ? journal.days().flatMap((day) => journal.read(day)).filter((l) => l.incident === incident)
    : journal.read(journalDay(ctx.now()));
  const shown = filter ? lines.filter((l) => journalLineMatches(l, filter)) : lines;
  return shown.slice(-MAX_LINES).reverse();
}

function load(route: JournalRoute, ctx: ViewContext) {
  const ref = journalRef(route);
  ctx.setList(ref, { ...ctx.list(ref), items: journalRows(ctx, ref.filter), complete: true, pagesLoaded: 1 });
}

function JournalView({ route, width, height, now }: ViewProps & { route: JournalRoute }) {
  const ref = journalRef(route);
  const list = useList<JournalLine>(ref);
  const incident = useAppState((s) => s.incident);
  const off = useAppState((s) => s.journalOff);
  const scope = safeText(`${incident ? `incident ${incident}, every day` : 'today (UTC)'}${ref.filter ? ` · lines with "${ref.filter}"` : ''}`);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold>Journal</Text>
        <Text dimColor>{` · ${scope} · newest first${off ? ` · ${off}: new writes are not recorded` : ''}`}</Text>
      </Text>
      <Text> </Text>
      <ListView list={list} pageKey={listKey(ref)} columns={JOURNAL_COLUMNS} width={width} height={height - 4} noun="lines" now={now}
        emptyText={safeText(ref.filter ? `No journal line contains "${ref.filter}".` : incident ? `No journal lines for incident ${incident} yet.` : 'No writes journaled today (UTC) yet.')}
        status={`${listPosition(list)} journal lines`} />
    </Box>
  );
}

/** The route of the journal. */
export interface JournalRoute {
  view: 'journal';
  /** Only the lines that show this text (`:journal TEXT`, or `/` in the view). */
  filter?: string;
}

/** The journal of writes: today's, or the named incident's; newest first. */
export const journalView: ViewSpec<JournalRoute> = {
  name: 'journal',
  title: 'Journal',
  crumbs: (route) => (route.filter ? ['Journal', `"${route.filter}"`] : ['Journal']),
  lists: () => [],
  cursorList: (route) => journalRef(route),
  enter: load,
  refresh: load,
  keys: [
    ...LIST_KEYS,
    {
      keys: ['/'], label: '/', description: 'show only the lines that contain a text (:journal TEXT)', short: 'filter', hint: true,
      run: ({ actions }) => { actions.openPrompt('command'); actions.editPrompt({ text: 'journal ' }); },
    },
  ],
  Render: (props) => <JournalView {...props} />,
};
