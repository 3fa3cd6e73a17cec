// Bundles the compiled bot (dist/main.js and what it imports, node_modules included) into one
// file, dist/politiradsboten.mjs, which `npm start` runs. Loading one file instead of some 1,500
// modules (botbuilder alone is hundreds) cuts the time from start to ready by about a second;
// see the README's Benchmarks. dist/main.js stays runnable, unbundled, for debugging.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');

/** One server script and what it imports, as one ES module for Node 20 and later. */
export async function bundle(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // restify's logger probes for DTrace with a computed require of a native addon it may not have.
    external: ['dtrace-provider'],
    // The CommonJS packages inside (botbuilder, restify) call require; ESM has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle(path.join(root, 'dist/main.js'), path.join(root, 'dist/politiradsboten.mjs'));
}
