import type { CliOptions } from './args.ts';
import type { SessionSettings } from '../config/apply-config.ts';
import { regionLabel, type CognitoGateway, type GatewayTarget, type Page, type PoolSummary } from '../gateway/types.ts';
import { paintEarly, type EarlyScreen } from './early-screen.ts';
import { poolsFooter } from './prepaint-footer.ts';
import { poolsPaint } from './prepaint-frame.ts';

/** The longest the start waits for the first pools answer (and the target's region) before loading the app without a paint. */
export const PREPAINT_WAIT_MS = 500;

/** What is known once the first answer is in, or undefined when it failed or did not come in time. */
async function settled<T>(answer: Promise<T>, deadline: Promise<void>): Promise<T | undefined> {
  return Promise.race([answer.then((value) => value, () => undefined), deadline.then(() => undefined)]);
}

/**
 * The pool list drawn before the store, Ink and the views are loaded, from the head start's ListUserPools answer:
 * only for a start on the pool list, on a terminal, when the answer came within PREPAINT_WAIT_MS and holds pools
 * (an error, or none, is the app's to word), and when its footer is known without the app (no key remaps). Undefined when nothing was drawn.
 */
export async function prepaintPools(
  answer: Promise<Page<PoolSummary>>, gateway: CognitoGateway, opts: CliOptions, settings: SessionSettings,
): Promise<EarlyScreen | undefined> {
  if (opts.pool || !process.stdout.isTTY || !process.stdin.isTTY) return undefined;
  const footer = poolsFooter(settings.config, Math.max(20, process.stdout.columns), 1);
  if (footer === undefined) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => { timer = setTimeout(resolve, PREPAINT_WAIT_MS); });
  try {
    const page = await settled(answer, deadline);
    if (!page) return undefined;
    const target: GatewayTarget | undefined = gateway.resolveTarget ? await settled(gateway.resolveTarget(), deadline) : gateway.target;
    if (!target) return undefined;
    const lines = poolsPaint({
      columns: process.stdout.columns, rows: process.stdout.rows, region: regionLabel(target), profile: target.profile,
      endpoint: target.endpoint, readOnly: opts.readOnly === true, modeNote: settings.config.modeNote, pools: page.items,
      complete: page.nextToken === undefined, zone: opts.timeZone ?? 'utc', now: Date.now(), theme: settings.theme, footer,
    });
    return lines ? paintEarly(lines) : undefined;
  } finally {
    clearTimeout(timer);
  }
}
