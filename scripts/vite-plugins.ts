import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const PDFJS = resolve(import.meta.dirname, '../node_modules/pdfjs-dist');
/** pdf.js data the app serves itself (offline): CJK character maps and the 14 standard fonts. */
const PDFJS_DIRS = ['cmaps', 'standard_fonts'] as const;
/** URL folder of that data, relative to the app's base. */
export const PDFJS_BASE = 'pdfjs';

/** Serves pdf.js's character maps and standard fonts from the app's own origin (dev) and copies them into the build. */
export function pdfjsAssets(): Plugin {
  return {
    name: 'target-lens:pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/pdfjs\/(cmaps|standard_fonts)\/([\w.-]+)$/.exec(req.url?.split('?')[0] ?? '');
        if (!match) return next();
        const file = join(PDFJS, match[1] as string, match[2] as string);
        if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const dir of PDFJS_DIRS)
        for (const name of readdirSync(join(PDFJS, dir)))
          this.emitFile({
            type: 'asset',
            fileName: `${PDFJS_BASE}/${dir}/${name}`,
            source: readFileSync(join(PDFJS, dir, name)),
          });
    },
  };
}

/**
 * The Content-Security-Policy of the page: everything from the app's own origin, nothing from any
 * other host (no request can leave the machine), no inline script in the build. WebAssembly
 * compilation is allowed for DuckDB; inline styles for React's and ECharts' style attributes.
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    // Vite's dev server injects React Fast Refresh as an inline module script; the build has none.
    `script-src 'self' 'wasm-unsafe-eval'${dev ? " 'unsafe-inline'" : ''}`,
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Puts the Content-Security-Policy into index.html as a meta tag (so any static host serves it). */
export function cspMeta(): Plugin {
  let dev = false;
  return {
    name: 'target-lens:csp',
    configResolved(config) {
      dev = config.command === 'serve' && !config.isProduction;
    },
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(dev) },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
