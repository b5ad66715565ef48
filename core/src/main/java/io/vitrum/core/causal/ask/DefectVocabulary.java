package io.vitrum.core.causal.ask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words for the four inspection reject classes, by stem and ending so that every case form and
 * plural is one entry:
 *
 * <ul>
 *   <li>{@code bubble}: пузырь, пузырёк, мошка, газовые включения, газовые пузыри; bubble, seed,
 *       blister, gas inclusion;
 *   <li>{@code crack}: трещина, трещинка, посечка, треснул, растрескивание; crack, cracked, check;
 *   <li>{@code stone}: камень, камешек, включение, свиль, непровар; stone, inclusion, cord;
 *   <li>{@code chip}: скол, откол, выщербина; chip, chipped.
 * </ul>
 *
 * "Газовые включения" is a bubble although "включения" alone is a stone. "Check" is a crack only in
 * a question that names no other defect and not as a verb: first in the question or after a word
 * that asks for an action ({@code please check F2}, {@code can you check}) it is read as the verb,
 * which names nothing; "checked" is always the verb. "Свищ" is not taken: in glassworks it is not
 * one of the inspection machine's classes.
 */
final class DefectVocabulary {
  private record Entry(Phrase phrase, String defect) {}

  private static final List<Entry> ENTRIES =
      entries(
          Map.entry("bubble", "газов|ые|ых|ое|ый|ая|ой|ым|ыми|ого включени|е|я|й|ю|ем|и|ям|ями|ях"),
          Map.entry("bubble", "газов|ые|ых|ый|ым|ыми|ого пузыр|ь|я|ю|ем|е|и|ей|ям|ями|ях"),
          Map.entry("bubble", "gas inclusion||s"),
          Map.entry("bubble", "gas bubbl|e|es"),
          Map.entry("bubble", "пузыр|ь|я|ю|ем|е|и|ей|ям|ями|ях"),
          Map.entry("bubble", "пузырьк|и|ов|ам|ами|ах|а|у|ом|е"),
          Map.entry("bubble", "пузырек"),
          Map.entry("bubble", "мошк|а|и|у|ой|ою|е|ам|ами|ах"),
          Map.entry("bubble", "мошек"),
          Map.entry("bubble", "bubbl|e|es|y|ing"),
          Map.entry("bubble", "seed||s"),
          Map.entry("bubble", "blister||s|ed|ing"),
          Map.entry("crack", "трещин||а|ы|у|ой|ою|е|ам|ами|ах"),
          Map.entry("crack", "трещинк|а|и|у|ой|е|ам|ами|ах"),
          Map.entry("crack", "трещинок"),
          Map.entry("crack", "посечк|а|и|у|ой|е|ам|ами|ах"),
          Map.entry("crack", "посечек"),
          Map.entry("crack", "тресн|ул|ула|уло|ули|ет|ут|увш|увшие|увших|увшая|увший"),
          Map.entry("crack", "растрескив|ание|ания|анию|анием|ании|аются|ается|ались|алось"),
          Map.entry("crack", "растреска|лись|лось|лась|лся|ются|ется"),
          Map.entry("crack", "потреска|лись|лось|лась|лся|ются|ется"),
          Map.entry("crack", "crack||s|ed|ing"),
          Map.entry("stone", "камен|ь"),
          Map.entry("stone", "камн|я|ю|ем|е|и|ей|ям|ями|ях"),
          Map.entry("stone", "камешк|и|ов|ам|ами|ах|а|у|ом|е"),
          Map.entry("stone", "камешек"),
          Map.entry("stone", "камушк|и|ов|ам|ами|ах|а|у|ом|е"),
          Map.entry("stone", "камушек"),
          Map.entry("stone", "включени|е|я|й|ю|ем|и|ям|ями|ях"),
          Map.entry("stone", "свил|ь|и|ей|ью|ям|ями|ях"),
          Map.entry("stone", "непровар||ы|а|ов|ом|ами|ах|у"),
          Map.entry("stone", "stone||s"),
          Map.entry("stone", "inclusion||s"),
          Map.entry("stone", "cord||s"),
          Map.entry("chip", "скол||ы|а|у|ом|е|ов|ам|ами|ах"),
          Map.entry("chip", "откол||ы|а|у|ом|е|ов|ам|ами|ах"),
          Map.entry("chip", "выщербин||а|ы|у|ой|е|ам|ами|ах"),
          Map.entry("chip", "chip||s|ped|ping"));

  private static final Stem CHECK = Stem.parse("check||s");
  private static final Set<String> BEFORE_VERB =
      Set.of(
          "please", "pls", "to", "can", "could", "would", "will", "you", "i", "we", "lets", "let",
          "should", "and", "then", "go", "must", "need", "also", "quickly");

  /**
   * One defect word in a question.
   *
   * @param defect the reject class
   * @param words the words that name it, normalised
   */
  record Mention(String defect, String words) {}

  private DefectVocabulary() {}

  @SafeVarargs
  private static List<Entry> entries(Map.Entry<String, String>... specs) {
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, String> spec : specs) {
      entries.add(new Entry(Phrase.parse(spec.getValue()), spec.getKey()));
    }
    return List.copyOf(entries);
  }

  /** Every defect named in {@code words}, in order, and the words left. */
  static Reading<List<Mention>> read(Words words) {
    List<Mention> mentions = new ArrayList<>();
    Words rest = words;
    int i = 0;
    while (i < rest.size()) {
      int length = 0;
      String defect = null;
      for (Entry entry : ENTRIES) {
        length = entry.phrase().matchAt(rest, i);
        if (length > 0) {
          defect = entry.defect();
          break;
        }
      }
      if (defect == null) {
        i++;
        continue;
      }
      mentions.add(new Mention(defect, rest.text(i, i + length)));
      rest = rest.read(i, i + length);
      i += length;
    }
    if (mentions.isEmpty()) {
      for (int k = 0; k < rest.size(); k++) {
        if (CHECK.matches(rest.free(k)) && isNoun(words, k)) {
          mentions.add(new Mention("crack", rest.free(k)));
          rest = rest.read(k, k + 1);
          break;
        }
      }
    }
    return new Reading<>(List.copyOf(mentions), rest);
  }

  /** Whether "check" at {@code k} reads as the noun: not first, not after a word asking to act. */
  private static boolean isNoun(Words words, int k) {
    if (words.free(k).equals("checks")) {
      return true;
    }
    if (k == 0) {
      return false;
    }
    String before = words.text(k - 1, k);
    return !BEFORE_VERB.contains(before);
  }
}
