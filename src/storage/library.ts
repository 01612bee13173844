import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ParseResult } from '../parse';

/** A document imported in the browser, as kept between visits. */
export interface StoredDocument {
  docId: string;
  fileName: string;
  /** What the file was read as (docx, pdf, text…). */
  kind: string;
  /** Size of the original file in bytes. */
  size: number;
  /** ISO time of the import. */
  importedAt: string;
  result: ParseResult;
}

/** What the app lists of a stored document (the parse result itself stays in IndexedDB). */
export type StoredInfo = Omit<StoredDocument, 'result'>;

/** A stored document without its parse result. */
export function storedInfo(d: StoredDocument): StoredInfo {
  return { docId: d.docId, fileName: d.fileName, kind: d.kind, size: d.size, importedAt: d.importedAt };
}

/** The original file, kept so nothing the user gave is lost (and it can be read again by a newer parser). */
export interface StoredSource {
  docId: string;
  fileName: string;
  bytes: Uint8Array;
}

interface LibrarySchema extends DBSchema {
  documents: { key: string; value: StoredDocument };
  sources: { key: string; value: StoredSource };
  settings: { key: string; value: unknown };
}

/** IndexedDB database name; one per origin. */
export const LIBRARY_NAME = 'target-lens';

/**
 * The browser's store of imported documents (IndexedDB). Every write is one transaction, so an
 * import or removal either happens whole or not at all.
 */
export class Library {
  private constructor(private readonly idb: IDBPDatabase<LibrarySchema>) {}

  /** Opens (and on first use creates) the store; rejects when the browser offers no IndexedDB. */
  static async open(name: string = LIBRARY_NAME): Promise<Library> {
    const idb = await openDB<LibrarySchema>(name, 1, {
      upgrade(db) {
        db.createObjectStore('documents', { keyPath: 'docId' });
        db.createObjectStore('sources', { keyPath: 'docId' });
        db.createObjectStore('settings');
      },
    });
    return new Library(idb);
  }

  /** Every stored document, oldest import first. */
  async documents(): Promise<StoredDocument[]> {
    const all = await this.idb.getAll('documents');
    return all.sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.docId.localeCompare(b.docId));
  }

  /** How many documents are stored. */
  count(): Promise<number> {
    return this.idb.count('documents');
  }

  /** The stored documents with these ids (missing ids are left out). */
  async documentsById(docIds: readonly string[]): Promise<StoredDocument[]> {
    const found = await Promise.all(docIds.map((id) => this.idb.get('documents', id)));
    return found.filter((d): d is StoredDocument => d !== undefined);
  }

  /** Adds documents (with their original files), replacing those with the same id; all or nothing. */
  async save(documents: readonly StoredDocument[], sources: readonly StoredSource[]): Promise<void> {
    const tx = this.idb.transaction(['documents', 'sources'], 'readwrite');
    const docs = tx.objectStore('documents');
    const files = tx.objectStore('sources');
    await Promise.all([...documents.map((d) => docs.put(d)), ...sources.map((s) => files.put(s)), tx.done]);
  }

  /** Removes documents and their original files; all or nothing. */
  async remove(docIds: readonly string[]): Promise<void> {
    const tx = this.idb.transaction(['documents', 'sources'], 'readwrite');
    const docs = tx.objectStore('documents');
    const files = tx.objectStore('sources');
    await Promise.all([...docIds.flatMap((id) => [docs.delete(id), files.delete(id)]), tx.done]);
  }

  /** The original file of a stored document. */
  source(docId: string): Promise<StoredSource | undefined> {
    return this.idb.get('sources', docId);
  }

  /** A stored setting, or `fallback` when it was never set. */
  async setting<T>(key: string, fallback: T): Promise<T> {
    const value = await this.idb.get('settings', key);
    return value === undefined ? fallback : (value as T);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.idb.put('settings', value, key);
  }

  close(): void {
    this.idb.close();
  }
}
