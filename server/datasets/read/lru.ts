/**
 * A small least-recently-used map bounded by a total weight (bytes, or 1 per entry). Values are
 * promises so that concurrent readers of the same key share one load.
 */
export class Lru<V> {
  private readonly entries = new Map<string, { value: Promise<V>; weight: number }>();
  private total = 0;

  constructor(
    private readonly capacity: () => number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const entry = { value: load(), weight: 0 };
    this.entries.set(key, entry);
    entry.value.then(
      (value) => {
        if (this.entries.get(key) !== entry) return;
        entry.weight = this.weigh(value);
        this.total += entry.weight;
        this.evict(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  /** Weight currently held (bytes for the shard cache). */
  get weight(): number {
    return this.total;
  }

  private evict(keep: string): void {
    for (const [key, entry] of this.entries) {
      if (this.total <= this.capacity()) break;
      if (key === keep) continue;
      this.entries.delete(key);
      this.total -= entry.weight;
    }
  }
}
