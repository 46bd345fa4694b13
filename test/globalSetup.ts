import { execFileSync } from 'node:child_process';

/** Tests that spawn bin/sevadm.js run the build, so it is made from these sources before any test starts. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
}
