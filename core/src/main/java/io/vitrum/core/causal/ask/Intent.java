package io.vitrum.core.causal.ask;

/**
 * What an operator wants to know. Read from cue words; with no cue a question about a defect that
 * names a rise ("пузыри выросли", "more seeds") is {@link #WHY}, any other question {@link
 * #STATUS}.
 */
public enum Intent {
  /** The cause of a change: why, почему, отчего, из-за чего, причина, what caused. */
  WHY,
  /** How things stand: what's with, how are, что с, как дела, состояние. */
  STATUS,
  /** The incidents in a window: incidents, what happened, какие инциденты, что случилось. */
  INCIDENTS
}
