/** Load generators against a running node's REST API (loopback only). */
package io.vitrum.loadtests.http;
