/**
 * Vite plugin: builds the trial worker runtime and the curated libraries into ONE classic script
 * (an IIFE), served as a separate asset. The sandbox cannot fetch it (connect-src 'none') and
 * cannot start module workers, so the page fetches this text once and hands it to the sandbox,
 * which puts it in front of each run's objective in a Blob worker.
 *
 * `import trialWorkerUrl from 'virtual:trial-worker-bundle'` gives the asset's URL.
 */
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:trial-worker-bundle';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const DEV_PATH = '/@trial-worker-bundle.js';
const entry = fileURLToPath(new URL('../src/runtime/trialWorker/trial.worker.ts', import.meta.url));

/** Builds the bundle in memory and returns its code. */
export async function buildTrialWorkerBundle(minify = true): Promise<string> {
  const output = await build({
    configFile: false,
    // 'error': random-js (inside ml-random-forest) probes Node's crypto and Vite warns that it is
    // externalized; in the sandbox it falls back to its own generator, which is what we want.
    logLevel: 'error',
    build: {
      write: false,
      emptyOutDir: false,
      target: 'es2022',
      minify,
      lib: {
        entry,
        formats: ['iife'],
        name: '__hyperoptTrialWorkerBundle',
        fileName: () => 'trial-worker.js',
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    for (const chunk of result.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('trial worker bundle: the build produced no code');
}

export function trialWorkerBundle(): Plugin {
  let serve = false;
  return {
    name: 'hyperopt-trial-worker-bundle',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      if (serve) return `export default ${JSON.stringify(DEV_PATH)};`;
      const ref = this.emitFile({
        type: 'asset',
        name: 'trial-worker.js',
        source: await buildTrialWorkerBundle(),
      });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (_request, response, next) => {
        buildTrialWorkerBundle(false).then((code) => {
          response.setHeader('Content-Type', 'text/javascript');
          response.end(code);
        }, next);
      });
    },
  };
}
