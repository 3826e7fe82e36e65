// Loads the library folder named on the command line and prints what loaded as one JSON line, for tests that
// must load it in a process of its own: under another user, or with a small heap (and the peak memory it used).
import { loadLibrary } from '../../src/library/load.js';

const library = await loadLibrary(process.argv[2]!);
const works = library.works.map((work) => ({ file: work.file, chapters: work.chapters.length }));
console.log(JSON.stringify({ ...library, works, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
