// Builds the optional native scoring accelerator (native/polis-scorer.c) against the llama.cpp that the
// installed node-llama-cpp ships: headers come from its source bundle (llama/gitRelease.bundle, extracted
// here with git, never vendored), the library is libllama from its CPU platform package. Records what it
// was built against in native/build/polis-scorer.json; src/local-models/native-scorer.ts checks it at load.
// Never fails the install: without node-llama-cpp, git or a compiler it prints one line and exits 0
// (Polis then uses the node-llama-cpp scoring path). `--strict` exits 1 instead (CI).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'build');
const strict = process.argv.includes('--strict');

function skip(reason) {
  console.log(`polis: native scoring accelerator not built (${reason}); local scoring uses node-llama-cpp.`);
  process.exit(strict ? 1 : 0);
}

try {
  // the package's exports do not expose package.json: look it up along Node's resolution paths
  const find = (name, from) => (createRequire(from).resolve.paths(name) ?? []).map((d) => join(d, name)).find((d) => existsSync(join(d, 'package.json')));
  const root = find('node-llama-cpp', join(here, '..', 'package.json'));
  if (!root) skip('node-llama-cpp is not installed');
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const tag = JSON.parse(readFileSync(join(root, 'llama', 'llama.cpp.info.json'), 'utf8')).tag;
  const bundle = join(root, 'llama', 'gitRelease.bundle');
  if (!existsSync(bundle)) skip(`no llama.cpp source bundle at ${bundle}`);
  const platform = `${process.platform}-${process.arch}`;
  const pkg = find(`@node-llama-cpp/${platform}`, join(root, 'package.json'));
  if (!pkg) skip(`the platform package @node-llama-cpp/${platform} is not installed`);
  const binDir = join(pkg, 'bins', platform);
  const lib = existsSync(binDir) ? readdirSync(binDir).find((f) => /^libllama\..*\.(so|dylib)$/.test(f) || f === 'libllama.so') : undefined;
  if (!lib) skip(`no libllama in ${binDir}`);

  rmSync(out, { recursive: true, force: true });
  const headers = mkdtempSync(join(tmpdir(), 'polis-llama-headers-'));
  process.on('exit', () => rmSync(headers, { recursive: true, force: true }));
  const quiet = { stdio: ['ignore', 'ignore', 'pipe'] };
  // only the two include folders come out of the bundle
  try {
    execFileSync('git', ['clone', '--quiet', '--no-checkout', bundle, join(headers, 'repo')], quiet);
    execFileSync('git', ['-C', join(headers, 'repo'), 'checkout', '--quiet', 'HEAD', '--', 'include', 'ggml/include'], quiet);
  } catch (error) {
    skip(`could not extract the llama.cpp headers from ${bundle}: ${String(error.stderr ?? error.message).trim().split('\n')[0]}`);
  }
  const src = join(headers, 'repo');
  const gyp = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const nodeGyp = existsSync(gyp) ? [process.execPath, [gyp]] : ['node-gyp', []];
  // node's own headers when they sit beside the binary (official builds): no download needed
  const prefix = join(dirname(process.execPath), '..');
  const nodedir = () => (existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? [`--nodedir=${prefix}`] : []);
  // glibc: the vectorised expf of native/log-sum-exp.c lives in libmvec (absent on musl, where GCC calls plain expf)
  const mathLibs = process.report?.getReport().header.glibcVersionRuntime ? '-lmvec -lm' : '-lm';
  try {
    execFileSync(nodeGyp[0], [...nodeGyp[1], 'rebuild', '--directory', here, ...nodedir(), '--',
      `-Dllama_include=${join(src, 'include')}`, `-Dggml_include=${join(src, 'ggml', 'include')}`,
      `-Dllama_lib_dir=${binDir}`, `-Dllama_lib=${lib}`, `-Dllama_tag=${tag}`, `-Dmath_libs=${mathLibs}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const text = `${error.stderr ?? ''}${error.stdout ?? ''}`.split('\n').find((l) => /error/i.test(l)) ?? error.message;
    skip(`node-gyp failed: ${text.trim()}`);
  }
  writeFileSync(join(out, 'polis-scorer.json'), `${JSON.stringify({ llamaCpp: tag, nodeLlamaCpp: version, library: join(binDir, lib), builtAt: new Date().toISOString() }, null, 2)}\n`);
  console.log(`polis: native scoring accelerator built against llama.cpp ${tag} (node-llama-cpp ${version}).`);
} catch (error) {
  skip(`unexpected error: ${error.message}`);
}
