import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize, resolve } from 'node:path';
import { build, type Plugin, type PreviewServer, preview } from 'vite';
import { ingestFolder } from '../../scripts/lib/dataset';
import { writeYears } from '../../scripts/lib/years';
import { DATASETS_DIR } from '../../src/data';
import { DATASET_DIR } from '../../src/db';
import { DEMO_DIR } from '../../src/years/demo';

/** Repository root, where vite.config.ts lives. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** A production build of the app served by Vite's preview server. */
export interface AppServer {
  url: string;
  /** The folder the app was built into. */
  outDir: string;
  close(): Promise<void>;
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Serves the files of `dir` under `prefix` (a dataset folder written by `npm run ingest` outside
 * public/, e.g. the 1 GB province benchmark, which the build should not copy).
 */
function serveFolder(prefix: string, dir: string): Plugin {
  return {
    name: `serve-${prefix}`,
    configurePreviewServer(server) {
      server.middlewares.use(prefix, (req, res, next) => {
        const path = normalize(join(dir, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')));
        if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) return next();
        res.setHeader('Content-Type', path.endsWith('.json') ? 'application/json' : 'application/octet-stream');
        res.setHeader('Content-Length', String(statSync(path).size));
        createReadStream(path).pipe(res);
      });
    },
  };
}

/**
 * Runs `npm run ingest` (the dataset the app loads, and the demo years), builds the app into a
 * temporary folder and serves it with `vite preview` on a free port; `datasets` (name → folder) are
 * served as `datasets/<name>/`, which the app opens with `?dataset=<name>`.
 */
export async function buildAndServe(datasets: Record<string, string> = {}): Promise<AppServer> {
  await ingestFolder(join(ROOT, 'data'), join(ROOT, 'public', DATASET_DIR));
  await writeYears(join(ROOT, 'data'), join(ROOT, 'public', DEMO_DIR));
  const outDir = mkdtempSync(join(tmpdir(), 'target-lens-dist-'));
  const configFile = join(ROOT, 'vite.config.ts');
  // Vitest sets NODE_ENV=test and Vite keeps a preset NODE_ENV, which would bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const port = await freePort();
  const server: PreviewServer = await preview({
    root: ROOT,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    plugins: Object.entries(datasets).map(([name, dir]) => serveFolder(`/${DATASETS_DIR}/${name}`, resolve(dir))),
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    outDir,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
