import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface BridgeToken {
  token: string;
  /** Where it came from: the environment, the token file, or made just now (then shown once). */
  source: 'environment' | 'file' | 'new';
}

/** SEVADM_BRIDGE_TOKEN, else the token file, else a new token written to that file (owner-only). */
export function bridgeToken(file: string, env: NodeJS.ProcessEnv = process.env): BridgeToken {
  const fromEnv = env.SEVADM_BRIDGE_TOKEN?.trim();
  if (fromEnv) {
    if (fromEnv.length < 16) throw new Error('SEVADM_BRIDGE_TOKEN must be at least 16 characters');
    return { token: fromEnv, source: 'environment' };
  }
  if (existsSync(file)) {
    // The token opens the company to whoever holds it: a file others can read is no secret.
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0)
      throw new Error(
        `bridge token file ${file} can be read by other users; make it yours alone (chmod 600 ${file}) and start the bridge again`,
      );
    const token = readFileSync(file, 'utf8').trim();
    if (token.length < 16)
      throw new Error(`bridge token file ${file} holds no usable token (16 characters or more); delete it to get a new one`);
    return { token, source: 'file' };
  }
  const token = randomBytes(24).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, token + '\n', { mode: 0o600 });
  // Windows ignores the mode; POSIX systems get owner read/write only.
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  return { token, source: 'new' };
}
