/**
 * The export worker as the harness (and the end-to-end tests) run it: from source, through tsx,
 * like the rest of the core here. The packaged app runs the bundled `exportWorker.cjs` instead.
 */
export const HARNESS_EXPORT_WORKER = {
  file: new URL('../core/export/exportWorker.ts', import.meta.url),
  execArgv: ['--import', 'tsx'],
};
