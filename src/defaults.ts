/** Defaults the --help texts name and the commands use, kept apart so the help loads nothing else. */
export const SANDBOX_DEFAULTS = {
  port: 4780,
  seed: 4711,
  clientId: 'sevadm-demo',
  clientSecret: 'sevadm-demo-secret',
  tokenTtlSeconds: 3600,
} as const;

export const BRIDGE_DEFAULT_PORT = 7730;
