package io.vitrum.config.embedded;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the simulated plant's entry point (the real one, PlantMain, lives in load-tests),
 * so that the launcher's tests exercise the plant's launch: it prints its arguments, listens on the
 * OPC UA and Modbus ports it is given (0: off), prints the ready line, and waits for SIGTERM.
 */
public final class StandInPlant {
  private StandInPlant() {}

  public static void main(String[] args) throws Exception {
    System.out.println("plant arguments " + String.join(" ", args));
    List<ServerSocket> servers = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      int port = args[i].endsWith("-port") ? Integer.parseInt(args[i + 1]) : 0;
      if (port > 0) {
        servers.add(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
      }
    }
    System.out.println("Vitrum plant ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
