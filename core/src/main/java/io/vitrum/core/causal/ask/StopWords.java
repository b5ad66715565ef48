package io.vitrum.core.causal.ask;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Words that carry no part of a question on their own: function words, politeness, fillers, and the
 * domain's general words that name no particular defect or furnace ("брак", "дефекты", "бутылки",
 * "печь" without a number, "rejects", "furnace"). What is left after the readers and these words is
 * reported as not understood.
 */
final class StopWords {
  /** Russian, then English; words in time, defect, intent and trend phrases are read before. */
  private static final Set<String> WORDS =
      words(
          """
          а и или но да ли же ну в во на с со за по о об обо от до у к ко из при про для над под
          не ни то это там тут здесь сейчас что чего чем как сколько так такой уже еще вот был
          была было были быть есть стал стала стало стали нас нам мы я мне меня вы вам они их он
          она оно его ее пожалуйста скажи скажите подскажи подскажите покажи покажите расскажи
          расскажите объясни объясните слушай много очень опять снова вдруг резко сильно все весь
          всего вообще кстати можно хочу узнать где когда только именно проверь проверьте посмотри
          посмотрите дай дайте течение протяжении время бы случае начиная целом какой какая какие
          каких каким какое каков какова каковы количество число уровень процент доля ну-ка - №
          a an the of on in at to for from by with about is are was were be been being do does did
          didnt have has had havent any some there theres here what whats which how please pls
          tell me us we weve our i im you it its this that these those so much many lot lots again
          suddenly sharply number count rate level amount get got getting go going went see seeing
          seen show give can could would should will let lets and or but now just still all latest
          last past recent current currently something anything happening within during over know
          want explain look looking like seem seems really very no nr hey hi hello ok okay thanks
          thank same percent share quantity check checks checked
          """);

  private static final List<Stem> STEMS =
      List.of(
          Stem.parse("дефект||ы|а|ов|ам|ами|ах|у|ом|е"),
          Stem.parse("брак||а|у|ом|е|и|ов"),
          Stem.parse("отбраковк|а|и|у|ой|е"),
          Stem.parse("бутыл|ки|ок|кам|ками|ках|ка|ку|кой|ке"),
          Stem.parse("издели|е|я|й|ям|ями|ях|ю|ем"),
          Stem.parse("продукци|я|и|ю|ей"),
          Stem.parse("стекл|о|а|у|ом|е"),
          Stem.parse("печ|ь|и|ью|ей|ам|ами|ах"),
          Stem.parse("печк|а|и|е|у|ой"),
          Stem.parse("наш|а|и|ей|ем|у|его|их"),
          Stem.parse("эт|от|а|у|и|ой|ом|их|им|ого"),
          Stem.parse("текущ|ий|ая|ую|ие|ей|его"),
          Stem.parse("последн|ий|ие|их|юю|ее|яя|его|ими|им|ей"),
          Stem.parse("прошл|ый|ые|ых|ую|ой|ого|ом|ая|ое"),
          Stem.parse("defect||s"),
          Stem.parse("reject||s|ed|ion|ions"),
          Stem.parse("quality"),
          Stem.parse("bottle||s"),
          Stem.parse("ware"),
          Stem.parse("glass"),
          Stem.parse("furnace||s"),
          Stem.parse("melter||s"),
          Stem.parse("inspection"),
          Stem.parse("line"));

  private StopWords() {}

  private static Set<String> words(String text) {
    return Set.copyOf(Arrays.asList(text.trim().split("\\s+")));
  }

  /** Whether {@code token}, normalised, carries no meaning of its own. */
  static boolean contains(String token) {
    return WORDS.contains(token) || STEMS.stream().anyMatch(s -> s.matches(token));
  }
}
