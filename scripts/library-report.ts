// `npm run library`: what the bot would serve from LIBRARY_DIR, and which files it would skip and why.
import 'dotenv/config';
import { libraryDirOf } from '../src/config.js';
import { loadLibrary } from '../src/library/load.js';
import type { Work } from '../src/library/model.js';
import { countWords } from '../src/library/stats.js';
import { paginateWork } from '../src/reading/paginate.js';

const COLUMNS = ['id', 'title', 'format', 'rating', 'chapters', 'words', 'pages'] as const;
const NUMERIC = new Set(['chapters', 'words', 'pages']);

function row(work: Work): string[] {
  const pages = paginateWork(work).reduce((sum, chapter) => sum + chapter.length, 0);
  return [work.id, work.meta.title, work.format, work.meta.rating, String(work.chapters.length), String(countWords(work)), String(pages)];
}

function table(rows: readonly string[][]): string {
  const all = [[...COLUMNS], ...rows];
  const widths = COLUMNS.map((_, column) => Math.max(...all.map((cells) => cells[column]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (NUMERIC.has(COLUMNS[column]!) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  return [line(all[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const dir = libraryDirOf();
const { works, skipped, warnings, missing } = await loadLibrary(dir);
if (missing) {
  console.log(`There is no folder ${dir}: set LIBRARY_DIR to the library's folder.`);
  process.exitCode = 1;
} else if (works.length === 0) console.log(`The library in ${dir} is empty: no works to serve.`);
else console.log(`${works.length} works in ${dir}\n\n${table(works.map(row))}`);
if (warnings.length > 0) {
  console.log(`\nWarnings (${warnings.length}):`);
  for (const { file, warning } of warnings) console.log(`  ${file}: ${warning}`);
}
if (skipped.length > 0) {
  console.log(`\nSkipped ${skipped.length} file(s):`);
  for (const { file, reason } of skipped) console.log(`  ${file}: ${reason}`);
  process.exitCode = 1;
}
