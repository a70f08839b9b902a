/**
 * Who overtook whom at one station whose line does not keep the joining order: each
 * customer gets a join order there, and the starts of service are kept by join order in a
 * Fenwick tree (Fenwick 1994), so "how many who joined after me have started since I joined"
 * is one query when I start or give up — my slips there (observer.ts) — instead of one
 * increment for everyone still waiting at each start (quadratic in a long line).
 *
 * Everyone who joined after a customer joined after it, so all their starts counted so far
 * came while it waited: the count is exact, the same integer the increments gave.
 */
export class Overtakes {
  /** 1-based Fenwick tree over join orders 0 … size−1: starts per order. */
  private tree = new Int32Array(1025);
  /** Whether the customer of each join order has started (to rebuild the tree when it grows). */
  private started = new Uint8Array(1024);
  private joined = 0;
  private starts = 0;

  /** The next join order. */
  join(): number {
    if (this.joined === this.started.length) this.grow();
    return this.joined++;
  }

  /** The customer of join `order` starts service. */
  start(order: number): void {
    this.started[order] = 1;
    this.starts++;
    const n = this.started.length;
    for (let i = order + 1; i <= n; i += i & -i) this.tree[i]!++;
  }

  /** Starts so far by customers who joined after join `order`. */
  laterStarted(order: number): number {
    let before = 0; // starts of orders 0 … order
    for (let i = order + 1; i > 0; i -= i & -i) before += this.tree[i]!;
    return this.starts - before;
  }

  /** Doubles the orders held; the tree is rebuilt from `started` in one pass. */
  private grow(): void {
    const n = this.started.length * 2;
    const started = new Uint8Array(n);
    started.set(this.started);
    const tree = new Int32Array(n + 1);
    for (let i = 1; i <= n; i++) {
      tree[i]! += started[i - 1]!;
      const parent = i + (i & -i);
      if (parent <= n) tree[parent]! += tree[i]!;
    }
    this.started = started;
    this.tree = tree;
  }
}
