// Loads the library folder named on the command line and prints what loaded as one JSON line, for tests that
// must load it in a process of its own: as another user (PRINT_LIBRARY_AS_UID), or with a small heap (and the peak memory it used).
import { loadLibrary } from '../../src/library/load.js';

// Dropped only now, after every module is loaded: the checkout itself may be unreadable to that user
// (a clone in a fresh `mktemp -d` folder is root's alone).
const asUid = process.env['PRINT_LIBRARY_AS_UID'];
if (asUid) {
  process.setgid!(Number(asUid));
  process.setuid!(Number(asUid));
}

const library = await loadLibrary(process.argv[2]!);
const works = library.works.map((work) => ({ file: work.file, chapters: work.chapters.length }));
console.log(JSON.stringify({ ...library, works, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
