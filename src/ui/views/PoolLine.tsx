import { Text } from 'ink';
import { useAppState } from '../store-context.ts';
import { safeText } from '../text.ts';
import { useTheme } from '../theme-context.ts';
import { PulseStrip } from '../components/PulseStrip.tsx';

/**
 * One line about a pool: threat protection mode, tier, its risk pulse (CloudWatch, last 24 h; `pulse` false leaves it
 * out), estimated users, MFA.
 */
export function PoolLine({ poolId, pulse = true }: { poolId: string; pulse?: boolean }) {
  const theme = useTheme();
  const pool = useAppState((s) => s.pools[poolId]);
  if (!pool?.value) {
    return <Text dimColor wrap="truncate">{pool?.error ? `pool details unavailable: ${safeText(pool.error.message)}` : `pool ${safeText(poolId)}`}</Text>;
  }
  const p = pool.value;
  const color = p.threatProtection === 'ENFORCED' ? 'ok' : p.threatProtection === 'AUDIT' ? 'warn' : 'danger';
  return (
    <Text wrap="truncate">
      <Text dimColor>threat protection </Text>
      <Text color={theme[color]} bold>{p.threatProtection}</Text>
      <Text dimColor>{` · tier ${safeText(p.tier ?? '?')} · `}</Text>
      {pulse ? <><PulseStrip poolId={poolId} /><Text dimColor>{' · '}</Text></> : null}
      <Text dimColor>{`~${p.estimatedUsers ?? '?'} users · MFA ${safeText(p.mfa ?? '?')} · ${safeText(p.id)}`}</Text>
    </Text>
  );
}
