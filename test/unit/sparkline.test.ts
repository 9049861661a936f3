import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bucketsOf, bucketValues, countText, SPARK_CELLS, sparkline, summarize } from '../../src/domain/sparkline.ts';

const MIN5 = 300_000;
const START = Date.UTC(2026, 10, 28, 0, 0, 0);

describe('sparkline (risk pulse)', () => {
  it('splits 24 h into 288 five-minute buckets and sums the points that fall in each, dropping those outside', () => {
    const buckets = bucketsOf(START, START + 24 * 3_600_000, MIN5);
    assert.equal(buckets.count, 288);
    const values = bucketValues([
      { at: START, value: 1 }, { at: START + 60_000, value: 2 }, { at: START + 287 * MIN5, value: 5 },
      { at: START - 1, value: 100 }, { at: START + 288 * MIN5, value: 100 },
    ], buckets);
    assert.equal(values.length, 288);
    assert.equal(values[0], 3);
    assert.equal(values[287], 5);
    assert.equal(values.reduce((a, b) => a + b, 0), 8);
  });

  it('draws zero as the lowest cell, the peak as the highest, and any count above zero at least one step up', () => {
    assert.equal(sparkline([0, 1, 4, 8, 100], 5), `${SPARK_CELLS[0]}${SPARK_CELLS[1]}${SPARK_CELLS[1]}${SPARK_CELLS[1]}${SPARK_CELLS[7]}`);
    assert.equal(sparkline([0, 0, 0], 3), SPARK_CELLS[0].repeat(3));
    assert.equal(sparkline([2, 4, 6, 8], 4), '▃▅▇█');
  });

  it('keeps a one-period spike when 288 periods are drawn in 12 cells (each cell shows the largest it covers)', () => {
    const values = new Array<number>(288).fill(0);
    values[150] = 9;
    const line = sparkline(values, 12);
    assert.equal([...line].length, 12);
    assert.equal(line, `${'▁'.repeat(6)}█${'▁'.repeat(5)}`);
  });

  it('never draws more cells than there are values, nor fewer than one', () => {
    assert.equal([...sparkline([1, 2], 40)].length, 2);
    assert.equal([...sparkline([], 10)].length, 1);
  });

  it('summarizes the latest period, the peak with its time, and the total', () => {
    const buckets = bucketsOf(START, START + 4 * MIN5, MIN5);
    assert.deepEqual(summarize([1, 7, 7, 2], buckets), { latest: 2, peak: 7, peakAt: START + MIN5, total: 17 });
    assert.deepEqual(summarize([0, 0, 0, 0], buckets), { latest: 0, peak: 0, total: 0 });
  });

  it('prints counts short', () => {
    assert.deepEqual([0, 7, 2.5, 1234, 56_789].map(countText), ['0', '7', '2.5', '1.2k', '57k']);
  });
});

describe(':pulse', () => {
  it('parses with and without a pool id', async () => {
    const { parseCommand } = await import('../../src/command/parse-command.ts');
    assert.deepEqual(parseCommand(':pulse'), { ok: true, command: { kind: 'pulse' } });
    assert.deepEqual(parseCommand(':pulse eu-west-1_AbCdEf123'), { ok: true, command: { kind: 'pulse', poolId: 'eu-west-1_AbCdEf123' } });
    assert.equal(parseCommand(':pulse nope').ok, false);
  });
});
