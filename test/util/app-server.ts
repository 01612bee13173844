import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type PreviewServer, preview } from 'vite';
import { ingestFolder } from '../../scripts/lib/dataset';
import { writeYears } from '../../scripts/lib/years';
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

/** Runs `npm run ingest` (the dataset the app loads, and the demo years), builds the app into a temporary folder and serves it with `vite preview` on a free port. */
export async function buildAndServe(): Promise<AppServer> {
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
