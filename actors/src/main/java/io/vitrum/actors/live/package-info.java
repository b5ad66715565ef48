/**
 * Live updates across the cluster: {@link io.vitrum.actors.live.LiveEvent}s, rendered once where
 * they happen, and {@link io.vitrum.actors.live.LiveEvents}, which publishes them to one pub-sub
 * topic per live topic; every node's WebSocket hub subscribes to the topics its clients need.
 */
package io.vitrum.actors.live;
