// Writes the documentation site into a directory (called by build.sh, which
// installs the npm packages first): openapi.json from docs/openapi.yaml, the
// page and its initializer, and Swagger UI's published static files.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from 'yaml';

const siteDir = dirname(fileURLToPath(import.meta.url));
const specPath = join(siteDir, '..', 'openapi.yaml');
const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

// The files of swagger-ui-dist the page loads, plus its licence and notice,
// which its Apache-2.0 licence asks a redistribution to carry.
const SWAGGER_FILES = ['swagger-ui-bundle.js', 'swagger-ui.css', 'favicon-16x16.png', 'favicon-32x32.png'];
const SWAGGER_NOTICES = { LICENSE: 'swagger-ui-LICENSE.txt', NOTICE: 'swagger-ui-NOTICE.txt' };

function main(outDir) {
  mkdirSync(outDir, { recursive: true });
  const spec = parse(readFileSync(specPath, 'utf8'));
  if (typeof spec?.openapi !== 'string' || !spec.openapi.startsWith('3.1')) {
    throw new Error(`${specPath} is not an OpenAPI 3.1 document`);
  }
  writeFileSync(join(outDir, 'openapi.json'), JSON.stringify(spec, null, 2) + '\n');
  for (const name of ['index.html', 'initializer.js']) copyFileSync(join(siteDir, name), join(outDir, name));
  for (const name of SWAGGER_FILES) copyFileSync(join(swaggerDir, name), join(outDir, name));
  for (const [from, to] of Object.entries(SWAGGER_NOTICES)) copyFileSync(join(swaggerDir, from), join(outDir, to));
}

if (process.argv.length !== 3) {
  console.error('usage: node build.mjs <out dir>');
  process.exit(2);
}
main(process.argv[2]);
