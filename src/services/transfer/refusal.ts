/** A record that cannot be transferred as it is; the message says what and why, for the status column. */
export class TransferRefusal extends Error {
  readonly short: string;
  constructor(message: string) {
    super(message);
    this.name = 'TransferRefusal';
    this.short = message;
  }
}
