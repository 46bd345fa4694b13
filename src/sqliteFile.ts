import Database from 'better-sqlite3';

/**
 * Opens a SQLite file (the ledger, an embedded company) with `setup`, or says which file and what to do: SQLite's
 * own words ("file is not a database", "unable to open database file") name neither.
 */
export function openSqlite(file: string, what: string, setup: (db: Database.Database) => void): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    setup(db);
    return db;
  } catch (error) {
    db?.close();
    throw new Error(`${what} ${file} cannot be used: ${adviceFor(error)}`, { cause: error });
  }
}

function adviceFor(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const said = e?.message ?? String(error);
  switch (e?.code) {
    case 'SQLITE_CANTOPEN':
      return `it cannot be opened (${said}); check that its folder exists and is yours to write`;
    case 'SQLITE_NOTADB':
      return `it is not a SQLite database (${said}); move it away and sevadm starts a new one`;
    case 'SQLITE_CORRUPT':
      return `it is damaged (${said}); move it away (keep a copy) and sevadm starts a new one`;
    case 'SQLITE_READONLY':
      return `it is read-only (${said}); make it writable for you`;
    case 'SQLITE_FULL':
      return `the disk is full (${said}); free some space`;
    case 'SQLITE_IOERR':
      return `the disk failed to read or write it (${said}); check the disk`;
    default:
      return `${said}; if it is not sevadm's, move it away and sevadm starts a new one`;
  }
}
