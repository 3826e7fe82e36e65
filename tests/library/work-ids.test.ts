import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/library/slug.js';
import { assignIds } from '../../src/library/work-ids.js';

const none = new Map<string, string>();

describe('work ids', () => {
  it('with no claims yet, are the ids earlier versions gave: the slug, then -2, -3 in file-name order', () => {
    const { ids } = assignIds(
      [
        { file: 'b/second.txt', title: 'Same Title' },
        { file: 'a/first.txt', title: 'Same Title' },
        { file: 'other.md', title: 'Other' },
      ],
      none,
    );
    expect(ids).toEqual(['same-title-2', 'same-title', 'other']);
  });

  it('do not move when the first of two files with one title is deleted', () => {
    const before = assignIds([{ file: 'a.txt', title: 'Twin' }, { file: 'b.txt', title: 'Twin' }], none);
    const after = assignIds([{ file: 'b.txt', title: 'Twin' }], before.claims);
    expect(after.ids).toEqual([before.ids[1]]);
    expect(after.ids).toEqual(['twin-2']);
  });

  it('are never handed on: a new file with a removed file’s title gets a fresh id, and the removed file gets its own back', () => {
    const first = assignIds([{ file: 'old.txt', title: 'Echo' }], none);
    const replaced = assignIds([{ file: 'new.txt', title: 'Echo' }], first.claims);
    expect(replaced.ids).toEqual(['echo-2']);
    const back = assignIds([{ file: 'old.txt', title: 'Echo' }, { file: 'new.txt', title: 'Echo' }], replaced.claims);
    expect(back.ids).toEqual(['echo', 'echo-2']);
  });

  it('stay with their file when its title changes', () => {
    const first = assignIds([{ file: 'story.txt', title: 'Draft Title' }], none);
    expect(assignIds([{ file: 'story.txt', title: 'Final Title' }], first.claims).ids).toEqual([slugify('Draft Title')]);
  });
});
