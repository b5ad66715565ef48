/** Vitrum's domain and maths: plain Java, deterministic, no Pekko and no I/O frameworks. */
package io.vitrum.core;
