/*
 * sahifa_rank: the library's relevance score, an FTS5 auxiliary function loaded as an SQLite
 * extension (rank-extension.ts loads it; rank.ts calls it).
 *
 *   sahifa_rank(article_index, holding, w0, w1, w2, w3)
 *
 * It is FTS5's own bm25() (same k1, b, IDF, column weights and sums, in the same order), with two
 * costs taken out, which at a million articles were most of a search's time
 * (docs/benchmarks.md, "A ranking function of our own"):
 *
 * 1. How many articles hold each phrase, which the IDF is made of, comes from the caller
 *    (`holding`: a blob of one double per phrase of the MATCH expression, in FTS5's order and in
 *    this machine's byte order; phrase-frequency.ts estimates them). bm25() instead walks the
 *    whole library's list of every phrase before scoring the first row: 10-25 ms for a common
 *    word, whatever range is ranked.
 * 2. Each row's length in tokens comes from an array of every article's length held by the
 *    connection, not from a lookup in the index's docsize table (half a microsecond a row, the
 *    larger part of bm25's cost per row). The array is read once, then kept up to date at the
 *    start of each ranking statement: the docsize rows written since the last look are those with
 *    a newer `origin` (FTS5 gives every transaction's rows a larger one), found through an index
 *    the library creates on that column (rank-extension.ts). A row the array lacks is looked up
 *    the usual way (xColumnSize).
 *
 * The array belongs to one connection and is only touched by the statements of that connection,
 * which SQLite runs one at a time; it is freed when the connection closes.
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <string.h>

#define K1 1.2
#define B 0.75
#define MAX_COLUMNS 16
#define UNKNOWN_LENGTH 0xFFFFFFFFu
/* Rows beyond this id are looked up each time: the array stays under 256 MB whatever the ids. */
#define MOST_ROWS ((sqlite3_int64)1 << 26)

/* Every article's length in tokens (all columns), by rowid, for one connection. */
typedef struct Lengths {
  sqlite3 *db;
  unsigned int *length;   /* by rowid; UNKNOWN_LENGTH where not read */
  sqlite3_int64 capacity; /* entries allocated */
  int loaded;
  unsigned int dataVersion;
  sqlite3_int64 newestOrigin; /* the largest docsize origin read */
} Lengths;

/* The sum of an FTS5 docsize blob's varints: the row's tokens over every column. */
static unsigned int sizeOfRow(const unsigned char *blob, int bytes) {
  unsigned int total = 0;
  int i = 0;
  while (i < bytes) {
    unsigned int value = 0;
    int shift = 0;
    while (i < bytes && (blob[i] & 0x80) && shift < 28) {
      value = (value << 7) | (blob[i] & 0x7f);
      i++;
      shift += 7;
    }
    if (i < bytes) value = (value << 7) | blob[i++];
    total += value;
  }
  return total;
}

static int reserve(Lengths *lengths, sqlite3_int64 rowid) {
  if (rowid < lengths->capacity) return SQLITE_OK;
  if (rowid < 0 || rowid >= MOST_ROWS) return SQLITE_FULL;
  sqlite3_int64 capacity = lengths->capacity > 0 ? lengths->capacity : 1024;
  while (capacity <= rowid) capacity *= 2;
  unsigned int *grown = (unsigned int *)sqlite3_realloc64(lengths->length, capacity * sizeof(unsigned int));
  if (!grown) return SQLITE_NOMEM;
  memset(grown + lengths->capacity, 0xFF, (size_t)(capacity - lengths->capacity) * sizeof(unsigned int));
  lengths->length = grown;
  lengths->capacity = capacity;
  return SQLITE_OK;
}

/* Reads the docsize rows `sql` selects (id, sz, origin) into the array. */
static int readRows(Lengths *lengths, const char *sql, sqlite3_int64 afterOrigin) {
  sqlite3_stmt *rows = 0;
  int rc = sqlite3_prepare_v2(lengths->db, sql, -1, &rows, 0);
  if (rc != SQLITE_OK) return rc;
  if (afterOrigin >= 0) sqlite3_bind_int64(rows, 1, afterOrigin);
  while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
    sqlite3_int64 rowid = sqlite3_column_int64(rows, 0);
    if (rowid < 0) continue;
    const unsigned char *blob = (const unsigned char *)sqlite3_column_blob(rows, 1);
    int bytes = sqlite3_column_bytes(rows, 1);
    sqlite3_int64 origin = sqlite3_column_int64(rows, 2);
    if (reserve(lengths, rowid) == SQLITE_OK) lengths->length[rowid] = sizeOfRow(blob, bytes);
    if (origin > lengths->newestOrigin) lengths->newestOrigin = origin;
  }
  sqlite3_finalize(rows);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int newestOrigin(sqlite3 *db, sqlite3_int64 *origin) {
  sqlite3_stmt *stmt = 0;
  int rc = sqlite3_prepare_v2(db, "SELECT coalesce(max(origin), 0) FROM main.article_index_docsize", -1, &stmt, 0);
  if (rc != SQLITE_OK) return rc;
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    *origin = sqlite3_column_int64(stmt, 0);
    rc = SQLITE_OK;
  }
  sqlite3_finalize(stmt);
  return rc;
}

/* Every length unknown: each row is looked up until the array is read again. */
static void forget(Lengths *lengths) {
  if (lengths->capacity > 0) memset(lengths->length, 0xFF, (size_t)lengths->capacity * sizeof(unsigned int));
  lengths->loaded = 0;
  lengths->newestOrigin = 0;
}

/* Brings the array up to date with the file; called at the start of each ranking statement. */
static int readChanges(Lengths *lengths) {
  unsigned int version = 0;
  if (sqlite3_file_control(lengths->db, "main", SQLITE_FCNTL_DATA_VERSION, &version) != SQLITE_OK) return SQLITE_ERROR;
  if (lengths->loaded && version == lengths->dataVersion) return SQLITE_OK;
  sqlite3_int64 newest = 0;
  int rc = newestOrigin(lengths->db, &newest);
  if (rc != SQLITE_OK) return rc;
  if (!lengths->loaded || newest < lengths->newestOrigin) {
    /* First use, or the index was made anew (its origins started again): read every row. */
    forget(lengths);
    rc = readRows(lengths, "SELECT id, sz, origin FROM main.article_index_docsize", -1);
  } else if (newest > lengths->newestOrigin) {
    rc = readRows(lengths, "SELECT id, sz, origin FROM main.article_index_docsize WHERE origin > ?", lengths->newestOrigin);
  }
  if (rc != SQLITE_OK) return rc;
  lengths->loaded = 1;
  lengths->dataVersion = version;
  return SQLITE_OK;
}

/* Whatever goes wrong reading the lengths, the ranking goes on with a lookup for each row. */
static void refresh(Lengths *lengths) {
  if (readChanges(lengths) != SQLITE_OK) forget(lengths);
}

/* What one ranking statement keeps between rows: weights, IDFs, the mean length, a buffer. */
typedef struct Statement {
  int phrases;
  int columns;
  double weight[MAX_COLUMNS];
  double meanLength;
  double *idf;
  double *frequency;
} Statement;

static int statementOf(const Fts5ExtensionApi *api, Fts5Context *fts, Lengths *lengths, int argc, sqlite3_value **argv, Statement **out) {
  Statement *statement = (Statement *)api->xGetAuxdata(fts, 0);
  if (statement) {
    *out = statement;
    return SQLITE_OK;
  }
  sqlite3_value *holding = argv[0];
  int phrases = api->xPhraseCount(fts);
  int bytes = sqlite3_value_bytes(holding);
  if (sqlite3_value_type(holding) != SQLITE_BLOB || bytes != phrases * (int)sizeof(double)) return SQLITE_MISMATCH;
  refresh(lengths);
  statement = (Statement *)sqlite3_malloc64(sizeof(Statement) + 2 * (sqlite3_uint64)phrases * sizeof(double));
  if (!statement) return SQLITE_NOMEM;
  statement->phrases = phrases;
  statement->columns = api->xColumnCount(fts);
  if (statement->columns > MAX_COLUMNS) statement->columns = MAX_COLUMNS;
  for (int c = 0; c < statement->columns; c++) statement->weight[c] = argc > c + 1 ? sqlite3_value_double(argv[c + 1]) : 1.0;
  statement->idf = (double *)&statement[1];
  statement->frequency = statement->idf + phrases;
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  statement->meanLength = rows > 0 ? (double)tokens / (double)rows : 1.0;
  if (phrases > 0) memcpy(statement->idf, sqlite3_value_blob(holding), (size_t)bytes);
  for (int i = 0; i < phrases; i++) {
    /* bm25()'s IDF, and its floor: a phrase in more than half of the library weighs almost nothing. */
    double hits = statement->idf[i];
    double idf = log(((double)rows - hits + 0.5) / (hits + 0.5));
    statement->idf[i] = idf <= 0.0 ? 1e-6 : idf;
  }
  if (rc == SQLITE_OK) {
    rc = api->xSetAuxdata(fts, statement, sqlite3_free);
  } else {
    sqlite3_free(statement);
  }
  if (rc != SQLITE_OK) return rc;
  *out = statement;
  return SQLITE_OK;
}

static int lengthOfRow(const Fts5ExtensionApi *api, Fts5Context *fts, Lengths *lengths, double *length) {
  sqlite3_int64 rowid = api->xRowid(fts);
  if (rowid >= 0 && rowid < lengths->capacity && lengths->length[rowid] != UNKNOWN_LENGTH) {
    *length = (double)lengths->length[rowid];
    return SQLITE_OK;
  }
  int tokens = 0;
  int rc = api->xColumnSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  if (rowid >= 0 && reserve(lengths, rowid) == SQLITE_OK) lengths->length[rowid] = (unsigned int)tokens;
  *length = (double)tokens;
  return SQLITE_OK;
}

static void rankFunction(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argc, sqlite3_value **argv) {
  Lengths *lengths = (Lengths *)api->xUserData(fts);
  Statement *statement = 0;
  if (argc < 1) {
    sqlite3_result_error(context, "sahifa_rank: how many articles hold each phrase is missing", -1);
    return;
  }
  int rc = statementOf(api, fts, lengths, argc, argv, &statement);
  if (rc == SQLITE_MISMATCH) {
    sqlite3_result_error(context, "sahifa_rank: expected one count (a double) for each phrase of the query", -1);
    return;
  }
  /* The weighted frequency of each phrase in the row: bm25() sums the same weights over xInst. */
  for (int i = 0; rc == SQLITE_OK && i < statement->phrases; i++) {
    Fts5PhraseIter iterator;
    int column = 0, offset = 0;
    double frequency = 0.0;
    rc = api->xPhraseFirst(fts, i, &iterator, &column, &offset);
    while (rc == SQLITE_OK && column >= 0) {
      frequency += column < statement->columns ? statement->weight[column] : 1.0;
      api->xPhraseNext(fts, &iterator, &column, &offset);
    }
    statement->frequency[i] = frequency;
  }
  double length = 0.0;
  if (rc == SQLITE_OK) rc = lengthOfRow(api, fts, lengths, &length);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }
  double score = 0.0;
  for (int i = 0; i < statement->phrases; i++) {
    double frequency = statement->frequency[i];
    score += statement->idf[i] * ((frequency * (K1 + 1.0)) / (frequency + K1 * (1 - B + B * length / statement->meanLength)));
  }
  sqlite3_result_double(context, -1.0 * score);
}

/*
 * sahifa_rank_lengths(): reads the lengths now rather than at the next ranking statement (the
 * rank helper's thread does while it has nothing else to do); returns how many rows it holds.
 */
static void lengthsFunction(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  Lengths *lengths = (Lengths *)sqlite3_user_data(context);
  refresh(lengths);
  sqlite3_int64 known = 0;
  for (sqlite3_int64 rowid = 0; rowid < lengths->capacity; rowid++) known += lengths->length[rowid] != UNKNOWN_LENGTH;
  sqlite3_result_int64(context, known);
}

static void freeLengths(void *pointer) {
  Lengths *lengths = (Lengths *)pointer;
  sqlite3_free(lengths->length);
  sqlite3_free(lengths);
}

static fts5_api *fts5Of(sqlite3 *db) {
  fts5_api *api = 0;
  sqlite3_stmt *stmt = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

/* release_memory.c */
int sahifa_register_release_memory(sqlite3 *db);

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_sahifarank_init(sqlite3 *db, char **error, const sqlite3_api_routines *routines) {
  SQLITE_EXTENSION_INIT2(routines);
  fts5_api *fts5 = fts5Of(db);
  if (!fts5 || fts5->iVersion < 2) {
    *error = sqlite3_mprintf("sahifa_rank: this SQLite has no FTS5");
    return SQLITE_ERROR;
  }
  Lengths *lengths = (Lengths *)sqlite3_malloc64(sizeof(Lengths));
  if (!lengths) return SQLITE_NOMEM;
  memset(lengths, 0, sizeof(Lengths));
  lengths->db = db;
  /* The scalar function shares the array; the ranking function frees it with the connection. */
  int rc = sqlite3_create_function_v2(db, "sahifa_rank_lengths", 0, SQLITE_UTF8, lengths, lengthsFunction, 0, 0, 0);
  if (rc == SQLITE_OK) rc = sahifa_register_release_memory(db);
  if (rc != SQLITE_OK) {
    freeLengths(lengths);
    return rc;
  }
  return fts5->xCreateFunction(fts5, "sahifa_rank", lengths, rankFunction, freeLengths);
}
