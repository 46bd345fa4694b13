import type Database from 'better-sqlite3';
import { openSqlite } from '../../sqliteFile.js';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS company (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS customers (number TEXT PRIMARY KEY, timestamp TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS projects (code TEXT PRIMARY KEY, timestamp TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (number TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS profit_centres (code TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS terms_of_payment (code TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS languages (code TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS currencies (code TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS suppliers (number TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS invoices (
  document_number INTEGER PRIMARY KEY, external_reference TEXT NOT NULL, timestamp TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS invoice_rows (
  document_number INTEGER NOT NULL REFERENCES invoices(document_number), position INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (document_number, position));
CREATE TABLE IF NOT EXISTS supplier_invoices (
  given_number INTEGER PRIMARY KEY, supplier_number TEXT NOT NULL, invoice_number TEXT NOT NULL, invoice_date TEXT NOT NULL,
  cancelled INTEGER NOT NULL, timestamp TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS supplier_invoice_rows (
  given_number INTEGER NOT NULL REFERENCES supplier_invoices(given_number), position INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (given_number, position));
CREATE TABLE IF NOT EXISTS customer_payments (number INTEGER PRIMARY KEY, date TEXT NOT NULL, timestamp TEXT NOT NULL, data TEXT NOT NULL);
`;

export function openDb(file: string): Db {
  return openSqlite(file, 'The company file', (db) => {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.exec(SCHEMA);
  });
}

export function getSetting(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM company WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setSetting(db: Db, key: string, value: string | number): void {
  db.prepare('INSERT INTO company (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    String(value),
  );
}

/** Takes the next number of a number series and moves the series on. */
export function takeNumber(db: Db, series: string): number {
  const next = Number(getSetting(db, series) ?? '1');
  setSetting(db, series, next + 1);
  return next;
}

export function rowsOf<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  return (db.prepare(sql).all(...params) as { data: string }[]).map((r) => JSON.parse(r.data) as T);
}

export function oneOf<T>(db: Db, sql: string, ...params: unknown[]): T | null {
  const row = db.prepare(sql).get(...params) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as T) : null;
}
