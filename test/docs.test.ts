/**
 * The documentation stays true to the code: docs/configuration.md documents every setting of the configuration
 * schema, every relative link in README.md and docs/*.md leads to a file (and heading) that exists, and every source
 * path docs/architecture.md names exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../src/settings.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** Read by a program of their own, not by the gateway's schema, and documented on the same page. */
const settingsOutsideSchema = ['SANDBOX_HOST', 'SANDBOX_RETIRED'];

/** The text outside fenced code blocks. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a page's headings, with GitHub's -1, -2, ... for repeated ones. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, text] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(text!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

describe('docs/configuration.md', () => {
  const page = read('docs/configuration.md');
  const rows = new Map(
    [...page.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|(.*)$/gm)].map(([, name, rest]) => [
      name!,
      rest!.split(' | ').map((cell) => cell.replace(/\|\s*$/, '').trim()),
    ]),
  );
  const settings = Object.keys(envSchema.shape);

  it('documents every setting of the config schema with its default and meaning, and no setting that is gone', () => {
    expect(settings.length).toBeGreaterThan(40);
    for (const name of settings) {
      const cells = rows.get(name);
      expect(cells, `${name} has no row in docs/configuration.md`).toBeDefined();
      expect(cells!.length, `${name}'s row must give a default and a meaning`).toBeGreaterThanOrEqual(2);
      for (const cell of cells!.slice(0, 2)) expect(cell, `${name}'s row has an empty cell`).not.toBe('');
    }
    const documented = [...rows.keys()].filter((name) => !settingsOutsideSchema.includes(name));
    expect(
      documented.filter((name) => !settings.includes(name)),
      'rows of settings the schema does not have',
    ).toEqual([]);
  });
});

describe('links and source paths in the documentation', () => {
  it('every relative link in README.md and docs/*.md leads to an existing file, and its #anchor to a heading there', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const text = prose(read(page)).replace(/`[^`\n]*`/g, '');
      for (const [, target] of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target!)) continue; // https:, mailto:, ...
        checked += 1;
        const [path = '', fragment] = target!.split('#');
        const file = path === '' ? join(root, page) : join(root, dirname(page), decodeURI(path));
        if (!existsSync(file)) {
          broken.push(`${page}: ${target} (no ${relative(root, file)})`);
          continue;
        }
        if (fragment && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(fragment)) {
          broken.push(`${page}: ${target} (no heading #${fragment} in ${relative(root, file)})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  });

  it('every src/ path named in docs/architecture.md exists', () => {
    const paths = [...new Set(read('docs/architecture.md').match(/\bsrc\/[\w./-]*[\w/]/g) ?? [])];
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});
