package io.vitrum.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveTopicTest {
  @Test
  void parsesEveryKindOfTopic() {
    assertEquals(Optional.of(new LiveTopic("furnace/F1", "F1")), LiveTopic.parse("furnace/F1"));
    assertEquals(Optional.of(new LiveTopic("twin/F2", "F2")), LiveTopic.parse("twin/F2"));
    assertEquals(
        Optional.of(new LiveTopic("sensors/F1.crown.T3", "F1")),
        LiveTopic.parse("sensors/F1.crown.T3"));
    for (String global : new String[] {"alerts", "predictions", "incidents", "pipeline_result"}) {
      assertTrue(LiveTopic.parse(global).orElseThrow().global(), global);
    }
  }

  @Test
  void refusesMalformedTopics() {
    for (String bad :
        new String[] {
          "", "furnace", "furnace/", "furnace/F 1", "sensors/F1", "weather", "alerts/F1", "x/F1"
        }) {
      assertEquals(Optional.empty(), LiveTopic.parse(bad), bad);
    }
    assertEquals(Optional.empty(), LiveTopic.parse(null));
    assertEquals(Optional.empty(), LiveTopic.parse("furnace/" + "F".repeat(200)));
  }
}
