// Rebuilds every bundle and fails when actions/*/dist or cli/dist differs from what is committed.
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const changed = execFileSync('git', ['status', '--porcelain', '--', 'actions', 'cli'], { encoding: 'utf8' })
  .split('\n')
  .filter((line) => /\/dist\//.test(line));
if (changed.length) {
  console.error(`dist/ is out of date with the sources; run npm run build and commit:\n${changed.join('\n')}`);
  execFileSync('git', ['diff', '--stat', '--', 'actions', 'cli'], { stdio: 'inherit' });
  process.exit(1);
}
console.log('dist/ matches the sources.');
