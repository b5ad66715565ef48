/** Test fixtures of the HTTP module: a one-node API on an ephemeral port, a client, assertions. */
package io.vitrum.http.testing;
