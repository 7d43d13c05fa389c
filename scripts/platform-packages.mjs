// Prints `name@version` for the optional native packages this machine needs (esbuild, rolldown,
// lightningcss, node-llama-cpp's CPU build), read from package-lock.json. CI installs with
// --omit=optional to skip node-llama-cpp's ~650 MB of CUDA, Vulkan and ARM builds, then adds these back.
import { readFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const libc = process.report?.getReport?.().header?.glibcVersionRuntime ? 'glibc' : 'musl';
const skip = /cuda|vulkan|linux-arm/;
for (const [path, meta] of Object.entries(lock.packages)) {
  if (!meta.optional || !path.startsWith('node_modules/')) continue;
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  if (skip.test(name)) continue;
  if (meta.os && !meta.os.includes(process.platform)) continue;
  if (meta.cpu && !meta.cpu.includes(process.arch)) continue;
  if (meta.libc && !meta.libc.includes(libc)) continue;
  console.log(`${name}@${meta.version}`);
}
