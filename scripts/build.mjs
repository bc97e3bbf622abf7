// Bundles every action (actions/<name>/src/index.ts) into actions/<name>/dist with ncc, two at a time.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const actions = readdirSync(path.join(root, 'actions'))
  .filter((name) => existsSync(path.join(root, 'actions', name, 'src', 'index.ts')))
  .filter((name) => only.length === 0 || only.includes(name));

function build(name) {
  const dir = path.join(root, 'actions', name);
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
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
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve(name) : reject(new Error(`ncc failed for ${name} (exit ${code})`)),
    );
  });
}

const queue = [...actions];
const workers = Array.from({ length: 2 }, async () => {
  for (let name = queue.shift(); name; name = queue.shift()) {
    await build(name);
    console.log(`built actions/${name}/dist`);
  }
});
await Promise.all(workers);
