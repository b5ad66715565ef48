package io.vitrum.core.causal.ask;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One part of a question that was not understood: which part, the words it is about and a sentence
 * for the operator in either language that names them and says what would be understood.
 */
public sealed interface Problem {
  /** The part of a question a problem is about. */
  enum Part {
    /** The text as a whole: empty or too long. */
    TEXT,
    /** A furnace that is not known, or more than one. */
    FURNACE,
    /** A defect that is not known, or more than one. */
    DEFECT,
    /** A time expression that could not be read. */
    TIME,
    /** Nothing in the text looks like a question about defects, furnaces or incidents. */
    QUESTION
  }

  /** Which part of the question. */
  Part part();

  /**
   * The words of the question this problem is about, normalised; the ids when several furnaces or
   * defects are named; empty when it is about the whole text.
   */
  String fragment();

  /** What was not understood and what would be, in {@code language}. */
  String message(Language language);

  /** The question is empty or holds no words. */
  record EmptyText() implements Problem {
    @Override
    public Part part() {
      return Part.TEXT;
    }

    @Override
    public String fragment() {
      return "";
    }

    @Override
    public String message(Language language) {
      return language == Language.RU
          ? "Вопрос пуст. Спросите, например: «почему выросли пузыри на F2 после 14:00?»"
          : "The question is empty. Ask, for example: 'why did bubbles rise on F2 since 14:00?'";
    }
  }

  /** The question is longer than the parser reads. */
  record TooLong(int length, int max) implements Problem {
    @Override
    public Part part() {
      return Part.TEXT;
    }

    @Override
    public String fragment() {
      return "";
    }

    @Override
    public String message(Language language) {
      return language == Language.RU
          ? "Вопрос слишком длинный: " + length + " символов, а я читаю не больше " + max + "."
          : "The question is too long: " + length + " characters, I read at most " + max + ".";
    }
  }

  /**
   * A furnace that is not configured.
   *
   * @param fragment the words that name it, e.g. {@code печи 9}
   * @param furnace the id they name, e.g. {@code F9}
   * @param known the configured furnaces, sorted
   */
  record UnknownFurnace(String fragment, String furnace, List<String> known) implements Problem {
    public UnknownFurnace {
      known = List.copyOf(known);
    }

    @Override
    public Part part() {
      return Part.FURNACE;
    }

    @Override
    public String message(Language language) {
      String list = known.isEmpty() ? "-" : String.join(", ", known);
      return language == Language.RU
          ? "Не понял, о какой печи речь: «" + furnace + "». Я знаю печи: " + list + "."
          : "I did not understand the furnace '" + furnace + "': known furnaces are " + list + ".";
    }
  }

  /** More than one known furnace in one question; each is answered on its own. */
  record SeveralFurnaces(List<String> furnaces) implements Problem {
    public SeveralFurnaces {
      furnaces = List.copyOf(furnaces);
    }

    @Override
    public Part part() {
      return Part.FURNACE;
    }

    @Override
    public String fragment() {
      return String.join(" ", furnaces);
    }

    @Override
    public String message(Language language) {
      return language == Language.RU
          ? "Спросите об одной печи за раз: " + String.join(" или ", furnaces) + "?"
          : "Ask about one furnace at a time: " + String.join(" or ", furnaces) + "?";
    }
  }

  /**
   * Words where a defect was expected that name none of the reject classes.
   *
   * @param fragment the words, e.g. {@code шмурдяк}
   */
  record UnknownDefect(String fragment) implements Problem {
    @Override
    public Part part() {
      return Part.DEFECT;
    }

    @Override
    public String message(Language language) {
      String known = String.join(", ", Phrases.defectNames(language));
      return language == Language.RU
          ? "Не понял, о каком дефекте речь: «" + fragment + "». Я знаю: " + known + "."
          : "I did not understand the defect '" + fragment + "': I know " + known + ".";
    }
  }

  /**
   * More than one reject class in one question; each is answered on its own.
   *
   * @param defects the reject classes, in the order named
   */
  record SeveralDefects(List<String> defects) implements Problem {
    public SeveralDefects {
      defects = List.copyOf(defects);
    }

    @Override
    public Part part() {
      return Part.DEFECT;
    }

    @Override
    public String fragment() {
      return String.join(" ", defects);
    }

    @Override
    public String message(Language language) {
      String names =
          defects.stream()
              .map(d -> Phrases.defectName(d, language))
              .collect(Collectors.joining(language == Language.RU ? " или " : " or "));
      return language == Language.RU
          ? "Спросите об одном дефекте за раз: " + names + "?"
          : "Ask about one defect at a time: " + names + "?";
    }
  }

  /**
   * A time expression that could not be read, or a window that lies in the future.
   *
   * @param fragment the words, e.g. {@code после обеда}
   */
  record UnreadableTime(String fragment) implements Problem {
    @Override
    public Part part() {
      return Part.TIME;
    }

    @Override
    public String message(Language language) {
      return language == Language.RU
          ? "Не понял время: «"
              + fragment
              + "». Я понимаю, например: «после 14:00», «с 14:00 до 16:00», «за последние 3 часа»,"
              + " «со вчера», «за смену»."
          : "I did not understand the time '"
              + fragment
              + "'. I understand, for example: 'since 14:00', 'from 14:00 to 16:00', 'in the last"
              + " 3 hours', 'since yesterday', 'this shift'.";
    }
  }

  /**
   * Nothing names a defect, a furnace or what is asked.
   *
   * @param fragment the meaningful words of the text, possibly empty
   */
  record NoQuestion(String fragment) implements Problem {
    @Override
    public Part part() {
      return Part.QUESTION;
    }

    @Override
    public String message(Language language) {
      if (language == Language.RU) {
        return (fragment.isEmpty() ? "Не понял вопрос." : "Не понял вопрос: «" + fragment + "».")
            + " Спросите о дефекте, печи или инцидентах, например: «почему выросли пузыри на F2"
            + " после 14:00?»";
      }
      return (fragment.isEmpty()
              ? "I did not understand the question."
              : "I did not understand the question: '" + fragment + "'.")
          + " Ask about a defect, a furnace or incidents, for example: 'why did bubbles rise on F2"
          + " since 14:00?'";
    }
  }
}
