/**
 * The set-up every browser test file shares: the built app served on a free port, Chromium, and the
 * Node engine holding the samples with the rules installed (to compare what the page shows with SQL).
 * Call at the top of a test file; the returned object is filled before the tests run.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../src/db';
import { installRules } from '../../src/rules';
import { type AppServer, buildAndServe } from './app-server';
import { launchChromium } from './browser';
import { getSampleDb } from './duckdb';

export interface AppSession {
  server: AppServer;
  browser: Browser;
  db: Db;
}

export function setUpAppSession(): AppSession {
  const session = {} as AppSession;
  beforeAll(async () => {
    const [browser, server, db] = await Promise.all([launchChromium(), buildAndServe(), getSampleDb()]);
    await installRules(db);
    Object.assign(session, { browser, server, db });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
