/**
 * A memo for pure functions of a string, bounded by keeping two generations: lookups fill the young one, and
 * when it is full the old one is dropped. What is used every frame stays; what scrolled away ages out.
 */
export class RecentCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly generationSize: number) {}

  /** The value for `key`, computing it with `make` when it is not held. */
  get(key: string, make: (key: string) => V): V {
    let value = this.young.get(key);
    if (value !== undefined) return value;
    value = this.old.get(key);
    if (value === undefined) value = make(key);
    if (this.young.size >= this.generationSize) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
    return value;
  }

  /** How many values are held. */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
