import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// Proves the layering rule of eslint.config.js: dependencies point inward (ui -> runtime/tracking ->
// core). Each case lints a one-line file at a path inside a layer and expects the import to fail.
const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter(
      (message) =>
        message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-properties',
    )
    .map((message) => message.message);
}

describe('layer boundaries', () => {
  it.each([
    [
      'src/core/space/x.ts',
      "import { startDriver } from '../../runtime/driverClient';\nexport const f = startDriver;\n",
    ],
    ['src/core/x.ts', "import { App } from '../ui/App';\nexport const f = App;\n"],
    ['src/core/x.ts', "import { openDB } from 'idb';\nexport const f = openDB;\n"],
    ['src/core/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['src/runtime/x.ts', "import { App } from '../ui/App';\nexport const f = App;\n"],
    ['src/runtime/x.ts', "import { openDB } from 'idb';\nexport const f = openDB;\n"],
    [
      'src/tracking/x.ts',
      "import { startDriver } from '../runtime/driverClient';\nexport const f = startDriver;\n",
    ],
    ['src/ui/x.ts', "import { wrap } from 'comlink';\nexport const f = wrap;\n"],
  ])('%s may not: %s', async (filePath, code) => {
    expect(await importErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    [
      'src/ui/x.ts',
      "import { startDriver } from '../runtime/driverClient';\nexport const f = startDriver;\n",
    ],
    [
      'src/runtime/x.ts',
      "import type { SpaceNode } from '../core/space/types';\nexport type F = SpaceNode;\n",
    ],
    [
      'src/tracking/x.ts',
      "import type { SpaceNode } from '../core/space/types';\nexport type F = SpaceNode;\n",
    ],
  ])('%s may: %s', async (filePath, code) => {
    expect(await importErrors(filePath, code)).toEqual([]);
  });

  it('forbids Math.random in core', async () => {
    expect(await importErrors('src/core/x.ts', 'export const f = () => Math.random();\n')).not.toEqual([]);
  });
});
