package io.vitrum.http.testing;

import io.vitrum.http.audit.AuditEntry;
import io.vitrum.http.audit.AuditQuery;
import io.vitrum.http.audit.AuditTrail;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** An audit trail in memory, for route tests; the real one is tested against Cassandra. */
public final class InMemoryAuditTrail implements AuditTrail {
  private final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public synchronized CompletionStage<Done> record(AuditEntry entry) {
    entries.add(entry);
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  @Override
  public synchronized CompletionStage<List<AuditEntry>> find(AuditQuery query) {
    return CompletableFuture.completedFuture(
        entries.stream()
            .filter(query::matches)
            .sorted(Comparator.comparing(AuditEntry::at).reversed())
            .limit(query.limit())
            .toList());
  }

  /** Everything recorded, oldest first. */
  public synchronized List<AuditEntry> all() {
    return List.copyOf(entries);
  }
}
