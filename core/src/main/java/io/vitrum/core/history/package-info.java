/** Time-series history: the compressed block codec and rollup arithmetic. */
package io.vitrum.core.history;
