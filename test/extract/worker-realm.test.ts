/**
 * src/extract runs where the app runs it: a Web Worker, with no DOM, no Buffer, no process and no
 * nested worker. The module is bundled for the browser (package `browser` fields, as Vite resolves
 * them) and run in a fresh V8 realm that holds only the web globals a worker has; it must give the
 * same extraction as Node. pdf.js fetches its CMap files over `fetch`, as in the app.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import * as XLSX from '@e965/xlsx';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { cmapPdf, frontLines, toDocx, toWorkbook } from '../../scripts/lib/fixtures';
import { type Extraction, type ExtractOptions, extractDocument } from '../../src/extract';
import { parseDocument } from '../../src/parse';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'data/004_cd6aa045fd0140d4.txt');
const CMAPS = pathToFileURL(join(ROOT, 'node_modules/pdfjs-dist/cmaps/')).href;

/** Node's globals that a Web Worker does not have. */
const NODE_ONLY = new Set(['Buffer', 'process', 'global', 'require', 'module', 'setImmediate', 'clearImmediate']);

/**
 * A realm with the web globals of this Node (fetch, streams, TextDecoder, timers …) and none of Node's.
 * Two things a worker has and Node 20 lacks are added: `navigator`, and `DOMMatrix`, which pdf.js
 * constructs when it loads and uses only to draw. `fetch` reads file: URLs, standing in for the app's server.
 */
function workerRealm(): vm.Context {
  const fresh = vm.createContext({});
  const own = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', fresh) as string[]);
  const g = globalThis as Record<string, unknown>;
  const realm: Record<string, unknown> = {};
  for (const k of Object.getOwnPropertyNames(globalThis)) if (!NODE_ONLY.has(k) && !own.has(k)) realm[k] = g[k];
  realm.navigator = { userAgent: 'worker', language: 'zh-CN', platform: '' };
  realm.DOMMatrix = class DOMMatrix {};
  realm.fetch = async (url: string | URL) => new Response(await readFile(new URL(String(url))));
  realm.self = realm;
  return vm.createContext(realm);
}

type Extract = (name: string, bytes: Uint8Array, options?: ExtractOptions) => Promise<Extraction>;

let inRealm: Extract;
let realm: vm.Context;
const files: Record<string, Uint8Array> = {};

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: "export { extractDocument } from './src/extract';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'extract',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  });
  realm = workerRealm();
  vm.runInContext(bundle.outputFiles[0]?.text ?? '', realm);
  inRealm = (realm.extract as { extractDocument: Extract }).extractDocument;

  const text = await readFile(SAMPLE, 'utf8');
  const doc = parseDocument(text, 'sample.txt').document;
  const front = frontLines(text, doc);
  files['sample.docx'] = await toDocx(doc, front);
  files['sample.xlsx'] = new Uint8Array(XLSX.write(toWorkbook(doc, front), { type: 'array', bookType: 'xlsx' }));
  files['cmap.pdf'] = cmapPdf(['项目编码    项目名称', '绩效目标表：满意度≥95%']);
}, 60_000);

describe('extractDocument in a worker-like realm (no DOM, Buffer or process)', () => {
  it('the realm has no Node globals', () => {
    expect(vm.runInContext('[typeof Buffer, typeof process, typeof require, typeof document]', realm)).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
    ]);
  });

  for (const name of ['sample.docx', 'sample.xlsx', 'cmap.pdf'])
    it(`${name}: the same extraction as in Node`, async () => {
      const bytes = files[name] as Uint8Array;
      const options: ExtractOptions = { pdf: { cMapUrl: CMAPS } };
      const got = await inRealm(name, bytes, options);
      const want = await extractDocument(name, bytes, {
        pdf: { cMapUrl: join(ROOT, 'node_modules/pdfjs-dist/cmaps/') },
      });
      expect(JSON.parse(JSON.stringify(got))).toEqual(want);
      expect(got.text).toMatch(/项目编码/);
    });

  it('errors cross as ExtractError with their code', async () => {
    await expect(inRealm('broken.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).rejects.toMatchObject({
      name: 'ExtractError',
      code: 'corrupt',
    });
  });
});
