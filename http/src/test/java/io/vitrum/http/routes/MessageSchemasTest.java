package io.vitrum.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vitrum.core.security.Role;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.Schemas;
import io.vitrum.http.testing.TestApi;
import io.vitrum.http.testing.TestSecurity;
import io.vitrum.streams.ingest.kafka.QuarantineRecord;
import io.vitrum.streams.ingest.kafka.ReadingsRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document's schemas hold for what Vitrum really sends: the Kafka records as the pipeline
 * encodes them, and the answers of the API; and they refuse what is not such a message.
 */
class MessageSchemasTest {
  private static TestApi api;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start("MessageSchemasTest");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void kafkaRecordsMatchTheirSchemas() {
    ReadingsRecord readings =
        new ReadingsRecord(
            "F1.crown.T1",
            "opcua",
            List.of(
                new ReadingsRecord.Sample(1_764_583_200_000L, 1521.5),
                new ReadingsRecord.Sample(1_764_583_201_000L, 1521.75)));
    Schemas.assertValid(
        "KafkaReadingsRecord", new String(readings.encode(), StandardCharsets.UTF_8));

    QuarantineRecord quarantined =
        QuarantineRecord.of(
            Instant.parse("2026-12-01T10:00:00Z"),
            "mqtt",
            "out-of-range",
            "value 9999 above the sensor's maximum 1700",
            "F2.crown.T1",
            Instant.parse("2026-12-01T09:59:59Z"),
            9999,
            "{\"tag\":\"F2.crown.T1\",\"value\":9999}".getBytes(StandardCharsets.UTF_8));
    Schemas.assertValid(
        "KafkaQuarantineRecord", new String(quarantined.encode(), StandardCharsets.UTF_8));

    Schemas.assertValid(
        "KafkaReadingsIn",
        "[{\"tag\":\"F2.crown.T1\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1520.5,\"unit\":\"degC\"}]");
    assertFalse(Schemas.valid("KafkaReadingsRecord", "{\"tag\":\"F1.crown.T1\",\"r\":[[1,2,3]]}"));
    assertFalse(Schemas.valid("KafkaReadingsIn", "{\"tag\":\"F2.crown.T1\",\"value\":\"1\"}"));
  }

  @Test
  void apiAnswersMatchTheirSchemas() {
    ApiClient http = api.client();
    ApiClient integrator = http.withToken(TestSecurity.token("i", Role.INTEGRATOR));
    Reply configured =
        integrator.putJson(
            "/api/sensors/F1.crown.T9",
            "{\"furnace\":\"F1\",\"unit\":\"degC\",\"min\":0,\"max\":1800,\"alarmHigh\":1650}");
    assertEquals(200, configured.status(), configured::toString);
    Schemas.assertValid("CommandResponse", configured.body());
    Reply recorded =
        integrator.postJson(
            "/api/sensors/F1.crown.T9/readings",
            "{\"readings\":[{\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1500},"
                + "{\"ts\":\"2026-12-01T10:00:01Z\",\"value\":99999}]}");
    Schemas.assertValid("ReadingsResponse", recorded.body());
    Schemas.assertValid("SensorResponse", http.get("/api/sensors/F1.crown.T9").body());

    http.withToken(TestSecurity.token("o", Role.OPERATOR))
        .postJson(
            "/api/furnaces/F1/setpoints",
            "{\"parameter\":\"crownTemperature\",\"value\":1570,\"reason\":\"schema\"}");
    Schemas.assertValid("FurnaceResponse", http.get("/api/furnaces/F1").body());
    Schemas.assertValid("TwinResponse", http.get("/api/twin/F1").body());
    Schemas.assertValid("ShadowResponse", http.get("/api/twin/F1/shadow").body());
    Schemas.assertValid("IngestStatusResponse", http.get("/api/ingest/status").body());
    Schemas.assertValid("AuditResponse", http.get("/api/audit").body());
    Schemas.assertValid("PipelineMetricsResponse", http.get("/api/pipeline/metrics").body());
    Reply problem = http.get("/api/furnaces/a%20b");
    Schemas.assertValid("Problem", problem.body());
  }
}
