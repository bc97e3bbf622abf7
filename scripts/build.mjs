// Bundles every action (actions/<name>/src/index.ts) into actions/<name>/dist, and the config-promotion command
// (cli/src/index.ts) into cli/dist, with ncc, two at a time. `node scripts/build.mjs cdm-upload cli` builds those two.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeContracts } from './contracts.mjs';
import { writeLicenses } from './licenses.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const actions = readdirSync(path.join(root, 'actions'))
  .filter((name) => existsSync(path.join(root, 'actions', name, 'src', 'index.ts')))
  .concat('cli')
  .filter((name) => only.length === 0 || only.includes(name));

/** The folder whose src/index.ts is bundled into its dist/. */
const folderOf = (name) => (name === 'cli' ? path.join(root, 'cli') : path.join(root, 'actions', name));

function build(name) {
  const dir = folderOf(name);
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  const statsDir = mkdtempSync(path.join(tmpdir(), `build-${name}-`));
  const statsFile = path.join(statsDir, 'stats.json');
  const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  const args = [
    ncc,
    'build',
    path.join(dir, 'src', 'index.ts'),
    '-o',
    path.join(dir, 'dist'),
    '--quiet',
    '--target',
    'es2022',
    // index.js.map, read only when a stack trace is printed (shared/report/stack.ts): no start-up cost.
    '--source-map',
    '--no-source-map-register',
    // What webpack bundled, for licenses.txt (the third-party licences, as their terms ask).
    '--stats-out',
    statsFile,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => {
      try {
        if (code !== 0) return reject(new Error(`ncc failed for ${name} (exit ${code})`));
        slimSourceMaps(path.join(dir, 'dist'));
        writeLicenses(JSON.parse(readFileSync(statsFile, 'utf8')), path.join(dir, 'dist', 'licenses.txt'));
        resolve(name);
      } catch (error) {
        reject(error);
      } finally {
        rmSync(statsDir, { recursive: true, force: true });
      }
    });
  });
}

/**
 * A stack trace needs a map's mappings, not the sources' text: dropping `sourcesContent` keeps each map a fraction
 * of its size (every rebuild rewrites it whole in the history). Lazily loaded chunks are third-party code only
 * (the artifact client), so their maps go.
 */
function slimSourceMaps(dist) {
  for (const file of readdirSync(dist).filter((name) => name.endsWith('.js.map'))) {
    const mapPath = path.join(dist, file);
    if (file !== 'index.js.map') {
      rmSync(mapPath);
      continue;
    }
    const map = JSON.parse(readFileSync(mapPath, 'utf8'));
    delete map.sourcesContent;
    // `.././shared/report/run.ts` → `shared/report/run.ts`: paths as a maintainer reads them, from the repository root.
    map.sources = map.sources.map((source) => source.replace(/^(\.\.?\/)+/, ''));
    writeFileSync(mapPath, JSON.stringify(map));
  }
}

// The command's inputs and outputs come from every action.yml as it is now.
if (actions.includes('cli') && (await writeContracts())) console.log('wrote cli/src/contracts.ts');
const queue = [...actions];
const workers = Array.from({ length: 2 }, async () => {
  for (let name = queue.shift(); name; name = queue.shift()) {
    await build(name);
    console.log(`built ${path.relative(root, folderOf(name))}/dist`);
  }
});
await Promise.all(workers);
