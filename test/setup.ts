import { TEST_NOW } from './helpers/clock.js';

// One clock for the suite: every test, and every process a test starts, sees the same day.
process.env.SEVADM_NOW = TEST_NOW;
