import { Box, Text } from 'ink';
import { useContext } from 'react';
import { countText } from '../domain/sparkline.ts';
import { formatClock, formatTime } from '../domain/time-format.ts';
import type { RiskMetricName } from '../gateway/types.ts';
import { PULSE_PERIOD_SECONDS, pulseData, pulseWord } from '../store/risk-pulse.ts';
import { pulseColor, pulseRows, roleColor } from '../ui/components/PulseStrip.tsx';
import { useTheme } from '../ui/theme-context.ts';
import { TimeZoneContext, useAppState } from '../ui/store-context.ts';
import { safeText, wrapText } from '../ui/text.ts';
import { PoolLine } from '../ui/views/PoolLine.tsx';
import type { ViewProps } from '../ui/views/view-props.ts';
import type { ViewSpec } from './view-spec.ts';

/** What each metric counts, in AWS's words, shortened. */
const MEANING: Readonly<Record<RiskMetricName, string>> = {
  AccountTakeoverRisk: 'account-takeover risk: requests Cognito rated risky (any level, any operation)',
  CompromisedCredentialRisk: 'compromised credentials: requests with a password known to be leaked',
  OverrideBlock: 'blocked requests: blocked by the pool\'s own configuration (IP ranges, risk actions)',
};

/** Why a pulse cannot be drawn, in a sentence that says what to do. */
function explanation(word: string, message: string | undefined): string {
  if (word === 'no data') {
    return 'CloudWatch has no threat-protection data for this pool in the last 24 h: threat protection is off, or no request was rated (AUDIT and ENFORCED publish these metrics).';
  }
  if (word === 'loading') return 'Reading the metrics from CloudWatch…';
  return `${message ?? word}${word === 'denied' ? '' : ' Press r to try again.'}`;
}

/** The pool's threat-protection metrics over the last 24 hours, a wide sparkline each. */
function PulseView({ poolId, width, height }: ViewProps & { poolId: string }) {
  const theme = useTheme();
  const pulse = useAppState((s) => s.pulses[poolId]);
  const zone = useContext(TimeZoneContext);
  const data = pulseData(pulse);
  const word = pulseWord(pulse);
  const message = pulse && 'message' in pulse ? pulse.message : undefined;
  const sparkWidth = Math.max(8, Math.min(288, width - 12));
  return (
    <Box flexDirection="column" height={height}>
      <PoolLine poolId={poolId} pulse={false} />
      <Text dimColor wrap="truncate">{`risk pulse: AWS/Cognito metrics from CloudWatch, sums per ${PULSE_PERIOD_SECONDS / 60} minutes over the last 24 h · r reads them again`}</Text>
      {word || !data ? (
        <Text color={word === 'no data' || word === 'loading' ? undefined : theme.danger}>{wrapText(safeText(explanation(word ?? 'loading', message)), width - 2).join('\n')}</Text>
      ) : (
        <Box flexDirection="column">
          {pulseRows(data, sparkWidth).map((r) => (
            <Box key={r.metric} flexDirection="column" marginTop={1}>
              <Text wrap="truncate"><Text bold>{r.label.padEnd(8)}</Text><Text dimColor>{MEANING[r.metric]}</Text></Text>
              <Text wrap="truncate"><Text>{' '.repeat(8)}</Text><Text color={roleColor(theme, pulseColor(r.metric, r.peak))}>{r.spark}</Text></Text>
              <Text wrap="truncate" dimColor>
                {`${' '.repeat(8)}latest ${countText(r.latest)} · peak ${countText(r.peak)}${r.peakAt === undefined ? '' : ` at ${formatClock(r.peakAt, zone)}`} · 24 h total ${countText(r.total)}`}
              </Text>
            </Box>
          ))}
          <Text dimColor wrap="truncate">{`\n${' '.repeat(8)}${formatTime(data.startMs, zone)} … ${formatTime(data.endMs, zone)}${pulse?.status === 'loading' ? ' · reading again…' : ''}`}</Text>
        </Box>
      )}
    </Box>
  );
}

/** The route of one pool's risk pulse. */
export interface PulseRoute {
  view: 'pulse';
  poolId: string;
}

/** `:pulse`: the pool's account-takeover, compromised-credential and blocked-request metrics of the last 24 h. */
export const pulseView: ViewSpec<PulseRoute> = {
  name: 'pulse',
  title: 'Risk pulse',
  crumbs: () => ['pulse'],
  lists: () => [],
  enter: (route, ctx) => { ctx.get().actions.ensurePool(route.poolId); ctx.get().actions.loadPulse(route.poolId); },
  refresh: (route, ctx) => ctx.get().actions.loadPulse(route.poolId, true),
  copyValue: (route, state) => pulseData(state.pulses[route.poolId]),
  keys: [],
  Render: ({ route, ...props }) => <PulseView {...props} poolId={route.poolId} />,
};
