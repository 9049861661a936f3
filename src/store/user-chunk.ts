import type { User } from '../gateway/types.ts';
import { decodeText, TextBytes, type TextCoding } from './packed-text.ts';

/** Rows in one chunk: a chunk's arrays are allocated once, and only its text grows. */
export const CHUNK_ROWS = 4096;
const TEXT_BYTES_PER_ROW = 40;

const ENABLED = 1;
const HAS_CREATED = 2;
const HAS_EMAIL = 4;
const HAS_NAME = 8;
/** The email's part before its last @ is the username (no bytes held for it). */
const LOCAL_IS_USERNAME = 16;
const USERNAME_CODING = 5;
const EMAIL_CODING = 7;
const NAME_CODING = 9;
const STATUS_SHIFT = 16;
/** A username or email of this many bytes or more has its ends kept apart. */
const LONG_FIELD = 0xffff;
const DOMAIN_SHIFT = 24;
/** The code of a value not in its table: a status held by its chunk, an email held whole. */
const UNCODED = 0xff;
/** Codes a table matches in place before it looks a value up. */
const RECENT_CODES = 4;
/** Longer values are never coded, so that the tables, which live as long as the app, stay small. */
const CODED_MAX_CHARS = 64;

/** Values seen often (statuses, email domains), each by a one-byte code, the first 255 of each kind. */
class CodeTable {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  /** The codes last looked up by codeOfEnd, latest first. */
  private readonly recent: number[] = [];

  code(value: string): number {
    const code = this.codes.get(value);
    if (code !== undefined) return code;
    if (this.values.length >= UNCODED || value.length > CODED_MAX_CHARS) return UNCODED;
    this.codes.set(value, this.values.length);
    return this.values.push(value) - 1;
  }

  /** The code of `text` from `from` on: a value coded lately is matched in place, without cutting the text. */
  codeOfEnd(text: string, from: number): number {
    const recent = this.recent;
    for (let i = 0; i < recent.length; i++) {
      const value = this.values[recent[i]];
      if (value.length === text.length - from && text.endsWith(value)) return recent[i];
    }
    const code = this.code(text.slice(from));
    if (code !== UNCODED) {
      if (recent.length === RECENT_CODES) recent.pop();
      recent.unshift(code);
    }
    return code;
  }
}

/** The index of the last @ of `email`, or -1: lastIndexOf is a call into the runtime, several times this loop for an address. */
function lastAt(email: string): number {
  for (let i = email.length - 1; i >= 0; i--) if (email.charCodeAt(i) === 0x40) return i;
  return -1;
}

const statuses = new CodeTable();
const domains = new CodeTable();

/**
 * Up to CHUNK_ROWS users' list fields packed: username, email and name as bytes in one buffer (each row's end, and
 * its username's and email's lengths), createdAt in a Float64Array, and enabled, which fields exist, how each is coded, a status code and
 * an email domain code in one Uint32 per row. An email on a coded domain keeps only its part before the @, or nothing
 * when that part is the username.
 */
export class UserChunk {
  rows = 0;
  private readonly text = new TextBytes(CHUNK_ROWS * TEXT_BYTES_PER_ROW);
  /** Where each row's text ends; it starts where the row before it ends. */
  private readonly rowEnds = new Uint32Array(CHUNK_ROWS);
  /** Bytes of each row's username and email, LONG_FIELD when either is longer (then both are in `longSplits`). */
  private readonly lengths = new Uint16Array(CHUNK_ROWS * 2);
  private longSplits: Map<number, readonly [number, number]> | undefined;
  private readonly created = new Float64Array(CHUNK_ROWS);
  private readonly meta = new Uint32Array(CHUNK_ROWS);
  private otherStatus: Map<number, string> | undefined;

  get full(): boolean {
    return this.rows === CHUNK_ROWS;
  }

  /** Packs a row of `username`, `email` and `name` (undefined when the user has none); returns its index. */
  add(u: User, email: string | undefined, name: string | undefined): number {
    const row = this.rows++;
    const text = this.text;
    const start = text.used;
    let meta = u.enabled ? ENABLED : 0;
    meta |= text.append(u.username) << USERNAME_CODING;
    const usernameEnd = text.used;
    let domain = UNCODED;
    if (email !== undefined) {
      meta |= HAS_EMAIL;
      const at = lastAt(email);
      if (at >= 0) domain = domains.codeOfEnd(email, at + 1);
      if (domain === UNCODED) meta |= text.append(email) << EMAIL_CODING;
      else if (at === u.username.length && email.startsWith(u.username)) meta |= LOCAL_IS_USERNAME;
      else meta |= text.append(email, 0, at) << EMAIL_CODING;
    }
    const emailEnd = text.used;
    if (name !== undefined) meta |= HAS_NAME | (text.append(name) << NAME_CODING);
    this.rowEnds[row] = text.used;
    if (usernameEnd - start >= LONG_FIELD || emailEnd - usernameEnd >= LONG_FIELD) {
      this.lengths[row * 2] = LONG_FIELD;
      (this.longSplits ??= new Map()).set(row, [usernameEnd, emailEnd]);
    } else {
      this.lengths[row * 2] = usernameEnd - start;
      this.lengths[row * 2 + 1] = emailEnd - usernameEnd;
    }
    if (u.createdAt !== undefined) {
      meta |= HAS_CREATED;
      this.created[row] = u.createdAt;
    }
    const status = statuses.code(u.status);
    if (status === UNCODED) (this.otherStatus ??= new Map()).set(row, u.status);
    this.meta[row] = (meta | (status << STATUS_SHIFT) | (domain << DOMAIN_SHIFT)) >>> 0;
    if (this.full) this.text.trim();
    return row;
  }

  private field(row: number, field: number, shift: number): string {
    let start = row === 0 ? 0 : this.rowEnds[row - 1];
    let end = this.rowEnds[row];
    const split = this.lengths[row * 2] === LONG_FIELD ? this.longSplits!.get(row)! : undefined;
    const usernameEnd = split ? split[0] : start + this.lengths[row * 2];
    const emailEnd = split ? split[1] : usernameEnd + this.lengths[row * 2 + 1];
    if (field === 0) end = usernameEnd;
    else if (field === 1) [start, end] = [usernameEnd, emailEnd];
    else start = emailEnd;
    return decodeText(this.text.bytes, start, end, ((this.meta[row] >>> shift) & 3) as TextCoding);
  }

  username(row: number): string {
    return this.field(row, 0, USERNAME_CODING);
  }

  email(row: number): string | undefined {
    const meta = this.meta[row];
    if ((meta & HAS_EMAIL) === 0) return undefined;
    const domain = meta >>> DOMAIN_SHIFT;
    if (domain === UNCODED) return this.field(row, 1, EMAIL_CODING);
    const local = (meta & LOCAL_IS_USERNAME) === 0 ? this.field(row, 1, EMAIL_CODING) : this.username(row);
    return `${local}@${domains.values[domain]}`;
  }

  name(row: number): string | undefined {
    return (this.meta[row] & HAS_NAME) === 0 ? undefined : this.field(row, 2, NAME_CODING);
  }

  enabled(row: number): boolean {
    return (this.meta[row] & ENABLED) !== 0;
  }

  createdAt(row: number): number | undefined {
    return (this.meta[row] & HAS_CREATED) === 0 ? undefined : this.created[row];
  }

  status(row: number): string {
    const code = (this.meta[row] >>> STATUS_SHIFT) & 0xff;
    return code === UNCODED ? this.otherStatus!.get(row)! : statuses.values[code];
  }
}

let filling: UserChunk | undefined;

/** The chunk the next user is packed into: rows of every list share chunks, and a chunk lives while a row of it does. */
export function fillingChunk(): UserChunk {
  if (filling === undefined || filling.full) filling = new UserChunk();
  return filling;
}
