/**
 * The audit trail: one persisted entry for every mutating call (who, with which roles, what, on
 * which furnace, with which outcome), kept in Cassandra and queried by furnace, actor and time.
 */
package io.vitrum.http.audit;
