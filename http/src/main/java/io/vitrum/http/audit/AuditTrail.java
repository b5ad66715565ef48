package io.vitrum.http.audit;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** Where audit entries are persisted and found again. */
public interface AuditTrail {
  /** Persists {@code entry}; completes once it is durable. */
  CompletionStage<Done> record(AuditEntry entry);

  /** The entries {@code query} selects, newest first. */
  CompletionStage<List<AuditEntry>> find(AuditQuery query);
}
