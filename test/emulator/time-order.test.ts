import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DictColumn } from '../../src/emulator/logs/columns.ts';
import { RecordTable } from '../../src/emulator/logs/record-table.ts';
import { ROWS_PER_PIECE, timeOrder } from '../../src/emulator/logs/time-order.ts';
import { Rng } from '../../src/emulator/prng.ts';

function run(times: Float64Array): { order: Uint32Array; pauses: number } {
  const steps = timeOrder(times, times.length);
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done === true) return { order: step.value, pauses };
    pauses += 1;
  }
}

const comparatorOrder = (times: Float64Array): number[] =>
  Array.from({ length: times.length }, (_, i) => i).sort((a, b) => times[a] - times[b] || a - b);

describe('ordering a record table by time', () => {
  it('orders rows as a stable comparator sort does, in pieces, with many equal times and a 90-day spread', () => {
    const rng = new Rng('time-order');
    const start = Date.UTC(2025, 9, 1);
    const times = Float64Array.from({ length: 5 * ROWS_PER_PIECE }, () => (rng.chance(0.3) ? start + rng.int(50) : start + rng.int(90 * 86_400_000)));
    const { order, pauses } = run(times);
    assert.deepEqual([...order], comparatorOrder(times));
    assert.ok(pauses >= 5, `the work was cut into pieces (${pauses} pauses)`);
  });

  it('falls back to the comparator for times that are not whole milliseconds, and handles no rows and one row', () => {
    const times = Float64Array.from([3.5, 1.25, 3.5, 0.5]);
    assert.deepEqual([...run(times).order], comparatorOrder(times));
    assert.deepEqual([...run(new Float64Array(0)).order], []);
    assert.deepEqual([...run(Float64Array.from([42])).order], [0]);
  });

  it('keeps a sparse field\'s values when the table has more rows than the field\'s column ever held', () => {
    const table = new RecordTable();
    const sparse = table.defineColumn('message.challenges.1.challengeName', () => new DictColumn());
    const n = 3000;
    for (let row = 0; row < n; row += 1) table.addRow(10_000_000 - row, 0, table.stream.intern('s'), 10);
    sparse.setCode(5, sparse.intern('Mfa'));
    table.sortByTime();
    assert.equal(table.timestamps.get(0), 10_000_000 - (n - 1));
    assert.equal(sparse.decode(sparse.code(n - 1 - 5)), 'Mfa', 'the value moved with its row');
    assert.equal(sparse.decode(sparse.code(5)), undefined);
  });
});
