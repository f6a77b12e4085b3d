/**
 * The desk store: every ticket, its events and its reported outcomes, append-only, in DuckDB (embedded, the
 * default) or PostgreSQL (shared by replicas). Training, batch scoring and the live server read the same store,
 * so a ticket's history is the same wherever it is computed. The schema is documented in docs/desk-store.md.
 */
package org.slacast.core.store;
