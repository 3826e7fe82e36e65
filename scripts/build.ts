// `npm start` runs the bot as one JavaScript file bundled here rather than through tsx: in bench:turns the
// bundle answered page turns faster, at p99 by about a fifth (README "Performance"). Packages stay outside
// the bundle, loaded from node_modules as usual; only the project's own code is compiled. A source map is
// written beside it for NODE_OPTIONS=--enable-source-maps. `npm run start:sharded` runs the sharding launcher,
// bundled alike beside it, which starts dist/index.js once per shard.
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const BOT_BUNDLE = 'dist/index.js';
export const SHARDED_BUNDLE = 'dist/sharded.js';

export async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry], outfile, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20',
    sourcemap: true, logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await Promise.all([bundle('src/index.ts', BOT_BUNDLE), bundle('src/sharded.ts', SHARDED_BUNDLE)]);
}
