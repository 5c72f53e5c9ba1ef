/**
 * The export worker as the harness runs it. From source (the end-to-end tests and other suites run
 * cli.ts through tsx) it is the TypeScript file, run through tsx too; from the bundle `npm run web`
 * runs (scripts/buildWeb.mjs, dist/web/cli.cjs) it is the bundled `exportWorker.cjs` beside it,
 * like the packaged app's.
 */
export function harnessExportWorker(moduleUrl: string): { file: URL; execArgv: string[] } {
  return moduleUrl.endsWith('.ts')
    ? { file: new URL('../core/export/exportWorker.ts', moduleUrl), execArgv: ['--import', 'tsx'] }
    : { file: new URL('./exportWorker.cjs', moduleUrl), execArgv: [] };
}

export const HARNESS_EXPORT_WORKER = harnessExportWorker(import.meta.url);
