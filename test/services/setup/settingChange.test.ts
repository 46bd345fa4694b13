import { describe, expect, it } from 'vitest';
import type { SettingRefused } from '../../../src/errors.js';
import { translator } from '../../../src/i18n/index.js';
import { changeMapping, changeSetting } from '../../../src/services/setup/settingChange.js';
import { DEMO_CUSTOMER_MAPPINGS, mappedCode } from '../../../src/services/transfer/mappings.js';
import { DEMO_TRANSFER_SETTINGS } from '../../../src/services/transfer/settings.js';

describe('a change on the settings screen', () => {
  it('takes allowed values and turns them into their types', () => {
    expect(changeSetting(DEMO_TRANSFER_SETTINGS, 'supplierMarkupPercent', '12,5').supplierMarkupPercent).toBe(12.5);
    expect(changeSetting(DEMO_TRANSFER_SETTINGS, 'supplierBillable', 'true').supplierBillable).toBe(true);
    expect(changeSetting(DEMO_TRANSFER_SETTINGS, 'supplierProductType', 'Materials').supplierProductType).toBe('Materials');
    expect(changeSetting(DEMO_TRANSFER_SETTINGS, 'invoiceNumberPolicy', 'administration').invoiceNumberPolicy).toBe('administration');
    // "none" after transfer and no preset status are allowed.
    expect(changeSetting(DEMO_TRANSFER_SETTINGS, 'afterTransferStatus', undefined).afterTransferStatus).toBeUndefined();
    expect(changeSetting(DEMO_TRANSFER_SETTINGS, 'invoiceStatusToTransfer', 'Sent').invoiceStatusToTransfer).toBe('Sent');
  });

  it('refuses values that are not allowed, naming the setting and what it takes', () => {
    expect(() => changeSetting(DEMO_TRANSFER_SETTINGS, 'supplierMarkupPercent', '12,5x')).toThrow(
      /Markup on billable fees: a percentage from 0 to 1000.*got "12,5x"/,
    );
    expect(() => changeSetting(DEMO_TRANSFER_SETTINGS, 'supplierMarkupPercent', '1001')).toThrow(/0 to 1000/);
    expect(() => changeSetting(DEMO_TRANSFER_SETTINGS, 'supplierMarkupPercent', '-1')).toThrow(/Markup on billable fees/);
    expect(() => changeSetting(DEMO_TRANSFER_SETTINGS, 'supplierProductType', 'Travel')).toThrow(
      /Fee product type: one of FixedFees, Materials, Subcontracting/,
    );
    expect(() => changeSetting(DEMO_TRANSFER_SETTINGS, 'paidStatus', undefined)).toThrow(/Paid: choose/);
    expect(() => changeSetting(DEMO_TRANSFER_SETTINGS, 'invoiceNumberPolicy', 'both')).toThrow(/Invoice numbers/);
    // The same refusal in Swedish for the Swedish screen.
    const refused = (() => {
      try {
        changeSetting(DEMO_TRANSFER_SETTINGS, 'supplierMarkupPercent', 'mycket');
      } catch (error) {
        return error as SettingRefused;
      }
    })();
    expect(refused && translator('sv')(refused.key, refused.params)).toBe(
      'Påslag på fakturerbara kostnader: en procentsats 0–1000 med högst två decimaler (t.ex. 15 eller 12,5), fick "mycket"',
    );
  });

  it('sets, replaces and removes one mapping line, leaving the others', () => {
    let m = changeMapping(DEMO_CUSTOMER_MAPPINGS, 'languages', 'sv-SE', 'EN');
    expect(m.languages).toEqual([
      { severa: 'en-GB', administration: 'EN' },
      { severa: 'sv-SE', administration: 'EN' },
    ]);
    m = changeMapping(m, 'languages', 'en-GB', undefined);
    expect(m.languages).toEqual([{ severa: 'sv-SE', administration: 'EN' }]);
    m = changeMapping(m, 'paymentTerms', '45', '30');
    expect(m.paymentTerms.at(-1)).toEqual({ days: 45, administration: '30' });
    m = changeMapping(m, 'vatCodes', '25', '0');
    expect(m.vatCodes).toEqual([{ rate: 25, administration: '0' }]);
    expect(() => changeMapping(m, 'vatCodes', '25', '7')).toThrow(/VAT: an Administration VAT code 0, 1, 2, 3/);
    m = changeMapping(m, 'costCentres', '10', 'SÄLJ');
    expect(mappedCode(m.costCentres, '10')).toBe('SÄLJ');
    // Codes with no line go as they are.
    expect(mappedCode(m.costCentres, '20')).toBe('20');
    expect(mappedCode(m.costCentres, null)).toBeUndefined();
  });
});
