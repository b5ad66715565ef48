package io.vitrum.core.causal.ask;

import java.util.List;

/**
 * The engine's answer to a question, in the question's language.
 *
 * @param language the language
 * @param text the answer for people, with the numbers
 * @param links API paths of the evidence (incidents and their root causes)
 */
public record Answer(Language language, String text, List<String> links) {
  public Answer {
    links = List.copyOf(links);
  }
}
