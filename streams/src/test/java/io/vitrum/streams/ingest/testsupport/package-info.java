/** Small helpers the protocol source tests share: free ports, waiting, quiet client logs. */
package io.vitrum.streams.ingest.testsupport;
