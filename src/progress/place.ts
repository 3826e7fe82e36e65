/** Where a reader is in a work: an offset into a chapter's canonical text, not a page number, so it survives a change of page size. */
export interface Place {
  chapter: number;
  offset: number;
}

/** A reader's place in one work as the progress store keeps it. */
export interface SavedPlace extends Place {
  workId: string;
  /** Epoch milliseconds of the last page shown. */
  at: number;
  /** The text the page began with, to find the place again after the work's text changed (reading/relocate.ts). */
  anchor?: string;
}
