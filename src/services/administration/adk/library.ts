import iconv from 'iconv-lite';
import koffi from 'koffi';

/** ADK_ERROR as the ADK returns it by value from almost every call. */
export interface AdkErrorStruct {
  lRc: number;
  lDbTable: number;
  lField: number;
  lFunction: number;
  lProgramPart: number;
}

/** An ADK_DATA buffer (opaque pointer). */
export type AdkData = unknown;

/** A call that answered an lRc other than 0. */
export class AdkCallError extends Error {
  constructor(
    readonly rc: number,
    readonly field: number,
    readonly call: string,
    readonly text: string,
  ) {
    super(`${call}: ADK error ${rc}${text ? ` (${text})` : ''}`);
  }
}

/** Windows-1252, as the ADK reads and writes text; NUL-terminated for C. */
export function toAdkText(value: string): Buffer {
  return Buffer.concat([iconv.encode(value, 'win1252'), Buffer.from([0])]);
}
export function fromAdkText(bytes: Buffer | Uint8Array): string {
  const end = bytes.indexOf(0);
  return iconv.decode(Buffer.from(end < 0 ? bytes : bytes.subarray(0, end)), 'win1252');
}

/** ADK_ERROR, returned by value (LONG is 32 bits on Windows). Declared once: koffi names types per process. */
const ERROR = koffi.struct('ADK_ERROR', {
  lRc: 'int32_t',
  lDbTable: 'int32_t',
  lField: 'int32_t',
  lFunction: 'int32_t',
  lProgramPart: 'int32_t',
});

/**
 * Adk.dll (or the test stand-in) through koffi: each C function once, with the ADK's signatures.
 * Strings cross as Windows-1252 bytes. The real DLL exports __stdcall functions (what matters on 32-bit).
 */
export class AdkLibrary {
  private readonly fns: Record<string, (...args: unknown[]) => unknown> = {};
  private readonly textBuffer: unknown;
  private readonly textHolder: unknown;
  private static readonly TEXT_SIZE = 4096;

  constructor(path: string) {
    const lib = koffi.load(path);
    const convention = process.platform === 'win32' ? '__stdcall' : '';
    const declare = (name: string, result: unknown, args: unknown[]) => {
      this.fns[name] = (
        convention ? lib.func(convention, name, result as never, args as never) : lib.func(name, result as never, args as never)
      ) as never;
    };
    const text = 'const uint8_t *';
    const data = 'void *';
    declare('AdkOpen', ERROR, [text, text]);
    declare('AdkOpen2', ERROR, [text, text, text, text]);
    declare('AdkClose', 'void', []);
    declare('AdkGetVersion', 'void', [koffi.out(koffi.pointer('int32_t')), koffi.out(koffi.pointer('int32_t'))]);
    declare('AdkGetCompanyName', ERROR, [
      text,
      'int',
      text,
      'void *',
      'int',
      koffi.out(koffi.pointer('int')),
      koffi.out(koffi.pointer('int32_t')),
      koffi.out(koffi.pointer('int32_t')),
    ]);
    declare('AdkCreateData', data, ['int']);
    declare('AdkCreateDataRow', data, ['int', 'int']);
    declare('AdkGetDataRow', data, [data, 'int']);
    declare('AdkDeleteStruct', ERROR, [data]);
    declare('AdkSetSortOrder', ERROR, [data, 'int']);
    for (const name of ['AdkFind', 'AdkFirst', 'AdkNext', 'AdkAdd', 'AdkUpdate']) declare(name, ERROR, [data]);
    declare('AdkGetStr', ERROR, [data, 'int', 'void *', 'int']);
    declare('AdkSetStr', ERROR, [data, 'int', text]);
    declare('AdkGetDouble', ERROR, [data, 'int', koffi.out(koffi.pointer('double'))]);
    declare('AdkSetDouble', ERROR, [data, 'int', 'double']);
    declare('AdkGetBool', ERROR, [data, 'int', koffi.out(koffi.pointer('int'))]);
    declare('AdkSetBool', ERROR, [data, 'int', 'int']);
    declare('AdkGetDate', ERROR, [data, 'int', koffi.out(koffi.pointer('int32_t'))]);
    declare('AdkSetDate', ERROR, [data, 'int', 'int32_t']);
    declare('AdkGetData', ERROR, [data, 'int', 'int', koffi.out(koffi.pointer('void *'))]);
    declare('AdkSetData', ERROR, [data, 'int', data]);
    declare('AdkGetErrorText', 'void', [koffi.pointer(ERROR), 'int', 'void *', 'int']);
    declare('AdkDateToLong', ERROR, [text, koffi.out(koffi.pointer('int32_t'))]);
    declare('AdkLongToDate', ERROR, ['int32_t', 'void *', 'int']);
    declare('AdkDateTimeToLong', ERROR, [text, koffi.out(koffi.pointer('int32_t'))]);
    declare('AdkLongToDateTime', ERROR, ['int32_t', 'void *', 'int']);
    // One buffer for every text the ADK writes back (CHAR** with a length): calls are one at a time.
    this.textBuffer = koffi.alloc('uint8_t', AdkLibrary.TEXT_SIZE);
    this.textHolder = koffi.alloc('void *', 1);
    koffi.encode(this.textHolder, 'void *', this.textBuffer);
  }

  private call(name: string, ...args: unknown[]): AdkErrorStruct {
    return this.fns[name]!(...args) as AdkErrorStruct;
  }

  /** Runs a call; a non-zero lRc throws AdkCallError with the ADK's own text. */
  private check(name: string, ...args: unknown[]): void {
    const e = this.call(name, ...args);
    if (e.lRc !== 0) throw new AdkCallError(e.lRc, e.lField, name, this.errorText(e));
  }

  /** Like check, but answers the lRc instead of throwing when it is one of `allowed`. */
  private tolerate(allowed: number[], name: string, ...args: unknown[]): number {
    const e = this.call(name, ...args);
    if (e.lRc === 0 || allowed.includes(e.lRc)) return e.lRc;
    throw new AdkCallError(e.lRc, e.lField, name, this.errorText(e));
  }

  private readText(): string {
    return fromAdkText(Buffer.from(koffi.view(this.textBuffer, AdkLibrary.TEXT_SIZE)));
  }

  private clearText(): void {
    koffi.encode(this.textBuffer, 'uint8_t', 0);
  }

  errorText(error: AdkErrorStruct): string {
    this.clearText();
    this.fns.AdkGetErrorText!(error, 0, this.textHolder, AdkLibrary.TEXT_SIZE);
    return this.readText();
  }

  open(commonFiles: string, company: string, login?: { user: string; password: string }): void {
    if (login) this.check('AdkOpen2', toAdkText(commonFiles), toAdkText(company), toAdkText(login.user), toAdkText(login.password));
    else this.check('AdkOpen', toAdkText(commonFiles), toAdkText(company));
  }

  close(): void {
    this.fns.AdkClose!();
  }

  version(): string {
    const major = [0];
    const minor = [0];
    this.fns.AdkGetVersion!(major, minor);
    return `${major[0]}.${minor[0]}`;
  }

  companyName(company: string, commonFiles: string): { name: string; variantId: number; programVersion: string } {
    this.clearText();
    const variant = [0];
    const major = [0];
    const minor = [0];
    this.check(
      'AdkGetCompanyName',
      toAdkText(company),
      1,
      toAdkText(commonFiles),
      this.textHolder,
      AdkLibrary.TEXT_SIZE,
      variant,
      major,
      minor,
    );
    return { name: this.readText(), variantId: variant[0]!, programVersion: `${major[0]}.${minor[0]}` };
  }

  createData(table: number): AdkData {
    const data = this.fns.AdkCreateData!(table);
    if (!data) throw new AdkCallError(102, 0, 'AdkCreateData', `no table ${table}`);
    return data;
  }
  createRows(table: number, count: number): AdkData {
    return this.fns.AdkCreateDataRow!(table, count);
  }
  row(rows: AdkData, index: number): AdkData {
    return this.fns.AdkGetDataRow!(rows, index);
  }
  deleteData(data: AdkData): void {
    this.call('AdkDeleteStruct', data);
  }
  setSortOrder(data: AdkData, order: number): void {
    this.check('AdkSetSortOrder', data, order);
  }
  /** False when there is no such record (115). */
  find(data: AdkData): boolean {
    return this.tolerate([115], 'AdkFind', data) === 0;
  }
  /** False at the end (79) or with an empty table. */
  first(data: AdkData): boolean {
    return this.tolerate([79, 115], 'AdkFirst', data) === 0;
  }
  next(data: AdkData): boolean {
    return this.tolerate([79], 'AdkNext', data) === 0;
  }
  add(data: AdkData): void {
    this.check('AdkAdd', data);
  }
  update(data: AdkData): void {
    this.check('AdkUpdate', data);
  }

  getStr(data: AdkData, field: number): string {
    this.clearText();
    this.check('AdkGetStr', data, field, this.textHolder, AdkLibrary.TEXT_SIZE);
    return this.readText();
  }
  setStr(data: AdkData, field: number, value: string): void {
    this.check('AdkSetStr', data, field, toAdkText(value));
  }
  getDouble(data: AdkData, field: number): number {
    const out = [0];
    this.check('AdkGetDouble', data, field, out);
    return out[0]!;
  }
  setDouble(data: AdkData, field: number, value: number): void {
    this.check('AdkSetDouble', data, field, value);
  }
  getBool(data: AdkData, field: number): boolean {
    const out = [0];
    this.check('AdkGetBool', data, field, out);
    return out[0] !== 0;
  }
  setBool(data: AdkData, field: number, value: boolean): void {
    this.check('AdkSetBool', data, field, value ? 1 : 0);
  }
  getDate(data: AdkData, field: number): number {
    const out = [0];
    this.check('AdkGetDate', data, field, out);
    return out[0]!;
  }
  setDate(data: AdkData, field: number, value: number): void {
    this.check('AdkSetDate', data, field, value);
  }
  getRow(data: AdkData, field: number, index: number): AdkData {
    const out: unknown[] = [null];
    this.check('AdkGetData', data, field, index, out);
    return out[0];
  }
  setRows(data: AdkData, field: number, rows: AdkData): void {
    this.check('AdkSetData', data, field, rows);
  }

  dateToLong(date: string): number {
    const out = [0];
    this.check('AdkDateToLong', toAdkText(date), out);
    return out[0]!;
  }
  longToDate(value: number): string {
    this.clearText();
    this.check('AdkLongToDate', value, this.textHolder, AdkLibrary.TEXT_SIZE);
    return this.readText();
  }
  dateTimeToLong(dateTime: string): number {
    const out = [0];
    this.check('AdkDateTimeToLong', toAdkText(dateTime), out);
    return out[0]!;
  }
  longToDateTime(value: number): string {
    this.clearText();
    this.check('AdkLongToDateTime', value, this.textHolder, AdkLibrary.TEXT_SIZE);
    return this.readText();
  }
}
