import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../../lib/rules';

const root = join(import.meta.dirname, '..', '..', '..');
const ruleFiles = readdirSync(join(root, 'lib', 'rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && file !== 'rule.ts')
  .map((file) => basename(file, '.ts'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

// One rule per file, named by its id; each registered, tested and documented.
describe('rule registry', () => {
  it('has a registered rule for every file in lib/rules, with the file name as id', () => {
    expect(rules.map((rule) => rule.id).sort()).toEqual([...ruleFiles].sort());
  });

  it.each(ruleFiles)('%s has its own unit test', (id) => {
    expect(existsSync(join(root, 'tests', 'unit', 'rules', `${id}.test.ts`))).toBe(true);
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s is in the README rule table with its default severity', (id, rule) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${id}\` +\\| ${rule.defaultSeverity} +\\|`, 'm'));
  });
});
