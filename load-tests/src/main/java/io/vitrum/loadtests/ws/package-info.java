/** Load generators for the WebSocket: fan-out of live updates to many clients. */
package io.vitrum.loadtests.ws;
