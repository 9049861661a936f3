import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyToClipboard, multiplexerFromEnv, OSC52_MAX_BASE64, osc52Sequence, rowAsJson } from '../../src/export/clipboard.ts';

const ESC = '\u001b';
const BEL = '\u0007';
const HOSTILE = `${ESC}]52;c;cHduZWQ=${BEL}${ESC}[2J${ESC}\\${ESC}Ptmux;${ESC}${ESC}]0;x${BEL}${ESC}\\ \u009b31m \u009c maría 山田 👩‍💻`;

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

function sequenceOf(text: string, options: Parameters<typeof osc52Sequence>[1] = {}): string {
  const result = osc52Sequence(text, options);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.sequence;
}

/** Reads the payload back out of a plain OSC 52 sequence, checking its framing byte by byte. */
function decodePlain(sequence: string): string {
  const match = /^\u001b\]52;c;([A-Za-z0-9+/]*={0,2})\u0007$/.exec(sequence);
  assert.ok(match, JSON.stringify(sequence));
  return Buffer.from(match[1], 'base64').toString('utf8');
}

describe('osc52Sequence', () => {
  it('is ESC ] 52 ; c ; base64 BEL', () => {
    assert.equal(sequenceOf('hello'), `${ESC}]52;c;aGVsbG8=${BEL}`);
    assert.equal(sequenceOf(''), `${ESC}]52;c;${BEL}`);
  });
  it('carries UTF-8 text that decodes back exactly', () => {
    for (const text of ['maría.garcía@example.com', '山田 太郎', '👩‍💻', '{\n  "a": 1\n}']) assert.equal(decodePlain(sequenceOf(text)), text);
  });
  it('carries hostile text literally: one ESC, one BEL, nothing else that a terminal acts on', () => {
    const sequence = sequenceOf(HOSTILE);
    assert.equal(decodePlain(sequence), HOSTILE);
    assert.equal(count(sequence, ESC), 1);
    assert.equal(count(sequence, BEL), 1);
    assert.doesNotMatch(sequence.slice(1, -1), /[\u0000-\u001f\u007f-\u009f]/);
  });
  it('wraps for tmux passthrough with every ESC doubled', () => {
    const sequence = sequenceOf(HOSTILE, { tmux: true });
    const payload = Buffer.from(HOSTILE, 'utf8').toString('base64');
    assert.equal(sequence, `${ESC}Ptmux;${ESC}${ESC}]52;c;${payload}${BEL}${ESC}\\`);
    assert.equal(count(sequence, BEL), 1);
    assert.equal(count(sequence, `${ESC}\\`), 1);
    assert.ok(sequence.endsWith(`${ESC}\\`));
    const inner = sequence.slice(`${ESC}Ptmux;`.length, -2).replaceAll(ESC + ESC, ESC);
    assert.equal(decodePlain(inner), HOSTILE);
  });
  it('cuts the sequence into DCS pieces for screen', () => {
    const text = 'x'.repeat(500) + HOSTILE;
    const sequence = sequenceOf(text, { screen: true });
    const parts = sequence.split(`${ESC}\\`);
    assert.equal(parts.pop(), '');
    assert.ok(parts.length > 1);
    assert.ok(parts.every((p) => p.startsWith(`${ESC}P`) && p.length - 2 <= 76));
    assert.equal(count(sequence, BEL), 1);
    assert.equal(decodePlain(parts.map((p) => p.slice(2)).join('')), text);
  });
  it('prefers tmux when both multiplexers are set', () => {
    assert.ok(sequenceOf('a', { tmux: true, screen: true }).startsWith(`${ESC}Ptmux;`));
  });
  it('refuses text over the size cap and points to the export', () => {
    const limit = 4 * Math.floor(OSC52_MAX_BASE64 / 4);
    const fits = 'a'.repeat((limit / 4) * 3);
    const result = osc52Sequence(fits);
    assert.ok(result.ok);
    assert.equal(result.base64Length, limit);
    const over = osc52Sequence(fits + 'a');
    assert.equal(over.ok, false);
    assert.match(over.ok ? '' : over.error, /Too large to copy through the terminal \(101 kB encoded, the limit is 100 kB\)\. Export it to a file with e instead\./);
    assert.equal(osc52Sequence('abcd', { maxBase64: 7 }).ok, false);
    assert.equal(osc52Sequence('abc', { maxBase64: 4 }).ok, true);
  });
});

describe('copyToClipboard', () => {
  it('writes the sequence once through the writer', () => {
    const written: string[] = [];
    const result = copyToClipboard('{"a":1}', { write: (d) => written.push(d), env: {} });
    assert.deepEqual(result, { ok: true, via: 'terminal', message: 'Sent 7 bytes to the terminal clipboard (OSC 52).' });
    assert.deepEqual(written, [sequenceOf('{"a":1}')]);
  });
  it('wraps for tmux when $TMUX is set, and for screen when $STY is set', () => {
    const written: string[] = [];
    const write = (d: string) => written.push(d);
    assert.equal(copyToClipboard('x', { write, env: { TMUX: '/tmp/tmux-0/default,1,0' } }).ok, true);
    assert.equal(copyToClipboard('x', { write, env: { STY: '123.pts-0.host' } }).ok, true);
    assert.deepEqual(written, [sequenceOf('x', { tmux: true }), sequenceOf('x', { screen: true })]);
    assert.deepEqual(multiplexerFromEnv({ TMUX: '', STY: undefined }), { tmux: false, screen: false });
  });
  it('writes nothing when the text is too large', () => {
    const written: string[] = [];
    const result = copyToClipboard('x'.repeat(OSC52_MAX_BASE64), { write: (d) => written.push(d), env: {} });
    assert.equal(result.ok, false);
    assert.deepEqual(written, []);
  });
  it('reports a writer that fails', () => {
    const result = copyToClipboard('x', {
      write: () => {
        throw new Error('EPIPE');
      },
      env: {},
    });
    assert.deepEqual(result, { ok: false, error: 'Could not write to the terminal: EPIPE.' });
  });
});

describe('rowAsJson', () => {
  it('sorts keys at every level, so the same data copies the same text', () => {
    const a = { username: 'bob', attributes: { sub: '1', email: 'b@x' }, enabled: true, list: [{ z: 1, a: 2 }] };
    const b = { list: [{ a: 2, z: 1 }], enabled: true, attributes: { email: 'b@x', sub: '1' }, username: 'bob' };
    assert.equal(rowAsJson(a), rowAsJson(b));
    assert.equal(rowAsJson(a), '{\n  "attributes": {\n    "email": "b@x",\n    "sub": "1"\n  },\n  "enabled": true,\n  "list": [\n    {\n      "a": 2,\n      "z": 1\n    }\n  ],\n  "username": "bob"\n}');
  });
  it('keeps the data literal and drops undefined fields', () => {
    const value = { name: HOSTILE, missing: undefined, when: new Date(0) };
    const parsed = JSON.parse(rowAsJson(value));
    assert.deepEqual(parsed, { name: HOSTILE, when: '1970-01-01T00:00:00.000Z' });
    assert.doesNotMatch(rowAsJson(value), /[\u0000-\u0009\u000b-\u001f]/);
  });
  it('handles scalars', () => {
    assert.equal(rowAsJson('x'), '"x"');
    assert.equal(rowAsJson(undefined), 'null');
  });
});
