package io.vitrum.streams.features;

import com.typesafe.config.Config;
import io.vitrum.core.features.FeatureSchema;
import java.time.Duration;

/**
 * The live feature stage, from {@code vitrum.features}.
 *
 * @param enabled whether this node runs it
 * @param groupId its consumer group on {@code vitrum.readings}
 * @param idle a furnace whose vectors a silent tag holds back this long gets them anyway
 * @param schema the vectors' layout
 */
public record FeatureSettings(
    boolean enabled, String groupId, Duration idle, FeatureSchema schema) {
  public static FeatureSettings create(Config config) {
    Config c = config.getConfig("vitrum.features");
    return new FeatureSettings(
        c.getBoolean("enabled"),
        c.getString("group-id"),
        c.getDuration("idle"),
        new FeatureSchema(
            c.getInt("schema-version"), c.getDuration("interval"), c.getDurationList("windows")));
  }
}
