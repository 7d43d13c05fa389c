// Optional peers: a missing package is a MissingPackageError naming the install command; anything else
// (a broken install, a missing file inside the package) passes through unchanged.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MissingPackageError } from '../../src/core/errors/missing-package-error.js';
import { PolisError } from '../../src/core/errors/polis-error.js';
import { importPeer, OPTIONAL_PEERS } from '../../src/core/optional-peer.js';

/**
 * Node's own `import(url)` in a child process (vitest's resolves bare names from this project's
 * node_modules): resolves to what Node threw, as an Error with Node's code and message.
 */
async function nodeImport(url: string): Promise<unknown> {
  const script = `import(${JSON.stringify(url)}).then(() => console.log('{}'), (e) => console.log(JSON.stringify({ code: e.code, message: e.message })))`;
  const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { code?: string; message?: string };
  if (result.code === undefined) return {};
  throw Object.assign(new Error(result.message), { code: result.code });
}

/** A module in an empty temporary folder (no node_modules above it) that imports `specifier`. */
function moduleImporting(specifier: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'polis-peer-'));
  const file = join(dir, 'needs-peer.mjs');
  writeFileSync(file, `import ${JSON.stringify(specifier)};\nexport const ok = true;\n`);
  return pathToFileURL(file).href;
}

describe('importPeer', () => {
  it.each([['node-llama-cpp', 'node-llama-cpp'], ['@langchain/core', '@langchain/core/messages']] as const)(
    'turns Node failing to resolve %s into a MissingPackageError with the install command',
    async (peer, specifier) => {
      const url = moduleImporting(specifier);
      const error = await importPeer({ peer, feature: 'the test feature', load: () => nodeImport(url) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MissingPackageError);
      expect(PolisError.is(error, 'package_missing')).toBe(true);
      const e = error as MissingPackageError;
      expect(e.packageName).toBe(peer);
      expect(e.install).toBe(`npm install ${peer}@${OPTIONAL_PEERS[peer]}`);
      expect(e.message).toBe(`the test feature need ${peer}, an optional peer dependency of polis that is not installed: run \`${e.install}\``);
      expect((e.cause as { code?: string }).code).toBe('ERR_MODULE_NOT_FOUND');
    },
  );

  it('passes through a missing package other than the peer, and a missing file inside the peer', async () => {
    const other = await importPeer({ peer: 'node-llama-cpp', feature: 'x', load: () => nodeImport(moduleImporting('polis-no-such-package')) }).catch((e: unknown) => e);
    expect(other).not.toBeInstanceOf(MissingPackageError);
    expect((other as { code?: string }).code).toBe('ERR_MODULE_NOT_FOUND');
    // The peer is there (a fake one) but a file it imports is not: a broken install, not a missing peer.
    const dir = mkdtempSync(join(tmpdir(), 'polis-peer-'));
    const pkg = join(dir, 'node_modules', 'node-llama-cpp');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'node-llama-cpp', type: 'module', exports: './index.js' }));
    writeFileSync(join(pkg, 'index.js'), "import './missing-part.js';\n");
    writeFileSync(join(dir, 'app.mjs'), "import 'node-llama-cpp';\n");
    const broken = await importPeer({ peer: 'node-llama-cpp', feature: 'x', load: () => nodeImport(pathToFileURL(join(dir, 'app.mjs')).href) }).catch((e: unknown) => e);
    expect(broken).not.toBeInstanceOf(MissingPackageError);
    expect(String((broken as Error).message)).toContain('missing-part.js');
  });

  it('returns what the load returns when the peer is there', async () => {
    await expect(importPeer({ peer: 'node-llama-cpp', feature: 'x', load: async () => 42 })).resolves.toBe(42);
  });

  it("lists the same ranges as package.json's peerDependencies, each optional", () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(pkg.peerDependencies).toEqual(OPTIONAL_PEERS);
    for (const name of Object.keys(OPTIONAL_PEERS)) {
      expect(pkg.peerDependenciesMeta[name]).toEqual({ optional: true });
      expect(pkg.devDependencies[name], `${name} stays a devDependency for our own tests`).toBe(pkg.peerDependencies[name]);
      expect(pkg.dependencies[name]).toBeUndefined();
    }
  });
});
