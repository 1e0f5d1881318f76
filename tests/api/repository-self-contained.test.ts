import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The repository explains itself: the domain is in docs/domain.md, the choices in docs/adr, and no
 * tracked file sends a reader to a document that lives outside it (a file beside the checkout, a
 * path on one machine). Needs no server; reads the files git tracks, as they are on disk.
 */
const ROOT = join(__dirname, '../..');
const THIS_FILE = 'tests/api/repository-self-contained.test.ts';

/**
 * Case-sensitive on purpose: `docs/domain.md` is the repository's own and may be cited. Built from
 * parts, so that this file does not itself name what it looks for.
 */
const OUTSIDE_REFERENCES = [
  ...['DOMAIN', 'STACK', 'STYLE'].map((name) => `${name}.md`),
  ['', 'work', ''].join('/'),
  ['..', 'shared'].join('/'),
];

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((path) => path !== '' && path !== THIS_FILE);
}

/** A file with a NUL byte near its start is binary (images, fonts); it cites nothing. */
function isText(content: Buffer): boolean {
  return !content.subarray(0, 8000).includes(0);
}

describe('the repository is self-contained', () => {
  it('has no tracked file that cites a document outside the repository', () => {
    const offenders: string[] = [];
    for (const path of trackedFiles()) {
      const absolute = join(ROOT, path);
      // Tracked but deleted in the working tree (someone's change in progress): nothing to read.
      if (!existsSync(absolute)) continue;
      const content = readFileSync(absolute);
      if (!isText(content)) continue;
      const lines = content.toString('utf8').split('\n');
      for (const [index, line] of lines.entries()) {
        const found = OUTSIDE_REFERENCES.filter((reference) => line.includes(reference));
        if (found.length > 0) {
          offenders.push(`${path}:${index + 1}: ${found.join(', ')} in "${line.trim()}"`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
