#!/usr/bin/env node
// The installed `sevadm` command: loads the TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api';

// React's development build is several times slower per key; users get the production one.
process.env.NODE_ENV ??= 'production';
register();
await import('../src/cli.tsx');
