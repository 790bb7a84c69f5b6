package dev.roastden.core.mention;

import static dev.roastden.core.mention.Messages.ALEX;
import static dev.roastden.core.mention.Messages.SAM;
import static dev.roastden.core.mention.Messages.SELF;
import static dev.roastden.core.mention.Messages.at;
import static dev.roastden.core.mention.Messages.mention;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.core.json.Json;
import dev.roastden.core.persona.PersonaCatalog;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The mention job survives the one serialiser unchanged, so the worker reads exactly what the gateway decided. */
class MentionJobCodecTest {
    private final MentionDecider decider =
            new MentionDecider(PersonaCatalog.fromClasspath(), PersonaDefaults.NONE, 3, Duration.ofMinutes(10));

    @Test
    void aMentionJobRoundTrips() throws Exception {
        DeferredJob job = decider.decide(
                        mention(SAM, at(SELF.userId()) + " bex, roast " + at(ALEX.id()), 3), SELF, BotChain.NONE)
                .job()
                .orElseThrow();

        String json = DeferredJobCodec.write(job);

        assertThat(DeferredJobCodec.read(json)).isEqualTo(job);
        JsonNode node = Json.mapper().readTree(json);
        assertThat(node.path("kind").asText()).isEqualTo("MENTION");
        assertThat(node.has("token")).as("mentions carry no interaction token").isFalse();
    }

    @Test
    void aReplyRoundTripsWithTheRepliedToMessage() throws Exception {
        var original = new DeferredJob.ReferencedMessage("730000000000000001", "", ALEX);
        DeferredJob job = decider.decide(
                        Messages.replyingTo(mention(SAM, at(SELF.userId()) + " roast this", 3), original),
                        SELF,
                        BotChain.NONE)
                .job()
                .orElseThrow();

        DeferredJob read = DeferredJobCodec.read(DeferredJobCodec.write(job));

        assertThat(read).isEqualTo(job);
        assertThat(read.mention().orElseThrow().replyTo()).contains(original);
    }
}
