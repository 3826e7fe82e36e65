import type { Rating } from '../../library/model.js';

/** AO3's rating colours, so a reader knows the rating of a page at a glance. */
export const RATING_COLORS: Record<Rating, number> = {
  'General Audiences': 0x77a100,
  'Teen And Up Audiences': 0xe8d405,
  Mature: 0xde7e00,
  Explicit: 0x9c0000,
  'Not Rated': 0x7f7f7f,
};
