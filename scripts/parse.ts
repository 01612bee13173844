/**
 * Parse CLI: `npm run -s parse -- FILE...` prints a JSON array, one object per file, to stdout.
 * Exit code 1 when any file could not be read or had an error diagnostic.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeText } from '../src/data/decode';
import { parseDocument } from '../src/parse';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run -s parse -- FILE...\n');
  process.exit(2);
}
let failed = false;
const out: unknown[] = [];
for (const file of files) {
  try {
    const text = decodeText(await readFile(file));
    const { document, diagnostics } = parseDocument(text, basename(file));
    if (diagnostics.some((d) => d.severity === 'error')) failed = true;
    out.push({ ...document, diagnostics });
  } catch (err) {
    failed = true;
    out.push({
      file: basename(file),
      diagnostics: [
        {
          severity: 'error',
          code: 'FILE_UNREADABLE',
          message: `无法读取文件：${err instanceof Error ? err.message : String(err)}`,
          line: null,
          project: null,
        },
      ],
    });
  }
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
