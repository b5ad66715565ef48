package io.vitrum.actors.live;

import io.vitrum.core.CborSerializable;

/**
 * One update for the subscribers of a live topic, rendered once by its publisher: {@code json} is
 * the WebSocket message as clients receive it ({@code {"type":..,"topic":..,"furnace":..,"ts":..,
 * "data":{..}}}).
 *
 * @param topic the live topic, e.g. {@code furnace/F1} or {@code alerts}
 * @param type the message type, e.g. {@code sensor}, {@code furnace}, {@code alarm}, {@code twin}
 * @param furnace the furnace it is about: what a subscriber's scope is checked against
 * @param key the conflation key within the topic (e.g. the tag of a reading): a newer update of the
 *     same topic and key replaces an undelivered older one; ignored when {@code reliable}
 * @param reliable never conflated nor dropped (alarms); a subscriber that cannot take it is
 *     disconnected
 * @param json the message to send, as is
 * @param publishedAtMillis when it was published (epoch milliseconds), also {@code ts} in {@code
 *     json}
 */
public record LiveEvent(
    String topic,
    String type,
    String furnace,
    String key,
    boolean reliable,
    String json,
    long publishedAtMillis)
    implements CborSerializable {}
