const SLUG_MAX = 60;

/** Lowercase ASCII words joined by hyphens; a title with no Latin letters gets a stable hash instead. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return shorten(slug) || `work-${fnv1a(title)}`;
}

/** Ids travel inside Discord custom_ids, which hold 100 characters in all. */
function shorten(slug: string): string {
  if (slug.length <= SLUG_MAX) return slug;
  const cut = slug.slice(0, SLUG_MAX);
  const hyphen = cut.lastIndexOf('-');
  return hyphen > SLUG_MAX / 2 ? cut.slice(0, hyphen) : cut;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
