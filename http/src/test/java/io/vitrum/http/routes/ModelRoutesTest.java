package io.vitrum.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.model.Model;
import io.vitrum.core.security.Role;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.TestApi;
import io.vitrum.http.testing.TestSecurity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/models} over real HTTP, on a copy of the linear test models (real ONNX files): a
 * third version whose card does not match its file is refused with what differs.
 */
@ExtendWith(LogCapturingExtension.class)
class ModelRoutesTest {
  @TempDir static Path models;
  private static TestApi api;
  private static ApiClient http;

  @BeforeAll
  static void start() throws Exception {
    copy(Path.of("../models/testing/fixtures"), models);
    // Version 3: version 1's file with version 2's card (another sha256).
    Path v3 = Files.createDirectories(models.resolve("linear/3"));
    Files.copy(models.resolve("linear/1/model.onnx"), v3.resolve("model.onnx"));
    Files.writeString(
        v3.resolve("card.json"),
        Files.readString(models.resolve("linear/2/card.json")).replace("\"2\"", "\"3\""));
    api =
        TestApi.start(
            "ModelRoutesTest",
            ConfigFactory.parseString("vitrum.inference.models-dir = \"" + models + "\""));
    http = api.client();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  @Test
  void registerPromoteShadowAndRollBackAVersion() {
    Reply first = http.postJson("/api/models/linear/versions", "{\"version\":\"1\"}");
    assertEquals(200, first.status(), first::toString);
    Reply second = http.postJson("/api/models/linear/versions", "{\"version\":\"2\"}");
    assertEquals(200, second.status(), second::toString);
    JsonNode model = http.get("/api/models/linear").json();
    assertEquals("1", model.path("active").asText(), "the first version registered is active");
    assertEquals("1", model.path("served").asText());
    assertEquals(2, model.path("versions").size());
    assertEquals("[\"x[-1, 4]\"]", model.path("versions").get(0).path("inputs").toString());

    assertEquals(200, http.postJson("/api/models/linear/shadow", "{\"version\":\"2\"}").status());
    assertEquals("2", http.get("/api/models/linear").json().path("shadow").asText());

    Reply noReason = http.postJson("/api/models/linear/promote", "{\"version\":\"2\"}");
    assertEquals(422, noReason.status(), noReason::toString);
    Reply promoted =
        http.postJson(
            "/api/models/linear/promote", "{\"version\":\"2\",\"reason\":\"shadow agreed\"}");
    assertEquals(200, promoted.status(), promoted::toString);
    model = http.get("/api/models/linear").json();
    assertEquals("2", model.path("active").asText());
    assertEquals("2", model.path("served").asText(), "this node serves the promoted version");
    assertTrue(model.path("shadow").isNull(), model.toString());

    Reply back = http.postJson("/api/models/linear/rollback", "{\"reason\":\"drift\"}");
    assertEquals(200, back.status(), back::toString);
    model = http.get("/api/models/linear").json();
    assertEquals("1", model.path("active").asText());
    assertTrue(
        http.get("/api/models").json().toString().contains("\"name\":\"linear\""),
        "listed with the others");
  }

  @Test
  void aVersionWhoseFileIsNotItsCardsIsRefusedAndNothingChanges() {
    Reply refused = http.postJson("/api/models/linear/versions", "{\"version\":\"3\"}");
    assertEquals(422, refused.status(), refused::toString);
    JsonNode problem = refused.json();
    assertEquals("model-mismatch", problem.path("code").asText(), problem.toString());
    assertTrue(problem.path("detail").asText().contains("sha256"), problem.toString());

    Reply missing = http.postJson("/api/models/linear/versions", "{\"version\":\"9\"}");
    assertEquals(404, missing.status(), missing::toString);
    assertEquals("unknown-model-version", missing.json().path("code").asText());
    Reply malformed = http.postJson("/api/models/linear/versions", "{\"version\":\"v2\"}");
    assertEquals(422, malformed.status(), malformed::toString);
  }

  @Test
  void onlyIntegratorsAndAdminsChangeModels() {
    ApiClient viewer = http.withToken(TestSecurity.token("viewer", Role.VIEWER));
    assertEquals(200, viewer.get("/api/models").status());
    assertEquals(
        403, viewer.postJson("/api/models/linear/versions", "{\"version\":\"1\"}").status());
  }

  @Test
  void trainingStatusShowsEachVersionsTrainingFromItsCard() {
    Reply status = http.get("/api/training/status");
    assertEquals(200, status.status(), status::toString);
    JsonNode linear = status.json().path("models").get(0);
    assertEquals("linear", linear.path("name").asText());
    assertEquals(3, linear.path("versions").size(), "versions 1, 2 and the mismatched 3");
    assertEquals(0.99, linear.path("versions").get(0).path("heldOut").path("rejectF1").asDouble());
    assertEquals(false, linear.path("retrainDue").asBoolean(), linear.toString());
  }

  @Test
  void liveInputDriftAboveTheMarkShowsOnTheModelAndMakesARetrainDue() throws Exception {
    // The linear models' entity is registered by another test or here; either way version 1 or 2
    // is active: report the drift of the active one.
    http.postJson("/api/models/linear/versions", "{\"version\":\"1\"}");
    String active = http.get("/api/models/linear").json().path("active").asText();
    reportDrift(active, Map.of("x0", 0.05, "x1", 0.61));

    JsonNode drift = http.get("/api/models/linear").json().path("liveDrift");
    assertEquals(0.61, drift.path("x1").asDouble(), drift.toString());
    JsonNode linear = http.get("/api/training/status").json().path("models").get(0);
    assertEquals(true, linear.path("retrainDue").asBoolean(), linear.toString());
    assertTrue(
        linear.path("reasons").toString().contains("input x1 has drifted: PSI 0.610"),
        linear.toString());
    assertEquals(0.05, linear.path("liveDrift").path("x0").asDouble(), linear.toString());

    // The next window is back within the mark: the drift no longer makes a retrain due.
    reportDrift(active, Map.of("x0", 0.02, "x1", 0.08));
    linear = http.get("/api/training/status").json().path("models").get(0);
    assertEquals(false, linear.path("retrainDue").asBoolean(), linear.toString());
  }

  private static void reportDrift(String version, Map<String, Double> psi) throws Exception {
    Confirmation reply =
        ClusterSharding.get(api.testKit().system())
            .entityRefFor(Model.ENTITY_KEY, "linear")
            .<Confirmation>ask(
                r -> new Model.ReportDrift(version, psi, 1440, r), Duration.ofSeconds(10))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertTrue(reply instanceof Confirmation.Accepted, reply.toString());
  }
}
