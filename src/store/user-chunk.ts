import type { User } from '../gateway/types.ts';
import { decodeText, TextBytes, type TextCoding } from './packed-text.ts';

/** Rows in one chunk: a chunk's arrays are allocated once, and only its text grows. */
export const CHUNK_ROWS = 4096;
const TEXT_BYTES_PER_ROW = 40;

const ENABLED = 1;
const HAS_CREATED = 2;
const HAS_EMAIL = 4;
const HAS_NAME = 8;
/** The email is the username, an @, and the bytes held for the email. */
const EMAIL_AFTER_USERNAME = 16;
const USERNAME_CODING = 5;
const EMAIL_CODING = 7;
const NAME_CODING = 9;
const STATUS_SHIFT = 16;
const OTHER_STATUS = 0xff;

/** Statuses seen, by code; a status past the table's room is held by its chunk instead. */
const statusNames: string[] = [];
const statusCodes = new Map<string, number>();

function statusCode(status: string): number {
  let code = statusCodes.get(status);
  if (code === undefined) {
    if (statusNames.length >= OTHER_STATUS) return OTHER_STATUS;
    code = statusNames.length;
    statusNames.push(status);
    statusCodes.set(status, code);
  }
  return code;
}

function startsWithUsername(email: string, username: string): boolean {
  return email.length > username.length && email.charCodeAt(username.length) === 64 && email.startsWith(username);
}

/**
 * Up to CHUNK_ROWS users' list fields packed: username, email and name as bytes in one buffer (each row's three
 * ends in `ends`), createdAt in a Float64Array, and enabled, which fields exist, how each is coded and a status code
 * in one Uint32 per row.
 */
export class UserChunk {
  rows = 0;
  private readonly text = new TextBytes(CHUNK_ROWS * TEXT_BYTES_PER_ROW);
  private readonly ends = new Uint32Array(CHUNK_ROWS * 3);
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
    let meta = u.enabled ? ENABLED : 0;
    meta |= text.append(u.username) << USERNAME_CODING;
    this.ends[row * 3] = text.used;
    if (email !== undefined) {
      const after = startsWithUsername(email, u.username);
      meta |= HAS_EMAIL | (after ? EMAIL_AFTER_USERNAME : 0);
      meta |= text.append(email, after ? u.username.length + 1 : 0) << EMAIL_CODING;
    }
    this.ends[row * 3 + 1] = text.used;
    if (name !== undefined) meta |= HAS_NAME | (text.append(name) << NAME_CODING);
    this.ends[row * 3 + 2] = text.used;
    if (u.createdAt !== undefined) {
      meta |= HAS_CREATED;
      this.created[row] = u.createdAt;
    }
    const code = statusCode(u.status);
    if (code === OTHER_STATUS) (this.otherStatus ??= new Map()).set(row, u.status);
    this.meta[row] = meta | (code << STATUS_SHIFT);
    if (this.full) this.text.trim();
    return row;
  }

  private field(row: number, field: number, shift: number): string {
    const at = row * 3 + field;
    const start = at === 0 ? 0 : this.ends[at - 1];
    return decodeText(this.text.bytes, start, this.ends[at], ((this.meta[row] >>> shift) & 3) as TextCoding);
  }

  username(row: number): string {
    return this.field(row, 0, USERNAME_CODING);
  }

  email(row: number): string | undefined {
    const meta = this.meta[row];
    if ((meta & HAS_EMAIL) === 0) return undefined;
    const held = this.field(row, 1, EMAIL_CODING);
    return (meta & EMAIL_AFTER_USERNAME) === 0 ? held : `${this.username(row)}@${held}`;
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
    const code = this.meta[row] >>> STATUS_SHIFT;
    return code === OTHER_STATUS ? this.otherStatus!.get(row)! : statusNames[code];
  }
}

let filling: UserChunk | undefined;

/** The chunk the next user is packed into: rows of every list share chunks, and a chunk lives while a row of it does. */
export function fillingChunk(): UserChunk {
  if (filling === undefined || filling.full) filling = new UserChunk();
  return filling;
}
