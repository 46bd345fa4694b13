import type { Clock } from '../clock.js';
import type { AdministrationPort } from '../services/administration/port.js';
import type { SeveraClient } from '../services/severa/index.js';
import type { Ledger } from '../services/transfer/ledger.js';
import type { Mappings } from '../services/transfer/mappings.js';
import type { TransferSettings } from '../services/transfer/settings.js';
import type { StatusOption } from '../state/app.js';
import type { LoadedRecords } from './records.js';

/** What loading and transferring a list need from the session. */
export interface SessionContext {
  records: LoadedRecords;
  ledger: Ledger;
  /** The client, or an error saying why that side is not connected. */
  severa(): SeveraClient;
  administration(): AdministrationPort;
  settings: TransferSettings;
  mappings: Mappings;
  concurrency?: number;
  clock: Clock;
  invoiceStatuses(): Promise<StatusOption[]>;
}
