#!/usr/bin/env node
// The `loket` command. Runs the built command line (dist/electron/cli.cjs).
const fs = require('node:fs');
const path = require('node:path');
const cli = path.join(__dirname, '..', 'dist', 'electron', 'cli.cjs');
if (!fs.existsSync(cli)) {
  console.error('Loket belum dibangun. Jalankan dulu: npm run build');
  process.exit(2);
}
require(cli)
  .runCli(process.argv.slice(2), (line) => console.log(line))
  .then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
