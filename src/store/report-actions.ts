import { writeIncidentReport, type ReportClient } from '../export/incident-report.ts';
import { journalDay, type JournalLine } from '../journal/journal.ts';
import { readKey, readOf } from './single-reads.ts';
import { tupleParts } from './routes.ts';
import type { AppActions } from './state.ts';
import type { StoreKit } from './store-kit.ts';

/** The journal lines a report covers: every line of the named incident, or else today's (UTC); oldest first. */
export function reportLines(kit: Pick<StoreKit, 'journal' | 'get' | 'now'>): JournalLine[] {
  const journal = kit.journal;
  if (!journal) return [];
  const incident = kit.get().incident;
  return incident
    ? journal.days().flatMap((day) => journal.read(day)).filter((l) => l.incident === incident)
    : journal.read(journalDay(kit.now()));
}

/** The app clients of these pools whose details the app has read (DescribeUserPoolClient) through the current connection. */
function loadedClients(kit: StoreKit, poolIds: string[]): ReportClient[] {
  const state = kit.get();
  return Object.keys(state.reads ?? {}).flatMap((key) => {
    const [, , kind, poolId, clientId] = tupleParts(key);
    if (kind !== 'appClient' || !poolId || !clientId || !poolIds.includes(poolId)) return [];
    const ref = { kind: 'appClient', poolId, clientId } as const;
    const detail = readKey(state.target, ref) === key ? readOf(state, ref)?.value : undefined;
    return detail ? [{ poolId, id: detail.id, name: detail.name, accessTokenValidity: detail.accessTokenValidity, idTokenValidity: detail.idTokenValidity }] : [];
  });
}

/** `:report`: the Markdown incident report of the journal, written to a new file in the export directory. */
export function createReportActions(kit: StoreKit, exportDir: string | undefined): Pick<AppActions, 'writeReport'> {
  return {
    writeReport() {
      if (!kit.journal || kit.journal.dir === undefined) return kit.flash('warn', 'The journal is off (--no-journal): there is nothing to report from.');
      const lines = reportLines(kit);
      const { incident } = kit.get();
      const now = kit.now();
      const poolIds = [...new Set(lines.map((l) => l.poolId))];
      const ctx = { incident, day: journalDay(now), now, clients: loadedClients(kit, poolIds) };
      writeIncidentReport(exportDir ?? process.cwd(), lines, ctx).then(
        (path) => kit.flash('info', `Report of ${lines.length} journal line${lines.length === 1 ? '' : 's'} written to ${path}`),
        (error) => kit.flash('error', error instanceof Error ? error.message : String(error)),
      );
    },
  };
}
