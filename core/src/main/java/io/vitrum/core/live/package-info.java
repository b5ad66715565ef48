/**
 * Live updates to dashboards: the topics a client may subscribe to and the bounded, conflating
 * per-client buffer that keeps a slow client from growing memory.
 */
package io.vitrum.core.live;
