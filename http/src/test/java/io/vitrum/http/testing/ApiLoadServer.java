package io.vitrum.http.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * A {@link TestApi} node (in-memory journal, so that the HTTP layer and the entities, not a
 * database, are what is measured) for load generators such as the load-tests module's {@code
 * SetpointLoadLoop}. Prints {@code PORT <port>}, then for every line read on stdin {@code STATS
 * <process cpu ns> <bytes allocated by live threads>}; ends at end of input.
 *
 * <pre>
 * java -cp "$(cat http/target/test.classpath)" io.vitrum.http.testing.ApiLoadServer
 * </pre>
 */
public final class ApiLoadServer {
  private ApiLoadServer() {}

  public static void main(String[] args) throws Exception {
    try (TestApi api = TestApi.start("ApiLoadServer")) {
      System.out.println("PORT " + api.port());
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      while (in.readLine() != null) {
        long allocated = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
          allocated += Math.max(0, bytes);
        }
        System.out.println("STATS " + os.getProcessCpuTime() + " " + allocated);
      }
    }
  }
}
