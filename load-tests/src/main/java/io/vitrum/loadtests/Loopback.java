package io.vitrum.loadtests;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Load generators target this machine only. */
public final class Loopback {
  private Loopback() {}

  /** Refuses {@code host} unless every address it resolves to is a loopback address. */
  public static void require(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("a target host is required");
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          throw new IllegalArgumentException("refusing a non-loopback target: " + host);
        }
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host " + host);
    }
  }
}
