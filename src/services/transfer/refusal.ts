/** Why a record cannot go, as a catalogue key (refusal.*) with its values, so the UI can word it. */
export type RefusalReason =
  | { key: 'refusal.noNumber'; params: { name: string } }
  | { key: 'refusal.notNumeric'; params: { number: string } }
  | { key: 'refusal.nameTaken'; params: { name: string; other: string } };

/** A record that cannot be transferred as it is; the message says what and why, for the status column. */
export class TransferRefusal extends Error {
  readonly short: string;
  constructor(
    message: string,
    readonly reason?: RefusalReason,
  ) {
    super(message);
    this.name = 'TransferRefusal';
    this.short = message;
  }
}
