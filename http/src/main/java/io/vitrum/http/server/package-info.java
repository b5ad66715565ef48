/** Binding the HTTP server, the management port's metrics and the node's assembly. */
package io.vitrum.http.server;
