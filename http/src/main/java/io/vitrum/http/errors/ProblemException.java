package io.vitrum.http.errors;

/**
 * Thrown at the HTTP edge (never inside entities) to answer with a problem document; the root
 * exception handler renders it.
 */
public final class ProblemException extends RuntimeException {
  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.code() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
