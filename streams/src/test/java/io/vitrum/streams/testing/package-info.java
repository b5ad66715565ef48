/** Test support of the streams module: a shared real Kafka broker and a one-node entity cluster. */
package io.vitrum.streams.testing;
