import { strToU8, zipSync, type Zippable } from 'fflate';

// Small EPUBs built in memory from strings, so each test shows the whole book it reads.

export const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

export function xhtml(body: string, title = 'x'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${title}</title></head>
<body>${body}</body></html>`;
}

/** Files under OEBPS/ beside the container; a string is written as UTF-8, bytes as they are. */
export function epub(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = { mimetype: strToU8('application/epub+zip'), 'META-INF/container.xml': strToU8(CONTAINER) };
  for (const [path, content] of Object.entries(files)) entries[`OEBPS/${path}`] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(entries);
}

/** A book of one chapter file, `chapter.xhtml`, given as it is stored in the zip. */
export function oneChapterEpub(chapter: string | Uint8Array): Uint8Array {
  return epub({
    'content.opf': opf({ metadata: '<dc:title>One File</dc:title>', items: [item('c1', 'chapter.xhtml')], spine: ['c1'] }),
    'chapter.xhtml': chapter,
  });
}

export function opf(options: { metadata: string; items: string[]; spine: string[]; spineToc?: string }): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${options.metadata}</metadata>
  <manifest>${options.items.join('\n')}</manifest>
  <spine${options.spineToc ? ` toc="${options.spineToc}"` : ''}>${options.spine.map((id) => `<itemref idref="${id}"/>`).join('')}</spine>
</package>`;
}

export function item(id: string, href: string, extra = ''): string {
  const type = href.endsWith('.ncx') ? 'application/x-dtbncx+xml' : 'application/xhtml+xml';
  return `<item id="${id}" href="${href}" media-type="${type}" ${extra}/>`;
}

/** EPUB 3: a nav document whose order differs from the file names, a cover outside it, a split chapter. */
export function epub3(): Uint8Array {
  return epub({
    'content.opf': opf({
      metadata: `<dc:title>Nav Book</dc:title><dc:creator>Ada Author</dc:creator><dc:language>en</dc:language>
        <dc:subject>Adventure</dc:subject><dc:description>&lt;p&gt;A &lt;b&gt;short&lt;/b&gt; book.&lt;/p&gt;</dc:description>`,
      items: [
        item('nav', 'nav.xhtml', 'properties="nav"'),
        item('cover', 'cover.xhtml'),
        item('c2', 'text/b.xhtml'),
        item('c1', 'text/a%20file.xhtml'),
        item('c1b', 'text/a-split.xhtml'),
      ],
      spine: ['cover', 'c2', 'c1', 'c1b'],
    }),
    'nav.xhtml': xhtml(`<nav epub:type="toc"><ol>
      <li><a href="text/b.xhtml">The First Door</a></li>
      <li><a href="text/a%20file.xhtml#start">The Second Door</a></li></ol></nav>`),
    'cover.xhtml': xhtml('<p>Nav Book, a cover page</p>'),
    'text/b.xhtml': xhtml('<h1>The First Door</h1><p>She <em>opened</em> it.</p>'),
    'text/a file.xhtml': xhtml('<section><h2>Part 2</h2><h3>The Second Door</h3><p>It was locked.</p></section>'),
    'text/a-split.xhtml': xhtml('<p>The rest of the second chapter.</p>'),
  });
}

/** EPUB 2: titles from the NCX, no nav document. */
export function epub2(): Uint8Array {
  return epub({
    'content.opf': opf({
      metadata: '<dc:title>Ncx Book</dc:title><dc:creator>Bo Writer</dc:creator>',
      items: [item('ncx', 'toc.ncx'), item('one', 'one.xhtml'), item('two', 'two.xhtml')],
      spine: ['one', 'two'],
      spineToc: 'ncx',
    }),
    'toc.ncx': `<?xml version="1.0"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
  <navPoint id="p1" playOrder="1"><navLabel><text>Beginnings</text></navLabel><content src="one.xhtml"/></navPoint>
  <navPoint id="p2" playOrder="2"><navLabel><text>Endings</text></navLabel><content src="two.xhtml#x"/></navPoint>
</navMap></ncx>`,
    'one.xhtml': xhtml('<p>First words.</p><p>* * *</p><p>After the break.</p>'),
    'two.xhtml': xhtml('<p>Last words.</p>'),
  });
}

/**
 * AO3's afterword as its download template writes it (a heading, the end notes and works inspired by this one
 * in a `div.meta`, then the plea to comment), classes renamed by calibre; `id: false` as if the id were lost too.
 */
export function ao3Afterword(options: { id: boolean }): string {
  return xhtml(`<div class="calibre1"${options.id ? ' id="afterword"' : ''}><h2 class="calibre2">Afterword</h2>
      <div class="calibre14"><div${options.id ? ' id="endnotes"' : ''}><p class="calibre3">End Notes</p><blockquote class="calibre13"><p class="calibre3">Thanks!</p></blockquote></div>
      <dl class="calibre7"><dt class="calibre8">Works inspired by this one:</dt><dd class="calibre9"><a href="#">Crane Husband</a> by <a href="#">someone</a></dd></dl></div>
      <p class="calibre17">Please <a href="http://archiveofourown.org/works/777/comments/new">drop by the Archive and comment</a> to let the creator know if you enjoyed their work!</p></div>`);
}

/** AO3's EPUB as calibre makes it: classes renamed, preface and afterword in their own files. */
export function ao3Epub(options: { afterword?: string } = {}): Uint8Array {
  return epub({
    'content.opf': opf({
      metadata: '<dc:title>Crane Wife</dc:title><dc:creator>inkwell</dc:creator><dc:subject>Shadowhunters (TV)</dc:subject>',
      items: [item('ncx', 'toc.ncx'), item('s0', 'Crane_Wife_split_000.xhtml'), item('s1', 'Crane_Wife_split_001.xhtml'), item('s2', 'Crane_Wife_split_002.xhtml'), item('s3', 'Crane_Wife_split_003.xhtml')],
      spine: ['s0', 's1', 's2', 's3'],
      spineToc: 'ncx',
    }),
    'toc.ncx': `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>
  <navPoint><navLabel><text>Preface</text></navLabel><content src="Crane_Wife_split_000.xhtml"/></navPoint>
  <navPoint><navLabel><text>Chapter 1: Snow</text></navLabel><content src="Crane_Wife_split_001.xhtml"/></navPoint>
  <navPoint><navLabel><text>Thaw</text></navLabel><content src="Crane_Wife_split_002.xhtml"/></navPoint>
  <navPoint><navLabel><text>Afterword</text></navLabel><content src="Crane_Wife_split_003.xhtml"/></navPoint>
</navMap></ncx>`,
    'Crane_Wife_split_000.xhtml': xhtml(`<div class="calibre1"><h2 class="calibre2">Preface</h2>
      <p class="calibre3"><b class="calibre4">Crane Wife</b><br class="calibre5"/>Posted originally on the <a href="http://archiveofourown.org/">Archive of Our Own</a> at <a href="http://archiveofourown.org/works/777">http://archiveofourown.org/works/777</a>.</p>
      <div class="calibre6"><dl class="calibre7">
        <dt class="calibre8">Rating:</dt><dd class="calibre9"><a class="calibre10" href="#">Mature</a></dd>
        <dt class="calibre8">Archive Warning:</dt><dd class="calibre9"><a class="calibre10" href="#">No Archive Warnings Apply</a></dd>
        <dt class="calibre8">Fandom:</dt><dd class="calibre9"><a class="calibre10" href="#">Shadowhunters (TV)</a></dd>
        <dt class="calibre8">Additional Tags:</dt><dd class="calibre9"><a class="calibre10" href="#">Folklore</a>, <a class="calibre10" href="#">Winter</a></dd>
      </dl>
      <h1 class="calibre11">Crane Wife</h1><div class="calibre12">by <a rel="author" href="#">inkwell</a></div>
      <p class="calibre3">Summary</p><blockquote class="calibre13"><p class="calibre3">A retelling.</p></blockquote></div></div>`),
    'Crane_Wife_split_001.xhtml': xhtml(`<div class="calibre1"><div class="calibre14"><h2 class="calibre15">Chapter 1: Snow</h2>
      <p class="calibre3">Chapter Notes</p><blockquote class="calibre13"><p class="calibre3">A chapter note.</p></blockquote></div>
      <div class="calibre16"><p class="calibre3">The snow fell.</p></div>
      <div class="calibre14" id="endnotes1"><p class="calibre3">Chapter End Notes</p><blockquote class="calibre13"><p class="calibre3">An end note.</p></blockquote></div></div>`),
    'Crane_Wife_split_002.xhtml': xhtml(`<div class="calibre1"><div class="calibre14"><h2 class="calibre15">Thaw</h2></div>
      <div class="calibre16"><p class="calibre3">The snow melted.</p></div></div>`),
    'Crane_Wife_split_003.xhtml': options.afterword ?? ao3Afterword({ id: true }),
  });
}

/**
 * A longer AO3 work as calibre splits it by size: the preface over two files (the tag list, then title, byline
 * and summary), chapter 1 over two files, chapters 2 and 3 starting inside a file, and the afterword's empty
 * page-break `div` left at the end of the last chapter's file.
 */
export function ao3SplitEpub(): Uint8Array {
  const files = [
    `<div class="calibre1" id="preface"><h2 class="calibre2">Preface</h2>
      <p class="calibre3"><b>Lantern Weather</b><br/>Posted originally on the <a href="https://archiveofourown.org/">Archive of Our Own</a> at <a href="https://archiveofourown.org/works/123">https://archiveofourown.org/works/123</a>.</p>
      <div class="calibre1"><dl class="calibre4"><dt class="calibre5">Rating:</dt><dd class="calibre6"><a href="#">Teen And Up Audiences</a></dd>
      <dt class="calibre5">Archive Warning:</dt><dd class="calibre6"><a href="#">No Archive Warnings Apply</a></dd></dl></div></div>`,
    `<div class="calibre1" id="preface"><div class="calibre1"><h1 class="calibre7">Lantern Weather</h1><div class="calibre8">by <a rel="author" href="#">quiet_owl</a></div>
      <p class="calibre3">Summary</p><blockquote class="calibre9"><p class="calibre3">A keeper and a storm.</p></blockquote></div></div>
      <div class="calibre10" id="chapters"><div class="calibre1"></div></div>`,
    `<div class="calibre10" id="chapters"><div class="calibre1"><h2 class="calibre11">Chapter 1: First Light</h2>
      <p class="calibre3">Chapter Notes</p><blockquote class="calibre9"><p>A chapter note.</p></blockquote></div>
      <div class="calibre12"><p>Part A.</p></div></div>`,
    `<div class="calibre10" id="chapters"><div class="calibre12"><p>Part B.</p></div>
      <div class="calibre1" id="endnotes1"><p class="calibre3">Chapter End Notes</p><blockquote class="calibre9"><p>An end note.</p></blockquote></div>
      <div class="calibre1"><h2 class="calibre11">Chapter 2</h2></div><div class="calibre12"><p>Second chapter.</p></div></div>`,
    `<div class="calibre10" id="chapters"><div class="calibre12"><p>More of the second.</p></div>
      <div class="calibre1"><h2 class="calibre11">Chapter 3</h2></div><div class="calibre12"><p>Third chapter.</p></div></div>
      <div class="calibre1" id="afterword"><div class="calibre13"></div></div>`,
  ];
  const name = (n: number) => `Lantern_Weather_split_00${n}.xhtml`;
  return epub({
    'content.opf': opf({
      metadata: '<dc:title>Lantern Weather</dc:title><dc:creator>quiet_owl</dc:creator>',
      items: [item('ncx', 'toc.ncx'), ...[0, 1, 2, 3, 4, 5].map((n) => item(`s${n}`, name(n)))],
      spine: [0, 1, 2, 3, 4, 5].map((n) => `s${n}`),
      spineToc: 'ncx',
    }),
    'toc.ncx': `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>
  <navPoint><navLabel><text>Preface</text></navLabel><content src="${name(0)}"/></navPoint>
  <navPoint><navLabel><text>Chapter 1: First Light</text></navLabel><content src="${name(2)}"/></navPoint>
  <navPoint><navLabel><text>Chapter 2</text></navLabel><content src="${name(3)}#calibre_toc_3"/></navPoint>
  <navPoint><navLabel><text>Chapter 3</text></navLabel><content src="${name(4)}#calibre_toc_4"/></navPoint>
  <navPoint><navLabel><text>Afterword</text></navLabel><content src="${name(5)}"/></navPoint>
</navMap></ncx>`,
    ...Object.fromEntries(files.map((body, n) => [name(n), xhtml(body)])),
    [name(5)]: ao3Afterword({ id: true }),
  });
}
