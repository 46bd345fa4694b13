import { SettingRefused } from '../../errors.js';
import type { ConnectionField } from '../../config/configurationStore.js';
import { ProductType } from '../severa/schemas/index.js';
import type { Mappings } from '../transfer/mappings.js';
import type { TransferSettings } from '../transfer/settings.js';

export type SettingKey =
  | 'invoiceStatusToTransfer'
  | 'afterTransferStatus'
  | 'paidStatus'
  | 'invoiceNumberPolicy'
  | 'supplierProductType'
  | 'supplierBillable'
  | 'supplierMarkupPercent'
  | 'invoiceStatusPath';
export type MappingTable = 'languages' | 'paymentTerms' | 'vatCodes' | 'currencies' | 'costCentres';

/** One edit on the settings screen. `undefined` values clear the setting or the mapping line. */
export type SettingChange =
  | { kind: 'connection'; field: ConnectionField; value: string }
  | { kind: 'setting'; key: SettingKey; value: string | undefined }
  | { kind: 'mapping'; table: MappingTable; severa: string; administration: string | undefined };

export const VAT_CODES = ['0', '1', '2', '3'] as const;

/** The transfer choices with one changed; a value that is not allowed names the setting and what it takes. */
export function changeSetting(settings: TransferSettings, key: SettingKey, value: string | undefined): TransferSettings {
  const text = value?.trim() || undefined;
  switch (key) {
    case 'invoiceStatusToTransfer':
    case 'afterTransferStatus':
      return { ...settings, [key]: text };
    case 'paidStatus':
      if (!text) throw new SettingRefused('refused.paidStatus');
      return { ...settings, paidStatus: text };
    case 'invoiceNumberPolicy':
      if (text !== 'severa' && text !== 'administration') throw new SettingRefused('refused.numberPolicy');
      return { ...settings, invoiceNumberPolicy: text };
    case 'supplierProductType': {
      const parsed = ProductType.safeParse(text);
      if (!parsed.success) throw new SettingRefused('refused.productType', { types: ProductType.options.join(', ') });
      return { ...settings, supplierProductType: parsed.data };
    }
    case 'supplierBillable':
      if (text !== 'true' && text !== 'false') throw new SettingRefused('refused.billable');
      return { ...settings, supplierBillable: text === 'true' };
    case 'invoiceStatusPath':
      if (!text || !/^(\/[A-Za-z0-9]+)+$/.test(text)) throw new SettingRefused('refused.statusPath', { value: value ?? '' });
      return { ...settings, invoiceStatusPath: text };
    case 'supplierMarkupPercent': {
      const n = Number((text ?? '').replace(',', '.'));
      if (!text || !/^\d+([.,]\d{1,2})?$/.test(text) || n > 1000) throw new SettingRefused('refused.markup', { value: value ?? '' });
      return { ...settings, supplierMarkupPercent: n };
    }
  }
}

/** The mappings with one line set or removed. */
export function changeMapping(mappings: Mappings, table: MappingTable, severa: string, administration: string | undefined): Mappings {
  switch (table) {
    case 'paymentTerms': {
      const days = Number(severa);
      const rest = mappings.paymentTerms.filter((m) => m.days !== days);
      return { ...mappings, paymentTerms: administration ? [...rest, { days, administration }].sort((a, b) => a.days - b.days) : rest };
    }
    case 'vatCodes': {
      const rate = Number(severa);
      if (administration && !(VAT_CODES as readonly string[]).includes(administration))
        throw new SettingRefused('refused.vatCode', { codes: VAT_CODES.join(', '), value: administration });
      const rest = mappings.vatCodes.filter((m) => m.rate !== rate);
      return {
        ...mappings,
        vatCodes: administration
          ? [...rest, { rate, administration: administration as (typeof VAT_CODES)[number] }].sort((a, b) => a.rate - b.rate)
          : rest,
      };
    }
    default: {
      const rest = mappings[table].filter((m) => m.severa !== severa);
      return {
        ...mappings,
        [table]: administration ? [...rest, { severa, administration }].sort((a, b) => a.severa.localeCompare(b.severa)) : rest,
      };
    }
  }
}
