#!/usr/bin/env node
// The process that owns Adk.dll for one company (started by sevadm, never by hand): loads the
// TypeScript worker through tsx, like bin/sevadm.js.
import { register } from 'tsx/esm/api';

register();
await import('../src/services/administration/adk/worker.ts');
