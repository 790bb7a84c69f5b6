package dev.roastden.core.mention;

import static dev.roastden.core.mention.Messages.ALEX;
import static dev.roastden.core.mention.Messages.CHANNEL;
import static dev.roastden.core.mention.Messages.GUILD;
import static dev.roastden.core.mention.Messages.OTHER_BOT;
import static dev.roastden.core.mention.Messages.OTHER_CHANNEL;
import static dev.roastden.core.mention.Messages.ROAST_DEN;
import static dev.roastden.core.mention.Messages.SAM;
import static dev.roastden.core.mention.Messages.SELF;
import static dev.roastden.core.mention.Messages.SELF_ROLE;
import static dev.roastden.core.mention.Messages.T0;
import static dev.roastden.core.mention.Messages.at;
import static dev.roastden.core.mention.Messages.mention;
import static dev.roastden.core.mention.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.mention.MentionDecision.Verdict;
import dev.roastden.core.mention.PersonaChoice.Source;
import dev.roastden.core.persona.PersonaCatalog;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MentionDeciderTest {
    private static final PersonaCatalog PERSONAS = PersonaCatalog.fromClasspath();
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final MentionDecider decider = new MentionDecider(PERSONAS, PersonaDefaults.NONE, 3, WINDOW);

    private static MentionDecider withDefaults(PersonaDefaults defaults) {
        return new MentionDecider(PERSONAS, defaults, 3, WINDOW);
    }

    @Nested
    class TheJob {
        @Test
        void aPersonsMentionBecomesAMentionJobWithEverythingTheWorkerNeeds() {
            IncomingMessage message = mention(SAM, at(SELF.userId()) + " ford, roast " + at(ALEX.id()), 5);

            MentionDecision decision = decider.decide(message, SELF, BotChain.NONE);

            assertThat(decision.verdict()).isEqualTo(Verdict.ENQUEUE);
            DeferredJob job = decision.job().orElseThrow();
            assertThat(job.kind()).isEqualTo(DeferredJob.Kind.MENTION);
            assertThat(job.interactionId()).isEqualTo(message.messageId());
            assertThat(job.applicationId()).isEqualTo(SELF.applicationId());
            assertThat(job.token()).isEmpty();
            assertThat(job.command()).isEqualTo("mention");
            assertThat(job.subcommand()).isEmpty();
            assertThat(job.options())
                    .as("the persona, whom the mention is aimed at, and the bot's own user")
                    .isEqualTo(Map.of("persona", "ford", "target", ALEX.id(), "bot_user", SELF.userId()));
            assertThat(job.user()).isEqualTo(SAM);
            assertThat(job.resolvedUsers())
                    .as("the mentioned people, not the bot itself")
                    .isEqualTo(Map.of(ALEX.id(), ALEX));
            assertThat(job.guildId()).contains(GUILD);
            assertThat(job.channelId()).contains(CHANNEL);
            assertThat(job.locale()).isEqualTo("en-US");
            assertThat(job.createdAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(job.mention())
                    .contains(new DeferredJob.Mention("ford, roast " + at(ALEX.id()), Optional.empty()));
        }

        @Test
        void theRepliedToMessageTravelsWithTheJob() {
            var original = new DeferredJob.ReferencedMessage("730000000000000001", "I never lose at Mario Kart", ALEX);
            IncomingMessage message = Messages.replyingTo(mention(SAM, at(SELF.userId()) + " roast this", 1), original);

            DeferredJob job = decider.decide(message, SELF, BotChain.NONE).job().orElseThrow();

            assertThat(job.mention()).contains(new DeferredJob.Mention("roast this", Optional.of(original)));
            assertThat(job.option("target"))
                    .as("without a mentioned target, the replied-to author is the target")
                    .contains(ALEX.id());
            assertThat(job.resolvedUsers()).containsEntry(ALEX.id(), ALEX);
        }

        @Test
        void aMentionedTargetBeatsTheRepliedToAuthorAndTheAuthorIsNeverTheTarget() {
            var original = new DeferredJob.ReferencedMessage("730000000000000001", "gg", ALEX);
            IncomingMessage aimed = Messages.replyingTo(
                    mention(SAM, at(SELF.userId()) + " " + at(SAM.id()) + " vs " + at(OTHER_BOT.id()), 1), original);
            IncomingMessage selfRoast = mention(SAM, at(SELF.userId()) + " roast " + at(SAM.id()), 2);
            IncomingMessage replyToBot = Messages.replyingTo(
                    mention(SAM, at(SELF.userId()) + " again", 3),
                    new DeferredJob.ReferencedMessage("730000000000000002", "ahoy", ROAST_DEN));

            assertThat(decider.decide(aimed, SELF, BotChain.NONE)
                            .job()
                            .orElseThrow()
                            .option("target"))
                    .contains(OTHER_BOT.id());
            assertThat(decider.decide(selfRoast, SELF, BotChain.NONE)
                            .job()
                            .orElseThrow()
                            .option("target"))
                    .isEmpty();
            assertThat(decider.decide(replyToBot, SELF, BotChain.NONE)
                            .job()
                            .orElseThrow()
                            .option("target"))
                    .isEmpty();
        }

        @Test
        void theBotsIntegrationRoleCountsAsItsMentionAndIsRemovedFromTheText() {
            IncomingMessage message = mention(SAM, "<@&" + SELF_ROLE + "> mags: who is late again?", 1);

            DeferredJob job = decider.decide(message, SELF, BotChain.NONE).job().orElseThrow();

            assertThat(job.options()).containsEntry("persona", "mags");
            assertThat(job.mention().orElseThrow().content()).isEqualTo("mags: who is late again?");
        }

        @Test
        void aBareMentionStillGetsAnAnswer() {
            DeferredJob job = decider.decide(mention(SAM, "<@!" + SELF.userId() + ">", 1), SELF, BotChain.NONE)
                    .job()
                    .orElseThrow();

            assertThat(job.mention().orElseThrow().content()).isEmpty();
        }
    }

    @Nested
    class PersonaChoice {
        @Test
        void aPersonaNamedByIdRightAfterTheMentionAnswers() {
            assertThat(chosen(decider, at(SELF.userId()) + " juniper, roast Sam"))
                    .isEqualTo(new Chosen("juniper", Source.NAMED));
        }

        @Test
        void aPersonaNamedByItsDisplayNameAnswersIgnoringCase() {
            assertThat(chosen(decider, at(SELF.userId()) + " captain FORD: roast Sam"))
                    .isEqualTo(new Chosen("ford", Source.NAMED));
            assertThat(chosen(decider, at(SELF.userId()) + " Bex!")).isEqualTo(new Chosen("bex", Source.NAMED));
        }

        @Test
        void aPersonaNamedBeforeTheMentionAnswersToo() {
            assertThat(chosen(decider, "mags, " + at(SELF.userId()) + " what do you think?"))
                    .isEqualTo(new Chosen("mags", Source.NAMED));
        }

        @Test
        void aPersonaNameLaterInTheTextIsTheTargetNotTheSpeaker() {
            PersonaDefaults defaults = new PersonaDefaults(Map.of(), Map.of(), Optional.of("bex"));
            assertThat(chosen(withDefaults(defaults), at(SELF.userId()) + " roast ford"))
                    .isEqualTo(new Chosen("bex", Source.DEFAULT));
        }

        @Test
        void aWordThatOnlyStartsWithAPersonaNameNamesNobody() {
            PersonaDefaults defaults = new PersonaDefaults(Map.of(), Map.of(), Optional.of("juniper"));
            assertThat(chosen(withDefaults(defaults), at(SELF.userId()) + " fordable rivers, discuss"))
                    .isEqualTo(new Chosen("juniper", Source.DEFAULT));
        }

        @Test
        void withoutANameTheChannelsDefaultAnswers() {
            PersonaDefaults defaults =
                    new PersonaDefaults(Map.of(CHANNEL, "mags"), Map.of(GUILD, "juniper"), Optional.of("bex"));
            assertThat(chosen(withDefaults(defaults), at(SELF.userId()) + " roast Sam"))
                    .isEqualTo(new Chosen("mags", Source.CHANNEL));
        }

        @Test
        void inAnotherChannelTheServersDefaultAnswers() {
            PersonaDefaults defaults =
                    new PersonaDefaults(Map.of(OTHER_CHANNEL, "mags"), Map.of(GUILD, "juniper"), Optional.of("bex"));
            assertThat(chosen(withDefaults(defaults), at(SELF.userId()) + " roast Sam"))
                    .isEqualTo(new Chosen("juniper", Source.SERVER));
        }

        @Test
        void withoutServerDefaultTheDeploymentsDefaultAnswers() {
            PersonaDefaults defaults = new PersonaDefaults(Map.of(), Map.of("799", "juniper"), Optional.of("bex"));
            assertThat(chosen(withDefaults(defaults), at(SELF.userId()) + " roast Sam"))
                    .isEqualTo(new Chosen("bex", Source.DEFAULT));
        }

        @Test
        void withNothingConfiguredTheFirstPersonaAnswers() {
            assertThat(chosen(decider, at(SELF.userId()) + " roast Sam"))
                    .isEqualTo(new Chosen(PERSONAS.all().get(0).id(), Source.FIRST));
        }

        @Test
        void aNameBeatsEveryDefault() {
            PersonaDefaults defaults =
                    new PersonaDefaults(Map.of(CHANNEL, "mags"), Map.of(GUILD, "juniper"), Optional.of("bex"));
            assertThat(chosen(withDefaults(defaults), at(SELF.userId()) + " ford, roast Sam"))
                    .isEqualTo(new Chosen("ford", Source.NAMED));
        }

        private Chosen chosen(MentionDecider decider, String content) {
            MentionDecision decision = decider.decide(mention(SAM, content, 1), SELF, BotChain.NONE);
            var choice = decision.persona().orElseThrow();
            assertThat(decision.job().orElseThrow().options())
                    .containsEntry("persona", choice.persona().id());
            return new Chosen(choice.persona().id(), choice.source());
        }
    }

    record Chosen(String persona, Source source) {}

    @Nested
    class IgnoreRules {
        @Test
        void theBotsOwnMessagesAreIgnoredEvenWhenTheyMentionIt() {
            MentionDecision decision = decider.decide(mention(ROAST_DEN, at(SELF.userId()), 1), SELF, BotChain.NONE);
            assertThat(decision.verdict()).isEqualTo(Verdict.OWN_MESSAGE);
            assertThat(decision.job()).isEmpty();
        }

        @Test
        void webhookMessagesAreIgnored() {
            IncomingMessage message = Messages.flagged(mention(SAM, at(SELF.userId()) + " hi", 1), true, false);
            assertThat(decider.decide(message, SELF, BotChain.NONE).verdict()).isEqualTo(Verdict.WEBHOOK);
        }

        @Test
        void systemMessagesAreIgnored() {
            IncomingMessage message = Messages.flagged(mention(SAM, at(SELF.userId()), 1), false, true);
            assertThat(decider.decide(message, SELF, BotChain.NONE).verdict()).isEqualTo(Verdict.SYSTEM);
        }

        @Test
        void messagesThatDoNotMentionTheBotAreIgnored() {
            MentionDecision decision = decider.decide(message(SAM, "", false, 1), SELF, BotChain.NONE);
            assertThat(decision.verdict()).isEqualTo(Verdict.NOT_MENTIONED);
        }

        @Test
        void directMessagesAreIgnored() {
            IncomingMessage dm = mention(SAM, at(SELF.userId()) + " hi", 1);
            IncomingMessage withoutServer = new IncomingMessage(
                    Optional.empty(),
                    dm.channelId(),
                    dm.messageId(),
                    dm.author(),
                    false,
                    false,
                    dm.content(),
                    true,
                    Optional.empty(),
                    dm.mentionedUsers(),
                    Optional.empty());
            assertThat(decider.decide(withoutServer, SELF, BotChain.NONE).verdict())
                    .isEqualTo(Verdict.DIRECT_MESSAGE);
        }

        @Test
        void otherBotsCountOnlyWhenTheyMentionTheBot() {
            assertThat(decider.decide(message(OTHER_BOT, "", false, 1), SELF, BotChain.NONE)
                            .verdict())
                    .isEqualTo(Verdict.NOT_MENTIONED);
            assertThat(decider.decide(mention(OTHER_BOT, at(SELF.userId()) + " roast me", 1), SELF, BotChain.NONE)
                            .verdict())
                    .isEqualTo(Verdict.ENQUEUE);
        }
    }

    @Nested
    class LoopGuard {
        @Test
        void anotherBotIsAnsweredAtMostTheLimitInARowPerChannel() {
            BotChain chain = BotChain.NONE;
            for (int i = 0; i < 3; i++) {
                MentionDecision decision =
                        decider.decide(mention(OTHER_BOT, at(SELF.userId()) + " again", 10 + i), SELF, chain);
                assertThat(decision.verdict()).as("bot mention %d", i + 1).isEqualTo(Verdict.ENQUEUE);
                chain = decision.nextChain();
            }
            assertThat(chain.length()).isEqualTo(3);

            MentionDecision fourth = decider.decide(mention(OTHER_BOT, at(SELF.userId()) + " again", 20), SELF, chain);

            assertThat(fourth.verdict()).isEqualTo(Verdict.BOT_CHAIN_LIMIT);
            assertThat(fourth.job()).isEmpty();
            assertThat(fourth.nextChain().length()).isEqualTo(3);
        }

        @Test
        void aPersonWritingInTheChannelStartsAFreshChain() {
            BotChain full = new BotChain(3, T0.plusSeconds(10));

            MentionDecision person = decider.decide(message(SAM, "", false, 11), SELF, full);
            assertThat(person.nextChain()).isEqualTo(BotChain.NONE);

            MentionDecision bot = decider.decide(mention(OTHER_BOT, at(SELF.userId()), 12), SELF, person.nextChain());
            assertThat(bot.verdict()).isEqualTo(Verdict.ENQUEUE);
            assertThat(bot.nextChain().length()).isEqualTo(1);
        }

        @Test
        void aPersonsMentionIsAnsweredWhateverTheChainAndResetsIt() {
            MentionDecision decision = decider.decide(
                    mention(SAM, at(SELF.userId()) + " ok stop", 11), SELF, new BotChain(3, T0.plusSeconds(10)));

            assertThat(decision.verdict()).isEqualTo(Verdict.ENQUEUE);
            assertThat(decision.nextChain()).isEqualTo(BotChain.NONE);
        }

        @Test
        void theChainLapsesAfterTheQuietWindow() {
            BotChain full = new BotChain(3, T0);
            long afterWindow = WINDOW.toSeconds() + 1;

            MentionDecision decision = decider.decide(mention(OTHER_BOT, at(SELF.userId()), afterWindow), SELF, full);

            assertThat(decision.verdict()).isEqualTo(Verdict.ENQUEUE);
            assertThat(decision.nextChain()).isEqualTo(new BotChain(1, T0.plusSeconds(afterWindow)));
        }

        @Test
        void aBotThatKeepsMentioningKeepsTheChainClosed() {
            BotChain full = new BotChain(3, T0);
            long stillInside = WINDOW.toSeconds() - 1;
            MentionDecision refused = decider.decide(mention(OTHER_BOT, at(SELF.userId()), stillInside), SELF, full);
            assertThat(refused.verdict()).isEqualTo(Verdict.BOT_CHAIN_LIMIT);

            long outsideTheFirstWindowButNotTheSecond = WINDOW.toSeconds() + 5;
            MentionDecision again = decider.decide(
                    mention(OTHER_BOT, at(SELF.userId()), outsideTheFirstWindowButNotTheSecond),
                    SELF,
                    refused.nextChain());
            assertThat(again.verdict()).isEqualTo(Verdict.BOT_CHAIN_LIMIT);
        }

        @Test
        void aLimitOfZeroNeverAnswersBots() {
            MentionDecider strict = new MentionDecider(PERSONAS, PersonaDefaults.NONE, 0, WINDOW);
            assertThat(strict.decide(mention(OTHER_BOT, at(SELF.userId()), 1), SELF, BotChain.NONE)
                            .verdict())
                    .isEqualTo(Verdict.BOT_CHAIN_LIMIT);
            assertThat(strict.decide(mention(SAM, at(SELF.userId()), 2), SELF, BotChain.NONE)
                            .verdict())
                    .isEqualTo(Verdict.ENQUEUE);
        }

        @Test
        void theBotsOwnRepliesDoNotTouchTheChain() {
            BotChain chain = new BotChain(2, T0);
            DiscordUser self = ROAST_DEN;
            assertThat(decider.decide(message(self, "", false, 1), SELF, chain).nextChain())
                    .isEqualTo(chain);
        }
    }
}
