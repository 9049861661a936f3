import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx$/.test(name) ? [path] : [];
  });
}

describe('frames the row cache can take', () => {
  it('no box clips sideways (overflow or overflowX): a frame with a horizontal clip is handed to Ink\'s Output whole, a cell object per character', () => {
    const offenders = [join(SRC, 'ui'), join(SRC, 'views')].flatMap(sources)
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').map((line, i) => ({ file, line, at: i + 1 })))
      .filter(({ line }) => /\boverflow(X)?=/.test(line))
      .map(({ file, at }) => `${relative(SRC, file)}:${at}`);
    assert.deepEqual(offenders, []);
  });
});
