package io.vitrum.core.causal.ask;

/** What one reader took from a question, and the words it left unread for the next. */
record Reading<T>(T value, Words rest) {}
