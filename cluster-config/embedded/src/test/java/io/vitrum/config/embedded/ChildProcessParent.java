package io.vitrum.config.embedded;

import java.nio.file.Path;

/**
 * A stand-in for a node: starts the test child in the directory named by its argument, prints the
 * child's pid, and waits to be killed. {@link ChildProcessTest} kills it with SIGKILL.
 */
final class ChildProcessParent {
  private ChildProcessParent() {}

  public static void main(String[] args) throws InterruptedException {
    ChildProcess child =
        ChildProcess.start(TestChildren.shell(new ServerFiles(Path.of(args[0]), "child"), "true"));
    System.out.println("child pid " + child.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
