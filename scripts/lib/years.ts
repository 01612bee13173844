import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { decodeText } from '../../src/data/decode';
import { parseDocument, type TargetDocument } from '../../src/parse';
import { renderDocument } from '../../src/render';
import { generateYears, roundTripProblems, type YearLayout, type YearPairTruth } from '../../src/years/generate';

/** Seed of `npm run years` (change it and the demo documents change). */
export const YEARS_SEED = 2024;
export const YEARS_TRUTH_FILE = 'truth.json';
export const YEARS_MANIFEST_FILE = 'manifest.json';
/** How many projects, over all departments, may be renamed and re-coded in the same year. */
export const RENAMED_REISSUED_TOTAL = 2;

/** One generated document in manifest.json. */
export interface YearsManifestFile {
  file: string;
  department: string;
  year: number;
  layout: YearLayout;
  role: 'previous' | 'following';
  /** The real sample this year was made from (the base year, not rewritten). */
  base: string;
  baseYear: number;
  projects: number;
}

export interface YearsManifest {
  seed: number;
  truth: string;
  files: YearsManifestFile[];
}

/** The sample documents of `dataDir` (`*.txt`, sorted by name), parsed. */
export async function readSamples(dataDir: string): Promise<TargetDocument[]> {
  const files = (await readdir(dataDir)).filter((f) => /\.txt$/i.test(f) && !f.startsWith('demo-')).sort();
  const docs: TargetDocument[] = [];
  for (const f of files) docs.push(parseDocument(decodeText(await readFile(join(dataDir, f))), basename(f)).document);
  return docs;
}

/**
 * `npm run years` as a function: for every sample in `dataDir` with a year and a department, writes
 * its previous and following year (`demo-<department>-<year>.<txt|md|html>`), `truth.json` (all year
 * pairs) and `manifest.json` to `outDir`. Old `demo-*` files in `outDir` are removed first. Throws when
 * a generated document does not parse back to what was generated.
 */
export async function writeYears(
  dataDir: string,
  outDir: string,
  seed = YEARS_SEED,
): Promise<{ manifest: YearsManifest; truth: YearPairTruth[] }> {
  const samples = (await readSamples(dataDir)).filter((d) => d.year !== null && d.department);
  // the few renamed-and-recoded projects go to the departments with the most projects
  const bothFor = new Set(
    [...samples]
      .sort((a, b) => b.projects.length - a.projects.length || a.file.localeCompare(b.file))
      .slice(0, RENAMED_REISSUED_TOTAL)
      .map((d) => d.file),
  );
  await mkdir(outDir, { recursive: true });
  for (const f of await readdir(outDir))
    if (/^demo-.*\.(txt|md|html)$/.test(f) || f === YEARS_TRUTH_FILE || f === YEARS_MANIFEST_FILE)
      await rm(join(outDir, f));
  const files: YearsManifestFile[] = [];
  const truth: YearPairTruth[] = [];
  for (const base of samples) {
    const years = generateYears(base, seed, { others: samples, renamedReissued: bothFor.has(base.file) ? 1 : 0 });
    for (const [role, doc] of [
      ['previous', years.previous],
      ['following', years.following],
    ] as const) {
      const layout = doc.layout as YearLayout;
      const text = renderDocument(doc, layout);
      const problems = roundTripProblems(doc, text);
      if (problems.length) throw new Error(`${doc.file} does not parse back: ${problems.slice(0, 3).join('; ')}`);
      await writeFile(join(outDir, doc.file), text);
      files.push({
        file: doc.file,
        department: doc.department ?? '',
        year: doc.year as number,
        layout,
        role,
        base: base.file,
        baseYear: base.year as number,
        projects: doc.projects.length,
      });
    }
    truth.push(...years.truth);
  }
  const manifest: YearsManifest = { seed, truth: YEARS_TRUTH_FILE, files };
  await writeFile(join(outDir, YEARS_TRUTH_FILE), `${JSON.stringify(truth, null, 2)}\n`);
  await writeFile(join(outDir, YEARS_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, truth };
}
