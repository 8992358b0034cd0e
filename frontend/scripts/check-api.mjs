// Fails when src/api/schema.d.ts is not what `npm run gen:api` makes from openapi/alga.json,
// so a changed API contract cannot land without the regenerated types (and the type check they drive).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const committed = join(root, 'src/api/schema.d.ts');
const dir = mkdtempSync(join(tmpdir(), 'alga-api-'));
const fresh = join(dir, 'schema.d.ts');

try {
  // Same CLI and arguments as `gen:api`, so the two outputs are byte-comparable.
  execFileSync(
    join(root, 'node_modules/.bin/openapi-typescript'),
    [join(root, 'openapi/alga.json'), '-o', fresh],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let current = '';
  try {
    current = readFileSync(committed, 'utf8');
  } catch {
    // a missing file is reported as out of date below
  }
  if (current !== readFileSync(fresh, 'utf8')) {
    console.error('src/api/schema.d.ts is out of date with openapi/alga.json: run `npm run gen:api` and commit it.');
    process.exit(1);
  }
  console.log('src/api/schema.d.ts matches openapi/alga.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
