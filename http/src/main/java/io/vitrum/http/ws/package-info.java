/**
 * The WebSocket {@code /ws}: live updates for dashboards. {@link io.vitrum.http.ws.WsRoutes} serves
 * the route, one {@link io.vitrum.http.ws.WsSession} actor per connection authenticates the client
 * and holds its subscriptions to the cluster's live topics, and {@link
 * io.vitrum.http.ws.ConflatingStage} bounds what a slow client can make the node hold.
 */
package io.vitrum.http.ws;
