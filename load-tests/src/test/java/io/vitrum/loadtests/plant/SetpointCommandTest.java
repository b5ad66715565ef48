package io.vitrum.loadtests.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vitrum.core.plant.SetpointParameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SetpointCommandTest {

  private static SetpointCommand parse(String json) {
    return SetpointCommand.parse("F2", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theContractsCommandIsDecoded() {
    SetpointCommand c =
        parse(
            "{\"furnace\":\"F2\",\"parameter\":\"crownTemperature\",\"value\":1580.0,"
                + "\"ts\":\"2026-12-01T10:00:00Z\"}");

    assertEquals(SetpointParameter.CROWN_TEMPERATURE, c.parameter());
    assertEquals(1580.0, c.value());
    assertEquals(Instant.parse("2026-12-01T10:00:00Z"), c.ts());
    assertNull(parse("{\"furnace\":\"F2\",\"parameter\":\"pullRate\",\"value\":300}").ts());
  }

  @Test
  void malformedCommandsSayWhatIsWrong() {
    assertEquals(
        "value must be a number",
        assertThrows(
                IllegalArgumentException.class,
                () -> parse("{\"furnace\":\"F2\",\"parameter\":\"pullRate\",\"value\":\"high\"}"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> parse("[1,2]"));
    assertThrows(IllegalArgumentException.class, () -> parse("{\"furnace\":\"F2\""));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            parse("{\"furnace\":\"F2\",\"parameter\":\"pullRate\",\"value\":300,\"ts\":\"noon\"}"));
  }
}
