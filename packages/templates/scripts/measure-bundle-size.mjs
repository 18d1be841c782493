// Measures what each public function costs a consumer's bundle: an entry that imports only that function
// from the built package is bundled with esbuild (minified, ESM, browser target) and gzipped at level 9.
//
//   pnpm --filter @isc-sdk/templates build && pnpm --filter @isc-sdk/templates measure:bundle
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const imports = [
  ['parseDuration', 'formatDuration'],
  ['addDuration'],
  ['renderPlaceholders'],
  ['addDuration', 'renderPlaceholders'],
  ['previewCampaign'],
];

async function measure(names) {
  const result = await build({
    stdin: {
      contents: `import { ${names.join(', ')} } from '@isc-sdk/templates';\nconsole.log(${names.join(', ')});\n`,
      resolveDir: packageRoot,
      loader: 'js',
    },
    alias: { '@isc-sdk/templates': './dist/index.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
console.log('| import | minified | minified + gzip |');
console.log('| --- | ---: | ---: |');
for (const names of imports) {
  const { minified, gzip } = await measure(names);
  console.log(`| \`${names.join(', ')}\` | ${kB(minified)} | ${kB(gzip)} |`);
}
