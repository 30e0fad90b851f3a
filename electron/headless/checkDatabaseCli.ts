// `npm run check-database -- --data DIR`: reads the whole database file of a data folder and says
// whether it is sound. At start Partner Desk reads the whole file only after a run that did not close it
// cleanly (../store/cleanShutdown.ts); this is the check on demand (a doubt about the disk, support).
// It opens the file as Partner Desk does, so an older file is brought to the current schema.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { STORE_FILE } from '../engine/engine.ts';
import { openDatabase } from '../store/database.ts';

const { values: args } = parseArgs({ options: { data: { type: 'string' } }, strict: true });
if (!args.data) {
  console.error('Name the data folder to check: npm run check-database -- --data DIR');
  process.exit(2);
}
const file = join(resolve(args.data), STORE_FILE);
if (!existsSync(file)) {
  console.error(`There is no Partner Desk database at ${file}.`);
  process.exit(2);
}
try {
  openDatabase(file, { integrityCheck: 'always' }).close();
  console.log(`The Partner Desk database at ${file} is sound.`);
} catch (error) {
  // A StorageError says what is wrong and what to do; anything else is reported as it is.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
