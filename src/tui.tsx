import { render } from 'ink';
import { App } from './app.js';
import type { Lang } from './i18n/index.js';
import type { Session } from './session.js';
import { initialState, type TabId } from './state/app.js';
import { FrameStream, WRAP } from './terminal/frameStream.js';

const ENTER_ALT = '\x1b[?1049h';
const LEAVE_ALT = `${WRAP}\x1b[?1049l\x1b[?25h`;

/** Runs the full-screen app until the user quits; the terminal is restored however it ends. */
export async function runTui(
  session: Session,
  options: { demo: boolean; lang: Lang; profile?: string; tab?: TabId; setup?: boolean },
  /** The terminal; tests and benchmarks pass their own, and may watch each frame ink draws. */
  terminal: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; onFrame?: (frame: string) => void } = {
    stdin: process.stdin,
    stdout: process.stdout,
  },
): Promise<void> {
  const out = terminal.stdout;
  let restored = false;
  const restore = () => {
    if (!restored) {
      restored = true;
      out.write(LEAVE_ALT);
    }
  };
  out.write(ENTER_ALT);
  process.on('exit', restore);
  const crash = (error: unknown) => {
    restore();
    console.error(`sevadm crashed: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // Killed from outside (the SSH link dropped, kill): leave the terminal as it was found.
  // Ended by a signal: 128 + its number, as a shell reports it, so wrappers see it (SIGINT 130).
  const killed = (signal: NodeJS.Signals) => {
    restore();
    process.exit(signal === 'SIGHUP' ? 129 : signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGTERM', killed);
  process.once('SIGHUP', killed);
  process.once('SIGINT', killed);
  const initial = initialState({
    lang: options.lang,
    demo: options.demo,
    columns: out.columns || 80,
    rows: out.rows || 24,
    dates: session.defaultDates(),
    afterStatus: session.settings.afterTransferStatus,
    statusToTransfer: session.settings.invoiceStatusToTransfer,
    profile: options.profile,
    tab: options.tab,
    setup: options.setup,
  });
  // Ink repaints the whole screen for every frame; it draws into a FrameStream instead, which sends the terminal
  // only the rows that changed. Debug mode is ink's way of writing each frame plainly, without erasing.
  const frames = new FrameStream(out, terminal.onFrame);
  // Ctrl+C goes through the keymap, so a running transfer is asked about first.
  const app = render(<App session={session} initial={initial} />, {
    exitOnCtrlC: false,
    debug: true,
    patchConsole: false,
    stdout: frames as unknown as NodeJS.WriteStream,
    stdin: terminal.stdin,
  });
  try {
    await app.waitUntilExit();
  } finally {
    frames.close();
    restore();
    process.off('uncaughtException', crash);
    process.off('unhandledRejection', crash);
    process.off('SIGTERM', killed);
    process.off('SIGHUP', killed);
    process.off('SIGINT', killed);
  }
}
