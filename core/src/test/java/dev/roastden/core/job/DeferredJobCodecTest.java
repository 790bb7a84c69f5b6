package dev.roastden.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.interaction.InteractionParser;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeferredJobCodecTest {
    private static final DiscordUser SAM = new DiscordUser("100000000000000005", "Sam \"Sammy\" é🔥", false, "32");
    private static final DiscordUser RILEY = new DiscordUser("100000000000000006", "Riley", false, "0");

    @Test
    void roundTripsACommandJob() throws Exception {
        DeferredJob job = new DeferredJob(
                DeferredJob.Kind.COMMAND,
                "1310000000000000001",
                "1200000000000000003",
                Optional.of("token"),
                "forget",
                Optional.of("memory"),
                Map.of("id", "01JD", "note", "line\nbreak"),
                SAM,
                Map.of(RILEY.id(), RILEY),
                Optional.of("1200000000000000001"),
                Optional.of("1200000000000000002"),
                "pt-BR",
                Instant.parse("2024-11-23T21:52:18.623Z"),
                Optional.empty());
        assertThat(DeferredJobCodec.read(DeferredJobCodec.write(job))).isEqualTo(job);
    }

    @Test
    void roundTripsAMentionJobWithoutToken() throws Exception {
        DeferredJob job = new DeferredJob(
                DeferredJob.Kind.MENTION,
                "1310000000000000009",
                "1200000000000000003",
                Optional.empty(),
                "mention",
                Optional.empty(),
                Map.of("persona", "ford"),
                SAM,
                Map.of(),
                Optional.of("1200000000000000001"),
                Optional.of("1200000000000000002"),
                "en-US",
                Instant.parse("2024-11-23T21:52:18Z"),
                Optional.of(new DeferredJob.Mention(
                        "@RoastDen ford, roast Riley",
                        Optional.of(new DeferredJob.ReferencedMessage("1310000000000000008", "hi", RILEY)))));
        assertThat(DeferredJobCodec.read(DeferredJobCodec.write(job))).isEqualTo(job);
    }

    @Test
    void buildsTheJobAnInteractionAskedFor() throws Exception {
        byte[] body;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("interactions/roast.json")) {
            body = in.readAllBytes();
        }
        var roast = (Interaction.ApplicationCommand) new InteractionParser().parse(body);
        DeferredJob job = DeferredJob.forCommand(roast);
        assertThat(job.kind()).isEqualTo(DeferredJob.Kind.COMMAND);
        assertThat(job.command()).isEqualTo("roast");
        assertThat(job.options())
                .containsEntry("target", "100000000000000006")
                .containsEntry("persona", "ford")
                .containsEntry("topic", "their sourdough phase");
        assertThat(job.token()).contains("test-only-token-roast");
        assertThat(job.createdAt())
                .isEqualTo(Snowflake.instant("1310000000000000001").orElseThrow());
        assertThat(job.resolvedUsers()).containsKey("100000000000000006");
        assertThat(DeferredJobCodec.read(DeferredJobCodec.write(job))).isEqualTo(job);
        assertThat(job.toString()).doesNotContain("test-only-token-roast");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() throws Exception {
        String json = "{\"v\":1,\"kind\":\"COMMAND\",\"interaction_id\":\"1\",\"application_id\":\"2\","
                + "\"command\":\"ask\",\"user\":{\"id\":\"3\"},\"created_at\":\"2024-01-01T00:00:00Z\","
                + "\"added_later\":{\"x\":1}}";
        DeferredJob job = DeferredJobCodec.read(json);
        assertThat(job.user().displayName()).isEqualTo("3");
        assertThat(job.options()).isEmpty();
        assertThat(job.locale()).isEqualTo("en-US");
    }

    @Test
    void writesTheVersionOneWireForm() {
        DeferredJob job = new DeferredJob(
                DeferredJob.Kind.COMMAND,
                "1310000000000000001",
                "1200000000000000003",
                Optional.of("token/with\\slash"),
                "forget",
                Optional.of("memory"),
                Map.of("note", "line\nbreak \"quoted\" é🔥"),
                SAM,
                Map.of(RILEY.id(), RILEY),
                Optional.of("1200000000000000001"),
                Optional.of("1200000000000000002"),
                "pt-BR",
                Instant.parse("2024-11-23T21:52:18.623Z"),
                Optional.empty());
        assertThat(DeferredJobCodec.write(job))
                .isEqualTo("{\"v\":1,\"kind\":\"COMMAND\",\"interaction_id\":\"1310000000000000001\","
                        + "\"application_id\":\"1200000000000000003\",\"token\":\"token/with\\\\slash\","
                        + "\"command\":\"forget\",\"subcommand\":\"memory\","
                        + "\"options\":{\"note\":\"line\\nbreak \\\"quoted\\\" é🔥\"},"
                        + "\"user\":{\"id\":\"100000000000000005\",\"display_name\":\"Sam \\\"Sammy\\\" é🔥\","
                        + "\"bot\":false,\"permissions\":\"32\"},"
                        + "\"resolved_users\":{\"100000000000000006\":{\"id\":\"100000000000000006\","
                        + "\"display_name\":\"Riley\",\"bot\":false,\"permissions\":\"0\"}},"
                        + "\"guild_id\":\"1200000000000000001\",\"channel_id\":\"1200000000000000002\","
                        + "\"locale\":\"pt-BR\",\"created_at\":\"2024-11-23T21:52:18.623Z\"}");
    }

    @Test
    void writesAMentionWithoutTheAbsentFields() {
        DeferredJob job = new DeferredJob(
                DeferredJob.Kind.MENTION,
                "1310000000000000009",
                "1200000000000000003",
                Optional.empty(),
                "mention",
                Optional.empty(),
                Map.of(),
                RILEY,
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                "en-US",
                Instant.parse("2024-11-23T21:52:18Z"),
                Optional.of(new DeferredJob.Mention(
                        "roast <@100000000000000005>",
                        Optional.of(new DeferredJob.ReferencedMessage("1310000000000000008", "hi", SAM)))));
        assertThat(DeferredJobCodec.write(job))
                .isEqualTo("{\"v\":1,\"kind\":\"MENTION\",\"interaction_id\":\"1310000000000000009\","
                        + "\"application_id\":\"1200000000000000003\",\"command\":\"mention\",\"options\":{},"
                        + "\"user\":{\"id\":\"100000000000000006\",\"display_name\":\"Riley\",\"bot\":false,"
                        + "\"permissions\":\"0\"},\"resolved_users\":{},\"locale\":\"en-US\","
                        + "\"created_at\":\"2024-11-23T21:52:18Z\",\"mention\":{\"content\":\"roast <@100000000000000005>\","
                        + "\"reply_to\":{\"id\":\"1310000000000000008\",\"content\":\"hi\",\"author\":"
                        + "{\"id\":\"100000000000000005\",\"display_name\":\"Sam \\\"Sammy\\\" é🔥\",\"bot\":false,"
                        + "\"permissions\":\"32\"}}}}");
    }

    @Test
    void readsTheSampleQueueMessage() throws Exception {
        String event;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sqs/deferred-job.json")) {
            event = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String body = event.substring(event.indexOf("\"body\": \"") + 9, event.indexOf("\",\n      \"attributes\""))
                .replace("\\\"", "\"");
        assertThat(DeferredJobCodec.read(body))
                .isEqualTo(new DeferredJob(
                        DeferredJob.Kind.COMMAND,
                        "1310000000000000001",
                        "1200000000000000003",
                        Optional.of("test-only-token-roast"),
                        "roast",
                        Optional.empty(),
                        Map.of("target", "100000000000000006", "persona", "ford", "topic", "their sourdough phase"),
                        new DiscordUser("100000000000000005", "Sammy", false, "2248473465835105"),
                        Map.of("100000000000000006", new DiscordUser("100000000000000006", "Riles", false, "0")),
                        Optional.of("1200000000000000001"),
                        Optional.of("1200000000000000002"),
                        "en-US",
                        Instant.parse("2024-11-23T21:52:18.623Z"),
                        Optional.empty()));
    }

    @Test
    void readsLooselyTypedValuesAsText() throws Exception {
        String json = "{\"v\":1,\"kind\":\"COMMAND\",\"interaction_id\":\"1\",\"application_id\":\"2\","
                + "\"command\":\"ask\",\"options\":{\"n\":5,\"x\":1.5,\"b\":true,\"big\":123456789012345678901234567890},"
                + "\"user\":{\"id\":\"3\",\"bot\":true,\"display_name\":\"\\u00e9\\/\"},"
                + "\"created_at\":\"2024-01-01T00:00:00Z\",\"token\":\"\"}";
        DeferredJob job = DeferredJobCodec.read(json);
        assertThat(job.options())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("n", "5", "x", "1.5", "b", "true", "big", "123456789012345678901234567890"));
        assertThat(job.user()).isEqualTo(new DiscordUser("3", "é/", true, "0"));
        assertThat(job.token()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "nope",
                "[]",
                "{\"v\":2,\"kind\":\"COMMAND\"}",
                "{\"kind\":\"COMMAND\"}",
                "{\"v\":1,\"kind\":\"TELEPATHY\",\"created_at\":\"2024-01-01T00:00:00Z\"}",
                "{\"v\":1,\"kind\":\"COMMAND\",\"created_at\":\"yesterday\"}",
                "{\"v\":1,\"kind\":\"COMMAND\",\"interaction_id\":\"1\",\"application_id\":\"2\",\"command\":\"ask\","
                        + "\"created_at\":\"2024-01-01T00:00:00Z\"}",
            })
    void rejectsWhatIsNotAVersionOneJob(String json) {
        assertThatThrownBy(() -> DeferredJobCodec.read(json)).isInstanceOf(MalformedJobException.class);
    }

    @Test
    void snowflakesCarryTheirCreationTime() {
        Instant instant = Instant.parse("2026-11-22T04:00:00Z");
        assertThat(Snowflake.instant(Snowflake.at(instant, 7))).contains(instant);
        assertThat(Snowflake.instant("not a snowflake")).isEmpty();
    }
}
