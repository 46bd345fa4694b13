import type { RowStatus } from './services/transfer/engine.js';

/** How long row statuses wait to be drawn together: about one frame. */
export const FRAME_MS = 16;

/**
 * Gathers a transfer's row statuses and hands them on together, once per frame: a run over 20,000 rows announces
 * 20,000 "queued" at once, and drawing or even storing them one by one froze the app for seconds. Everything else
 * the run reports goes through `flush` first, so the screen sees the events in the order they happened.
 */
export class RowStatusBatch {
  private pending: [string, RowStatus][] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deliver: (updates: [string, RowStatus][]) => void) {}

  add(id: string, status: RowStatus): void {
    this.pending.push([id, status]);
    this.timer ??= setTimeout(() => this.flush(), FRAME_MS);
  }

  /** Hands on what is waiting now (before any other event of the run, and when it ends). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const updates = this.pending;
    this.pending = [];
    this.deliver(updates);
  }
}
