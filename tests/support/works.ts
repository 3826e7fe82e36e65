import type { Rating, Work } from '../../src/library/model.js';

/** A one-chapter work with nothing but a title and a rating, for tests of what depends on the rating alone. */
export function workRated(rating: Rating, title: string = rating): Work {
  const id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    id,
    file: `${id}.txt`,
    format: 'text',
    meta: { title, rating, warnings: [], fandoms: [], relationships: [], characters: [], tags: [] },
    epigraph: [],
    chapters: [{ title, blocks: [] }],
  };
}
