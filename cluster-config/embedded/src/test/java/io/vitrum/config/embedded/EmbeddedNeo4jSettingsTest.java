package io.vitrum.config.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.config.VitrumConfig;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether and how the embedded Neo4j starts, and how the node is pointed at it. */
class EmbeddedNeo4jSettingsTest {
  private static final Config LOCAL = VitrumConfig.load("local");

  @Test
  void theLocalProfileStartsNeo4jOnItsUsualPortUnderTheDataDirectory() {
    EmbeddedNeo4jSettings neo4j = EmbeddedNeo4jSettings.create(LOCAL);
    assertTrue(neo4j.enabled());
    assertEquals(7687, neo4j.port());
    assertEquals("512m", neo4j.heap());
    assertEquals("32m", neo4j.pageCache());
    assertEquals(List.of("-XX:TieredStopAtLevel=1"), neo4j.jvmOptions());
    assertEquals(
        SettingsSupport.expandHome(LOCAL.getString("vitrum.data-directory")).resolve("neo4j"),
        neo4j.dataDirectory());
    assertEquals("", neo4j.classpathFile());
  }

  @Test
  void otherProfilesStartNoNeo4j() {
    assertFalse(EmbeddedNeo4jSettings.create(VitrumConfig.load("cluster")).enabled());
  }

  @Test
  void anExternalNeo4jReplacesTheEmbeddedOne() {
    Config external =
        ConfigFactory.parseString("vitrum.neo4j.uri = \"bolt://graph:7687\"")
            .withFallback(LOCAL)
            .resolve();
    assertFalse(EmbeddedNeo4jSettings.create(external).enabled());
  }

  @Test
  void theNodeIsPointedAtTheEmbeddedNeo4j() {
    assertEquals(
        "bolt://127.0.0.1:1",
        VitrumConfig.withNeo4jUri(LOCAL, "bolt://127.0.0.1:1").getString("vitrum.neo4j.uri"));
  }

  @Test
  void theServerRunsItsOwnMainOnItsOwnClasspath() {
    EmbeddedNeo4jSettings settings =
        EmbeddedNeo4jSettings.create(LOCAL).forTests(Path.of("target", "neo4j-args"));
    String classpath = Neo4jFiles.classpath("");
    assertTrue(classpath.contains("neo4j-harness"), "the harness's libraries");
    assertTrue(
        classpath.split(File.pathSeparator)[0].contains("neo4j-server"),
        "the module holding the main class comes first: " + classpath.substring(0, 200));
    List<String> arguments =
        new Neo4jFiles(settings.dataDirectory()).jvmArguments(settings, 7999, classpath);
    assertEquals("-Xmx512m", arguments.get(0));
    assertTrue(arguments.contains("-XX:TieredStopAtLevel=1"));
    int main = arguments.indexOf(Neo4jFiles.MAIN_CLASS);
    assertEquals(
        List.of(
            Path.of("target", "neo4j-args").toAbsolutePath().normalize().toString(), "7999", "32m"),
        arguments.subList(main + 1, arguments.size()));
  }
}
