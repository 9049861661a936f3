import type { User } from '../gateway/types.ts';
import { abortError } from './abort.ts';

/** Users listed but not yet read, between the ListUsers walker and the event readers. */
export class UserQueue {
  private readonly items: User[] = [];
  private closed = false;
  private waiters: (() => void)[] = [];

  /** Adds listed users. */
  push(users: readonly User[]): void {
    this.items.push(...users);
    this.wake();
  }

  /** Says no more users will come. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** The next user, or undefined once the queue is closed and empty. */
  async next(signal: AbortSignal): Promise<User | undefined> {
    for (;;) {
      if (signal.aborted) throw abortError();
      const user = this.items.shift();
      if (user) {
        this.wake();
        return user;
      }
      if (this.closed) return undefined;
      await this.changed(signal);
    }
  }

  /** Resolves once fewer than `limit` users wait, so the walker does not list far ahead of the readers. */
  async below(limit: number, signal: AbortSignal): Promise<void> {
    while (this.items.length >= limit) {
      if (signal.aborted) throw abortError();
      await this.changed(signal);
    }
  }

  private changed(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(abortError());
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const go of waiters) go();
  }
}
