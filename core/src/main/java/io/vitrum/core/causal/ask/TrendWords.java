package io.vitrum.core.causal.ask;

import java.util.List;
import java.util.Optional;

/**
 * The words for a change in a defect rate: a rise ("выросли", "растут", "больше", "rose", "more",
 * "spiked") makes a question about a defect with no other cue a {@link Intent#WHY}; a fall
 * ("упали", "меньше", "dropped", "fewer") is read so that it is not left over, and asks nothing by
 * itself.
 */
final class TrendWords {
  /** The direction of a change. */
  enum Trend {
    RISE,
    FALL
  }

  private static final List<Phrase> RISE =
      Phrase.all(
          "вырос||ли|ло|ла",
          "раст|ут|ет",
          "рост||а|е|ом",
          "увеличил|ись|ось|ась|ся",
          "увеличени|е|я|ем|ю",
          "повысил|ись|ось|ась|ся",
          "повышени|е|я|ем|ю",
          "поднял|ись|ось|ась|ся",
          "подскочил||и|о|а",
          "скач|ок|ка|ком|ки",
          "всплеск||а|ом|и",
          "больше",
          "полезл|и|о",
          "пошл|и",
          "появил|ись|ось|ась|ся",
          "появлени|е|я",
          "прибавил|ось|ись",
          "участил|ись|ось",
          "зашкалива|ет|ют",
          "ris|e|es|en|ing",
          "rose",
          "increas|e|es|ed|ing",
          "up",
          "more",
          "grow||s|ing|n",
          "grew",
          "spik|e|es|ed|ing",
          "jump||s|ed|ing",
          "surg|e|es|ed|ing",
          "climb||s|ed|ing",
          "higher",
          "appear||s|ed|ing");
  private static final List<Phrase> FALL =
      Phrase.all(
          "упал||и|о|а",
          "снизил|ись|ось|ась|ся",
          "снижени|е|я|ем|ю",
          "уменьшил|ись|ось|ась|ся",
          "меньше",
          "пропал||и|о|а",
          "исчезл|и|о|а",
          "исчез",
          "drop||s|ped|ping",
          "fell",
          "fall||s|ing|en",
          "decreas|e|es|ed|ing",
          "down",
          "fewer",
          "less",
          "lower");

  private TrendWords() {}

  /** The first direction {@code words} name, if any, and the words left without any trend word. */
  static Reading<Optional<Trend>> read(Words words) {
    Optional<Trend> first = Optional.empty();
    Words rest = words;
    for (int i = 0; i < rest.size(); i++) {
      int rise = Phrase.longestAt(RISE, rest, i);
      int fall = rise > 0 ? 0 : Phrase.longestAt(FALL, rest, i);
      if (rise > 0 || fall > 0) {
        Trend trend = rise > 0 ? Trend.RISE : Trend.FALL;
        first = first.or(() -> Optional.of(trend));
        rest = rest.read(i, i + Math.max(rise, fall));
      }
    }
    return new Reading<>(first, rest);
  }
}
