import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { withTable } from './readme-table.ts';
import { renderTable, type BenchResult } from './report.ts';

const RESULT_FILE = fileURLToPath(new URL('../../.bench/last.json', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const result = JSON.parse(await readFile(RESULT_FILE, 'utf8')) as BenchResult;
await writeFile(README, withTable(await readFile(README, 'utf8'), renderTable(result)));
process.stdout.write(`README.md: the table from the run of ${result.when} (${result.runs.length} runs, Node ${result.node})\n`);
