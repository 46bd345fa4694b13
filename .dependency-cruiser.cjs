/**
 * The seams the build enforces (npm run check:deps): data flows key → reducer → effect → service, so the lower
 * layers never reach up into the UI, and nothing imports in a circle.
 */
const UI = ['^src/(state|screens|components|terminal)/', '^src/(app|tui)\\.tsx$', '^node_modules/(react|ink|ink-[^/]+)/'];

module.exports = {
  forbidden: [
    { name: 'no-cycles', comment: 'A module never imports itself through others.', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'services-below-everything',
      comment: 'services/ never import React, ink, the UI layers, the kinds, the session or the headless commands.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: [...UI, '^src/(kinds|session|headless)/', '^src/session\\.ts$'] },
    },
    {
      name: 'session-headless-kinds-below-the-ui',
      comment: 'session/, headless/ and kinds/ use kinds/ and services/, never state/, screens/ or components/.',
      severity: 'error',
      from: { path: ['^src/(session|headless|kinds)/', '^src/session\\.ts$'] },
      to: { path: UI },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
