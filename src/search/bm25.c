/*
** bm25_counted(passages, n0, n1, ...): FTS5's bm25 for the text column (bm25(passages, 1, 0, 0, 0) in
** src/search/index.ts), but told how many passages hold each phrase of the query (n0 for the first phrase,
** n1 for the second; NULL or missing for a phrase that is not weighed, such as the rating filter) instead
** of counting them. FTS5's own bm25 counts them at every query, one pass over each phrase's postings (about
** 4 ms for a common word in the bench library); index.ts counts a phrase once and bm25.ts keeps the count until
** the index changes. The formula and its constants are those of FTS5's bm25, so both rank alike, which
** tests/search/bm25.test.ts checks. Built at install by scripts/build-bm25.ts; loaded by src/search/index.ts.
*/
#include <math.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#define TEXT_COLUMN 0
#define MAX_PHRASES 64

static void bm25Counted(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nVal, sqlite3_value **apVal) {
  const double k1 = 1.2;
  const double b = 0.75;
  double idf[MAX_PHRASES];
  double freq[MAX_PHRASES];
  sqlite3_int64 rows = 0, tokens = 0;
  int phrases = api->xPhraseCount(fts);
  int rc, instances = 0, rowTokens = 0, i;
  double score = 0.0, avgdl;
  if (phrases > MAX_PHRASES) phrases = MAX_PHRASES;
  rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc == SQLITE_OK) rc = api->xInstCount(fts, &instances);
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &rowTokens);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  avgdl = rows > 0 ? (double)tokens / (double)rows : 1.0;
  for (i = 0; i < phrases; i++) {
    freq[i] = 0.0;
    idf[i] = 0.0;
    if (i < nVal && sqlite3_value_type(apVal[i]) != SQLITE_NULL) {
      double hits = (double)sqlite3_value_int64(apVal[i]);
      idf[i] = log(((double)rows - hits + 0.5) / (hits + 0.5));
      if (idf[i] <= 0.0) idf[i] = 1e-6;
    }
  }
  for (i = 0; i < instances; i++) {
    int phrase, column, offset;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    if (column == TEXT_COLUMN && phrase < phrases) freq[phrase] += 1.0;
  }
  for (i = 0; i < phrases; i++) {
    score += idf[i] * ((freq[i] * (k1 + 1.0)) / (freq[i] + k1 * (1 - b + b * rowTokens / avgdl)));
  }
  sqlite3_result_double(ctx, -1.0 * score);
}

/* The connection's FTS5 API, which FTS5 hands out to `SELECT fts5(?1)` with a pointer bound to ?1. */
static fts5_api *fts5Of(sqlite3 *db) {
  fts5_api *api = 0;
  sqlite3_stmt *statement = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(statement);
  }
  sqlite3_finalize(statement);
  return api;
}

/* The entry point SQLite looks for in bm25.so: sqlite3_ and the file name's letters, up to its first dot. */
#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_bm_init(sqlite3 *db, char **error, const sqlite3_api_routines *routines) {
  fts5_api *fts5;
  SQLITE_EXTENSION_INIT2(routines);
  fts5 = fts5Of(db);
  if (!fts5 || fts5->iVersion < 2) {
    *error = sqlite3_mprintf("FTS5 is not available");
    return SQLITE_ERROR;
  }
  return fts5->xCreateFunction(fts5, "bm25_counted", 0, bm25Counted, 0);
}
