import type { ListId } from '../kinds/index.js';

/** The records behind each list as last loaded, by row id: what a transfer of chosen rows takes. */
export class LoadedRecords {
  private readonly byList = new Map<ListId, Map<string, unknown>>();

  keep<R>(list: ListId, records: R[], id: (record: R) => string): void {
    this.byList.set(list, new Map(records.map((r) => [id(r), r])));
  }

  get(list: ListId, id: string): unknown {
    return this.byList.get(list)?.get(id);
  }

  /** A record as its side now holds it, in place of the one loaded (if that is still loaded). */
  replace(list: ListId, id: string, record: unknown): void {
    const records = this.byList.get(list);
    if (records?.has(id)) records.set(id, record);
  }

  /** The records with these ids, in the order given (ids no longer loaded are left out). */
  pick(list: ListId, ids: string[]): never[] {
    const records = this.byList.get(list);
    return ids.flatMap((id) => (records?.has(id) ? [records.get(id) as never] : []));
  }
}
