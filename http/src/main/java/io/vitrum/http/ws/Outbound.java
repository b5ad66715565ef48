package io.vitrum.http.ws;

/**
 * A message on its way to one client, from its session to its {@link ConflatingStage}.
 *
 * @param key the conflation key (topic and key of the event); null for a reliable message
 * @param reliable never conflated nor dropped
 * @param json the text to send
 */
record Outbound(String key, boolean reliable, String json) {
  /** Ends the stream to the client once what is buffered is sent. */
  static final Outbound COMPLETE = new Outbound(null, true, "");

  static Outbound reliable(String json) {
    return new Outbound(null, true, json);
  }

  static Outbound conflated(String key, String json) {
    return new Outbound(key, false, json);
  }
}
