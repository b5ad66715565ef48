package io.vitrum.core.causal.ask;

import java.util.List;
import java.util.Objects;

/**
 * What {@link QuestionParser#parse} made of a text: a question to answer, or the parts it could not
 * read. Not understanding a question is an expected outcome, never an exception.
 */
public sealed interface ParseOutcome permits ParseOutcome.Parsed, ParseOutcome.NotUnderstood {
  /** The language of the question, in which any message is written. */
  Language language();

  /**
   * The question was read. Words it could not place but that did not prevent an answer are in
   * {@link Question#notUnderstood()}.
   */
  record Parsed(Question question) implements ParseOutcome {
    public Parsed {
      Objects.requireNonNull(question, "question");
    }

    @Override
    public Language language() {
      return question.language();
    }
  }

  /**
   * The question could not be answered as asked.
   *
   * @param problems each part that was not understood, in the order of the question's parts (text,
   *     furnace, time, defect, question as a whole); never empty
   * @param message one sentence per problem in {@code language}, naming what was not understood and
   *     what would be, ready to show to the operator
   */
  record NotUnderstood(Language language, List<Problem> problems, String message)
      implements ParseOutcome {
    public NotUnderstood {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(message, "message");
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a question not understood names at least one problem");
      }
    }

    /** The outcome for {@code problems}, with their messages joined in {@code language}. */
    public static NotUnderstood of(Language language, List<Problem> problems) {
      StringBuilder message = new StringBuilder();
      for (Problem problem : problems) {
        if (message.length() > 0) {
          message.append(' ');
        }
        message.append(problem.message(language));
      }
      return new NotUnderstood(language, problems, message.toString());
    }
  }
}
