package io.vitrum.core.causal.ask;

/** Something read at a position of a question: its value and how many tokens it covers. */
record Match<T>(T value, int length) {}
