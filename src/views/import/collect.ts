/** File name endings the importer reads; other files inside dropped or picked folders are skipped. */
export const IMPORT_EXTENSIONS = [
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.docx',
  '.xlsx',
  '.xls',
  '.pdf',
  '.tsv',
  '.csv',
];

/** The `accept` attribute of the file inputs. */
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.join(',');

/** Files to import, and the names of folder entries that were left out. */
export interface Collected {
  files: File[];
  skipped: string[];
}

function isSupported(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Hidden files (.DS_Store, ~$lock files of Word) are never documents. */
function isHidden(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

/**
 * Splits files into those to import and those skipped. Files the user chose one by one are all
 * kept (an unsupported one gets a clear message in the report); from folders only supported
 * kinds are taken.
 */
export function partition(files: readonly File[], fromFolder: (f: File) => boolean): Collected {
  const out: Collected = { files: [], skipped: [] };
  for (const f of files) {
    if (!fromFolder(f)) out.files.push(f);
    else if (isHidden(f.name)) continue;
    else if (isSupported(f.name)) out.files.push(f);
    else out.skipped.push(f.name);
  }
  return out;
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((done, fail) => reader.readEntries(done, fail));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((done, fail) => entry.file(done, fail));
}

/** Every file below a dropped folder (readEntries answers in batches, so it is called until empty). */
async function walk(dir: FileSystemDirectoryEntry, into: File[]): Promise<void> {
  const reader = dir.createReader();
  for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader))
    for (const entry of batch) {
      if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, into);
      else if (entry.isFile) into.push(await fileOf(entry as FileSystemFileEntry));
    }
}

/** The files of a drop: plain files as they are, folders walked recursively. */
export async function collectDrop(data: DataTransfer): Promise<Collected> {
  // Entries must be taken synchronously, before the first await, or the browser clears the list.
  const entries = [...data.items].filter((i) => i.kind === 'file').map((i) => i.webkitGetAsEntry?.() ?? null);
  const loose = [...data.files];
  if (entries.every((e) => e === null)) return partition(loose, () => false);
  const direct: File[] = [];
  const nested: File[] = [];
  for (const [i, entry] of entries.entries()) {
    if (entry?.isDirectory) await walk(entry as FileSystemDirectoryEntry, nested);
    else {
      const file = entry?.isFile ? await fileOf(entry as FileSystemFileEntry) : loose[i];
      if (file) direct.push(file);
    }
  }
  const folderFiles = new Set(nested);
  return partition([...direct, ...nested], (f) => folderFiles.has(f));
}
