import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * The extensions the migrations create (pg_trgm: the connectors' search indexes). PGlite loads an
 * extension only when it is given at construction, so every PGlite of the project is made with these.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };
