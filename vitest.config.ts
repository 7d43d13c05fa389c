import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs the sources in-process; `package` tests what users install (the compiled
// dist/, the packed tarball in a fresh app, every README command through the built `polis` binary). Its
// global setup rebuilds dist/ when it is older than src/, so no test runs a stale build; vitest calls it
// only when a package test is selected, so running one unit test file never waits for a build.
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/package/**'], testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          globalSetup: ['test/package/build-dist.ts'],
          // npm install from the registry and a consumer's tsc: minutes on a loaded machine.
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
