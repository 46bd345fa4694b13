// The commands' --help texts, in one light module: `sevadm … --help` loads nothing else.
import { BRIDGE_DEFAULT_PORT, SANDBOX_DEFAULTS } from './defaults.js';

export const SANDBOX_USAGE = `sevadm sandbox [options]   run the Severa sandbox (a local stand-in for Visma Severa)

  --port N             port on 127.0.0.1 (default ${SANDBOX_DEFAULTS.port}; 0 picks a free one)
  --seed N             seed of the generated organisation (default ${SANDBOX_DEFAULTS.seed})
  --scale N            N times the demo's customers, projects, invoices and fees (1–1000; --scale 157 makes
                       10,048 customers and 13,502 invoices), the same every time; only when the data is made
  --data FILE          keep the organisation in this JSON file across restarts
  --client-id ID       client id to accept (default ${SANDBOX_DEFAULTS.clientId})
  --client-secret S    client secret to accept (default ${SANDBOX_DEFAULTS.clientSecret})
  --token-ttl SECONDS  access token lifetime (default ${SANDBOX_DEFAULTS.tokenTtlSeconds})
  --quota N            calls per second before 429 (default 10; 0 = off)
  --error-rate R       share of calls answered 500 (0–1)
  --drop-rate R        share of calls whose connection is cut (0–1)
  --latency MS         delay per call, "200" or "50-400"
  --burst-429 N        answer the next N calls with 429
  --refuse "METHOD /p" answer requests to paths starting /p with 400, unprocessed (repeatable)
  --hold "METHOD /p"   hold such requests unanswered and unprocessed until the caller goes (repeatable)`;

export const SETUP_USAGE = `sevadm setup [NAME] [--lang sv|en]
  First-run wizard for a client company's profile: opens the Settings tab on profile NAME (asked for when left
  out; made when new, and the default when it is the first). Fill in the Severa and Administration connection line
  by line (secrets are typed hidden and never shown again), test both live, then choose the mappings from the lists
  both sides offer. Everything is saved in the profiles file (mode 0600) as you go. Needs a terminal; scripts use
  sevadm profile add.`;

export const HISTORY_USAGE = `sevadm history [--kind KIND] [--since DATE] [--result created|updated|skipped|failed] [--csv] [--demo [--data-dir DIR]]
  past transfers from the ledger, row by row; --csv writes CSV (for a spreadsheet) instead of a table.`;

export const TRANSFER_USAGE = `sevadm transfer customers|projects|invoices|supplier-invoices|payments [options]
  --select all|ID,ID…        which rows (required): all, or numbers/ids as the list shows them
  --direction to-administration|to-severa   customers only (default to-administration)
  --changed-since DATE       customers, projects (default 30 days back, on --demo from the demo's day); payments: paid since
  --status NAME              invoices: the Severa status to take invoices from (required)
  --set-status NAME|none     invoices: status set in Severa after booking (default: the remembered one)
  --from DATE --to DATE      supplier invoices (default: 30 days back, as above, to today)
  --on-conflict skip|update|fail   when the record exists on the target (default skip)
  --dry-run                  the plan only: what would be created, updated, skipped or refused, and why
  --json                     one JSON object per row, then a summary object
  --wait[=SECONDS]           while another transfer holds the company, wait for it (at most SECONDS)
  --demo [--data-dir DIR]    run against the built-in demo (the state sevadm demo shows)
Exit codes: 0 all done, 1 some rows failed, 2 usage or configuration error,
  3 another transfer holds the Administration company (named on stderr; nothing was tried).`;

export const DOCTOR_USAGE = `sevadm doctor [--demo [--data-dir DIR]] [--json]
  checks both connections, the Severa scopes, the Administration variant, the mappings, products ↔ articles,
  cost centres ↔ profit centres and the invoice statuses; exit code 0 only when all pass.
sevadm doctor --probe-status-change INVOICE-NUMBER --yes
  tries the invoice status change path (a setting; Severa's spec does not publish it) on one invoice: it sets the
  invoice's status to the status it already has, and writes nothing else. Exit 0 when Severa took the path.`;

export const SHOW_USAGE = `sevadm show customers|projects|invoices|supplier-invoices|payments|fees --side severa|administration [options]
  invoices --side administration   the invoices booked with a Severa reference (since --changed-since)
  fees --side severa               the fees sevadm created from supplier-invoice rows (Lev.fakt N/P)
  payments --side severa           Severa invoices in a paid status
  --changed-since DATE   customers, projects (default 30 days back, on --demo from the demo's day); payments: paid since
  --status NAME          invoices: the Severa status to list (required)
  --from DATE --to DATE  supplier invoices (default: 30 days back, as above, to today)
  --json                 one JSON object per line, as the side holds the record
  --demo [--data-dir DIR]`;

export const PROFILE_USAGE = `sevadm profile list
sevadm profile add NAME --severa-url production|stage|URL --client-id ID --bridge-url URL [--secrets-from-stdin]
sevadm profile add NAME … --adk-common DIR --adk-company DIR [--adk-library FILE] [--adk-user USER]   (on the Windows host)
sevadm profile remove NAME
sevadm profile default NAME
  One profile per client company. Secrets (the Severa client secret, the bridge token) are never given on the
  command line: they come from SEVADM_SEVERA_CLIENT_SECRET, SEVADM_BRIDGE_TOKEN and SEVADM_ADK_PASSWORD, or with
  --secrets-from-stdin as lines on standard input (secret, token, Administration password); they are stored in
  the profiles file (mode 0600) and never shown again. sevadm setup does the same interactively.`;

export const BRIDGE_USAGE = `sevadm bridge [options]    serve an Administration company to sevadm elsewhere, over HTTP/JSON

  --listen HOST:PORT   where to listen (default 127.0.0.1:${BRIDGE_DEFAULT_PORT}; loopback only)
  --adk-common DIR     serve the real company through Adk.dll: the Gemensamma filer folder …
  --adk-company DIR    … and the company folder (both: Hjälp › Om Visma Administration › Systeminfo)
  --adk-library FILE   Adk.dll to use (default: the one the registry names)
                       (also SEVADM_ADK_COMMON_FILES, _COMPANY, _LIBRARY; login: SEVADM_ADK_USER, _PASSWORD)
  --data-dir DIR       the embedded company in DIR (default: the demo company; where the token is kept)
  --variant 2000|500   which embedded company (default 2000)
  --allow-remote       listen on a non-loopback address; needs --tls-cert and --tls-key
  --tls-cert FILE      PEM certificate for https
  --tls-key FILE       PEM private key for https
The token comes from SEVADM_BRIDGE_TOKEN, else DIR/bridge-token (made and shown on first start).`;

export const COMPARE_USAGE = `sevadm compare [--kind KIND[,KIND…]] [--since DATE] [--json | --csv] [--demo [--data-dir DIR]] [--profile NAME] [--lang sv|en]
  what differs between Severa and Administration, per kind (customers, projects, invoices, supplier-invoices,
  payments), each difference with its reason and what sets it right (a transfer, or a person); then a summary.
  --since DATE   only differences whose records changed (or are dated) on or after DATE
  --json         one JSON object per difference, then {"summary": …};  --csv: CSV, the summary on stderr
  Writes nothing to either side or the ledger. Exit 0 in sync, 1 differences found, 2 usage or configuration.`;
