import { Text } from 'ink';
import { memo, useEffect } from 'react';
import { bucketsOf, bucketValues, countText, sparkline, summarize } from '../../domain/sparkline.ts';
import type { RiskMetricName, RiskPulseData } from '../../gateway/types.ts';
import { pulseData, pulseWord } from '../../store/risk-pulse.ts';
import { useAppState } from '../store-context.ts';
import type { Theme, ThemeRole } from '../theme.ts';
import { useTheme } from '../theme-context.ts';

/** The short name of each pulse metric, as the header and :pulse print it. */
export const PULSE_LABELS: Readonly<Record<RiskMetricName, string>> = {
  AccountTakeoverRisk: 'ATO',
  CompromisedCredentialRisk: 'CC',
  OverrideBlock: 'blocked',
};

/** Colour of a metric that had any request in the window: danger for risk, warn for blocks. */
export function pulseColor(metric: RiskMetricName, peak: number): ThemeRole | undefined {
  if (peak <= 0) return undefined;
  return metric === 'OverrideBlock' ? 'warn' : 'danger';
}

/** Each metric of a pulse: its period values, summary and sparkline of `width` cells. */
/** The colour `role` has in `theme`; none for no role. */
export function roleColor(theme: Theme, role: ThemeRole | undefined): string | undefined {
  return role === undefined ? undefined : theme[role];
}

export function pulseRows(data: RiskPulseData, width: number) {
  const buckets = bucketsOf(data.startMs, data.endMs, data.periodSeconds * 1000);
  return data.series.map((s) => {
    const values = bucketValues(s.points, buckets);
    return { metric: s.metric, label: PULSE_LABELS[s.metric], spark: sparkline(values, width), ...summarize(values, buckets) };
  });
}

/** Cells of each sparkline in the pool header (fewer on a narrow terminal). */
export const STRIP_CELLS = 12;

/**
 * The pool header's risk pulse: per metric a 24-hour sparkline with the latest 5-minute value and the peak
 * ("ATO ▁▁▃█▁ 2/9"); one word when there is nothing to draw (loading, no data, denied, unavailable, failed). Drawn
 * again only when the pulse or the cells change, not with every page G shows in the list below it.
 */
export const PulseStrip = memo(function PulseStrip({ poolId, cells = STRIP_CELLS }: { poolId: string; cells?: number }) {
  const theme = useTheme();
  const pulse = useAppState((s) => s.pulses[poolId]);
  const loadPulse = useAppState((s) => s.actions.loadPulse);
  useEffect(() => { loadPulse(poolId); }, [poolId, loadPulse]);
  const word = pulseWord(pulse);
  const data = pulseData(pulse);
  if (word || !data) return <Text dimColor>{`pulse ${word ?? 'loading'}`}</Text>;
  return (
    <Text>
      {pulseRows(data, cells).map((r, i) => (
        <Text key={r.metric}>
          <Text dimColor>{`${i === 0 ? '' : ' '}${r.label} `}</Text>
          <Text color={roleColor(theme, pulseColor(r.metric, r.peak))}>{r.spark}</Text>
          <Text dimColor>{` ${countText(r.latest)}/${countText(r.peak)}`}</Text>
        </Text>
      ))}
    </Text>
  );
});
