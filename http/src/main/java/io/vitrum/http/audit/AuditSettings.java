package io.vitrum.http.audit;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Where the audit trail is kept, from {@code vitrum.audit}.
 *
 * @param keyspace the Cassandra keyspace of its table
 * @param createTables create keyspace and table at start (local profile and tests only)
 * @param retention how long entries are kept (a table TTL; zero keeps them forever)
 */
public record AuditSettings(String keyspace, boolean createTables, Duration retention) {
  public static AuditSettings create(Config config) {
    Config c = config.getConfig("vitrum.audit");
    return new AuditSettings(
        c.getString("keyspace"), c.getBoolean("create-tables"), c.getDuration("retention"));
  }
}
