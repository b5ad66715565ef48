package io.vitrum.core.causal;

import io.vitrum.core.plant.TagId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which sensors measure a parameter: those whose id after the furnace segment matches {@code
 * pattern}, e.g. {@code lehr\.Z\d+} for {@code F2.lehr.Z3}.
 *
 * @param pattern regular expression over {@code <area>.<point>}
 * @param parameter the parameter's node id
 * @param sign +1 when the reading rises with the parameter, -1 when it falls (lehr temperatures
 *     fall as the cooling rate rises)
 */
public record MeasureRule(Pattern pattern, String parameter, int sign) {

  public MeasureRule {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(parameter, "parameter");
    if (sign != 1 && sign != -1) {
      throw new IllegalArgumentException("sign must be +1 or -1");
    }
  }

  /** Whether sensor {@code tag} (a full tag id) measures this rule's parameter. */
  public boolean matches(String tag) {
    String furnace = TagId.furnaceOf(tag);
    return pattern.matcher(tag.substring(furnace.length() + 1)).matches();
  }
}
