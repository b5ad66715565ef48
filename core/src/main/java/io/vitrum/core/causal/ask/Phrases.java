package io.vitrum.core.causal.ask;

import io.vitrum.core.plant.FurnaceTags;
import java.util.List;
import java.util.Map;

/**
 * Names of the inspection reject classes for answers to operators, in the nominative plural
 * ("трещины", "cracks"), the form that heads a sentence or a list.
 */
public final class Phrases {
  private static final Map<String, String> RU =
      Map.of("crack", "трещины", "bubble", "пузыри", "stone", "камни", "chip", "сколы");

  private static final Map<String, String> EN =
      Map.of("crack", "cracks", "bubble", "bubbles", "stone", "stones", "chip", "chips");

  private Phrases() {}

  /**
   * The name of reject class {@code defect} in {@code language}, e.g. {@code пузыри} for {@code
   * bubble}.
   *
   * @throws IllegalArgumentException when {@code defect} is not one of {@link
   *     FurnaceTags#REJECT_CLASSES}
   */
  public static String defectName(String defect, Language language) {
    String name = (language == Language.RU ? RU : EN).get(defect);
    if (name == null) {
      throw new IllegalArgumentException("not a reject class: " + defect);
    }
    return name;
  }

  /** The names of every reject class in {@code language}, in the order of {@link FurnaceTags}. */
  public static List<String> defectNames(Language language) {
    return FurnaceTags.REJECT_CLASSES.stream().map(d -> defectName(d, language)).toList();
  }
}
