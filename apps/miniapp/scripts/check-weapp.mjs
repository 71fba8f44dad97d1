// After `taro build --type weapp`: check app.json lists the persona subpackages and the main package stays under
// WeChat's 2 MB limit. Prints the sizes; exits 1 on a missing subpackage or an oversized main package.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const distDir = path.resolve(process.argv[2] ?? path.join(here, '..', 'dist', 'weapp'));
const REQUIRED_ROOTS = ['subpackages/officer', 'subpackages/citizen', 'subpackages/representative', 'subpackages/admin'];
const MAIN_LIMIT = 2 * 1024 * 1024;
const SUB_LIMIT = 2 * 1024 * 1024;
// Files the WeChat uploader leaves out of the package.
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json']);

function fail(message) {
  console.error(`check-weapp: ${message}`);
  process.exit(1);
}

function walk(dir, base = dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, base));
    else out.push({ rel: path.relative(base, full).split(path.sep).join('/'), size: statSync(full).size });
  }
  return out;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const appJsonPath = path.join(distDir, 'app.json');
if (!existsSync(appJsonPath)) fail(`${appJsonPath} not found: run \`taro build --type weapp\` first`);
const app = JSON.parse(readFileSync(appJsonPath, 'utf8'));
const subPackages = app.subPackages ?? app.subpackages ?? [];
const roots = subPackages.map((s) => String(s.root).replace(/\/+$/, ''));
const missing = REQUIRED_ROOTS.filter((r) => !roots.includes(r));
if (missing.length) fail(`app.json is missing subpackage(s): ${missing.join(', ')} (has: ${roots.join(', ') || 'none'})`);

const files = walk(distDir).filter((f) => !NOT_UPLOADED.has(f.rel) && !f.rel.endsWith('.map'));
const subSizes = new Map(roots.map((r) => [r, 0]));
let main = 0;
for (const f of files) {
  const root = roots.find((r) => f.rel === r || f.rel.startsWith(`${r}/`));
  if (root) subSizes.set(root, subSizes.get(root) + f.size);
  else main += f.size;
}

for (const r of roots) {
  const pages = subPackages.find((s) => String(s.root).replace(/\/+$/, '') === r).pages ?? [];
  if (pages.length === 0) fail(`subpackage ${r} has no pages`);
  for (const p of pages) {
    if (!existsSync(path.join(distDir, r, `${p}.js`))) fail(`subpackage page ${r}/${p}.js was not built`);
  }
}

// The scoring library is shared with the API: the 考评细则 page previews rule costs with it. Prove the weapp build
// carries both the library's code and the jiguan scheme it reads.
const bundle = files.filter((f) => f.rel.endsWith('.js')).map((f) => readFileSync(path.join(distDir, f.rel), 'utf8')).join('\n');
for (const [what, marker] of [
  ['the scoring library (libs/scoring)', 'invalid scheme at'],
  ['the jiguan scheme (seeds/schemes/jiguan.json)', 'jiguan-2022.1'],
]) {
  if (!bundle.includes(marker)) fail(`the weapp build does not include ${what}: marker "${marker}" not found`);
}

const subs = roots.map((r) => `${r.replace(/^subpackages\//, '')} ${kb(subSizes.get(r))}`).join(', ');
console.log(`主包 ${kb(main)} / ${kb(MAIN_LIMIT)}；分包: ${subs}`);

if (main >= MAIN_LIMIT) fail(`main package ${kb(main)} ≥ ${kb(MAIN_LIMIT)}`);
const bigSub = roots.find((r) => subSizes.get(r) >= SUB_LIMIT);
if (bigSub) fail(`subpackage ${bigSub} ${kb(subSizes.get(bigSub))} ≥ ${kb(SUB_LIMIT)}`);
