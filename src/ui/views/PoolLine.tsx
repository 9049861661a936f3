import { Text, useStdout } from 'ink';
import { useAppState } from '../store-context.ts';
import { safeText } from '../text.ts';
import { useTheme } from '../theme-context.ts';
import { PulseStrip } from '../components/PulseStrip.tsx';

/** Below this many terminal columns the pool line is compact, so the whole pulse fits in 80. */
const NARROW_COLUMNS = 100;
const NARROW_CELLS = 10;

/**
 * One line about a pool: threat protection mode, tier, its risk pulse (CloudWatch, last 24 h; `pulse` false leaves it
 * out), estimated users, MFA. On a narrow terminal it drops the words "threat protection" and "tier" and draws
 * shorter sparklines, so ATO, CC and blocked all fit in 80 columns.
 */
export function PoolLine({ poolId, pulse = true }: { poolId: string; pulse?: boolean }) {
  const theme = useTheme();
  const pool = useAppState((s) => s.pools[poolId]);
  const narrow = (useStdout().stdout.columns ?? NARROW_COLUMNS) < NARROW_COLUMNS;
  if (!pool?.value) {
    return <Text dimColor wrap="truncate">{pool?.error ? `pool details unavailable: ${safeText(pool.error.message)}` : `pool ${safeText(poolId)}`}</Text>;
  }
  const p = pool.value;
  const color = p.threatProtection === 'ENFORCED' ? 'ok' : p.threatProtection === 'AUDIT' ? 'warn' : 'danger';
  return (
    <Text wrap="truncate">
      <Text dimColor>{narrow ? '' : 'threat protection '}</Text>
      <Text color={theme[color]} bold>{p.threatProtection}</Text>
      <Text dimColor>{` · ${narrow ? '' : 'tier '}${safeText(p.tier ?? '?')} · `}</Text>
      {pulse ? <><PulseStrip poolId={poolId} {...(narrow ? { cells: NARROW_CELLS } : {})} /><Text dimColor>{' · '}</Text></> : null}
      <Text dimColor>{`~${p.estimatedUsers ?? '?'} users · MFA ${safeText(p.mfa ?? '?')} · ${safeText(p.id)}`}</Text>
    </Text>
  );
}
