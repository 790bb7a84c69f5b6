package dev.roastden.handler;

import static dev.roastden.handler.Interactions.GUILD;
import static dev.roastden.handler.Interactions.MANAGE_SERVER;
import static dev.roastden.handler.Interactions.MEMBER;
import static dev.roastden.handler.Interactions.OTHER;
import static dev.roastden.handler.Interactions.autocomplete;
import static dev.roastden.handler.Interactions.button;
import static dev.roastden.handler.Interactions.command;
import static dev.roastden.handler.Interactions.context;
import static dev.roastden.handler.Interactions.focused;
import static dev.roastden.handler.Interactions.inGuild;
import static dev.roastden.handler.Interactions.modal;
import static dev.roastden.handler.Interactions.option;
import static dev.roastden.handler.Interactions.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.json.Json;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.persona.Roster;
import dev.roastden.core.persona.RosterEntry;
import dev.roastden.core.response.ResponseJson;
import dev.roastden.handler.PersonaReads.StoredPersona;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every branch of the router, checked on the JSON Discord would receive. */
class InteractionRouterTest {
    private final RecordingQueue queue = new RecordingQueue();
    private final FakePersonaReads reads = new FakePersonaReads();
    private final PersonaCatalog bundled = PersonaCatalog.fromClasspath();
    private final InteractionRouter router = new InteractionRouter(queue, bundled, reads);

    private final DiscordUser member = user(MEMBER, "0");
    private final DiscordUser other = user(OTHER, "0");
    private final DiscordUser manager = user(OTHER, MANAGE_SERVER);

    private JsonNode answer(Interaction interaction) {
        try {
            return Json.mapper()
                    .readTree(ResponseJson.write(router.route(interaction).response()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertPrivateMessage(JsonNode answer, String content) {
        assertThat(answer.path("type").asInt()).isEqualTo(4);
        assertThat(answer.path("data").path("flags").asInt()).isEqualTo(64);
        assertThat(answer.path("data").path("content").asText()).isEqualTo(content);
        assertThat(answer.path("data").path("allowed_mentions").path("parse")).isEmpty();
    }

    private static String customId(JsonNode modal) {
        return modal.path("data").path("custom_id").asText();
    }

    /** The prefilled value of the modal's text input {@code id}. */
    private static String input(JsonNode modal, String id) {
        for (JsonNode row : modal.path("data").path("components")) {
            JsonNode input = row.path("components").get(0);
            if (input.path("custom_id").asText().equals(id)) {
                return input.path("value").asText(null);
            }
        }
        throw new AssertionError("no input " + id);
    }

    private static Persona persona(String id, String name, Optional<String> higherSelf) {
        return new Persona(
                id,
                name,
                higherSelf,
                "always late",
                "The one who is always late.",
                List.of("late", "kind"),
                List.of("short sentences"),
                List.of(),
                "deadpan",
                List.of("Not this again."),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of());
    }

    @Nested
    class PersonaCreate {
        private Interaction.ApplicationCommand create(DiscordUser invoker, Optional<DiscordUser> of) {
            Map<String, DiscordUser> resolved = of.map(u -> Map.of(u.id(), u)).orElse(Map.of());
            var context = context(invoker, Optional.of(GUILD), resolved);
            return of.isPresent()
                    ? command(
                            context,
                            "persona",
                            Optional.of("create"),
                            option("name", "Sam"),
                            option("member", of.get().id()))
                    : command(context, "persona", Optional.of("create"), option("name", "Sam"));
        }

        @Test
        void ofAMemberAnswersWithTheModalForThatMember() {
            JsonNode answer = answer(create(other, Optional.of(member)));
            assertThat(answer.path("type").asInt()).isEqualTo(9);
            assertThat(customId(answer)).isEqualTo("rd1:pc:" + MEMBER);
            assertThat(input(answer, "name")).isEqualTo("Sam");
            assertThat(answer.path("data").path("components")).hasSize(5);
            assertThat(queue.jobs).isEmpty();
            assertThat(reads.reads).isZero();
        }

        @Test
        void aFictionalOneByAManagerAnswersWithTheModal() {
            JsonNode answer = answer(create(manager, Optional.empty()));
            assertThat(answer.path("type").asInt()).isEqualTo(9);
            assertThat(customId(answer)).isEqualTo("rd1:pc:-");
        }

        @Test
        void aFictionalOneByAnyoneElseIsExplainedPrivately() {
            assertPrivateMessage(answer(create(other, Optional.empty())), PersonaCommands.FICTIONAL_NEEDS_MANAGER);
            assertThat(queue.jobs).isEmpty();
        }

        @Test
        void aBotIsRefusedPrivately() {
            DiscordUser bot = new DiscordUser("100000000000000077", "Some Bot", true, "0");
            assertPrivateMessage(answer(create(manager, Optional.of(bot))), PersonaCommands.NO_BOT_PERSONAS);
        }
    }

    @Nested
    class PersonaEdit {
        private Interaction.ApplicationCommand edit(DiscordUser invoker, String persona) {
            return command(inGuild(invoker), "persona", Optional.of("edit"), option("persona", persona));
        }

        private void store(Persona persona, long version) {
            reads.personas.put(GUILD + "/" + persona.id(), new StoredPersona(persona, version, PersonaStatus.ACTIVE));
        }

        @Test
        void theHigherSelfGetsTheFormPrefilledWithTheStoredPersonaAndItsVersion() {
            store(persona("sam", "Sam", Optional.of(MEMBER)), 3);
            JsonNode answer = answer(edit(member, "sam"));
            assertThat(answer.path("type").asInt()).isEqualTo(9);
            assertThat(customId(answer)).isEqualTo("rd1:pe:sam:3:" + MEMBER);
            assertThat(input(answer, "name")).isEqualTo("Sam");
            assertThat(input(answer, "summary")).isEqualTo("The one who is always late.");
            assertThat(input(answer, "traits")).isEqualTo("late\nkind");
            assertThat(input(answer, "speech")).isEqualTo("short sentences\n\"Not this again.\"");
            assertThat(reads.reads).isEqualTo(1);
            assertThat(queue.jobs).isEmpty();
        }

        @Test
        void aManagerGetsTheFormOfSomeoneElsesPersona() {
            store(persona("sam", "Sam", Optional.of(MEMBER)), 7);
            assertThat(customId(answer(edit(manager, "Sam ")))).isEqualTo("rd1:pe:sam:7:" + MEMBER);
        }

        @Test
        void anyoneElseIsRefusedPrivatelyWithoutAPing() {
            store(persona("sam", "Sam", Optional.of(MEMBER)), 3);
            assertPrivateMessage(
                    answer(edit(other, "sam")),
                    "Only <@" + MEMBER + "> (whose persona it is) or members with Manage Server can edit Sam.");
        }

        @Test
        void aFictionalPersonaIsForManagersOnly() {
            store(persona("zed", "Zed", Optional.empty()), 1);
            assertPrivateMessage(
                    answer(edit(member, "zed")), "Only members with Manage Server can edit Zed, a fictional persona.");
            assertThat(customId(answer(edit(manager, "zed")))).isEqualTo("rd1:pe:zed:1:-");
        }

        @Test
        void aBundledPersonaTheServerHasNotStoredIsPrefilledAtVersionZero() {
            Persona ford = bundled.find("ford").orElseThrow();
            JsonNode answer = answer(edit(manager, "ford"));
            assertThat(customId(answer))
                    .isEqualTo("rd1:pe:ford:0:" + ford.higherSelf().orElseThrow());
            assertThat(input(answer, "summary")).isEqualTo(ford.summary());
            assertThat(reads.reads).isEqualTo(1);
        }

        @Test
        void theServersOwnPersonaWinsOverABundledOneWithTheSameId() {
            store(persona("ford", "Our Ford", Optional.of(MEMBER)), 2);
            assertThat(customId(answer(edit(member, "ford")))).isEqualTo("rd1:pe:ford:2:" + MEMBER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"nobody", "", "not an id!", "PERSONA#x"})
        void anUnknownPersonaIsExplainedPrivately(String typed) {
            assertPrivateMessage(answer(edit(manager, typed)), PersonaCommands.NO_SUCH_PERSONA);
        }

        @Test
        void aStoreThatCannotAnswerGetsATryAgainNeverAnError() {
            reads.down = true;
            assertPrivateMessage(answer(edit(manager, "ford")), PersonaCommands.EDIT_UNAVAILABLE);
            assertThat(reads.reads).isEqualTo(1);
        }
    }

    @Nested
    class ModalSubmit {
        @Test
        void aNewPersonaOfAMemberIsDeferredPubliclyAndQueued() {
            JsonNode answer = answer(modal(inGuild(other), "rd1:pc:" + MEMBER));
            assertThat(answer.toString()).isEqualTo("{\"type\":5}");
            DeferredJob job = queue.jobs.get(0);
            assertThat(job.kind()).isEqualTo(DeferredJob.Kind.COMPONENT);
            assertThat(job.option(DeferredJob.CUSTOM_ID)).contains("rd1:pc:" + MEMBER);
            assertThat(job.field("name")).contains("Sam");
            assertThat(job.token()).contains("test-token");
        }

        @Test
        void aFictionalPersonaIsDeferredPrivately() {
            assertThat(answer(modal(inGuild(manager), "rd1:pc:-")).toString())
                    .isEqualTo("{\"type\":5,\"data\":{\"flags\":64}}");
            assertThat(queue.jobs).hasSize(1);
        }

        @ParameterizedTest
        @CsvSource({
            // higher self in the id, invoker, public?
            MEMBER + "," + OTHER + ",true", // a manager's edit asks the member again
            MEMBER + "," + MEMBER + ",false", // the member's own edit
            "-," + OTHER + ",false" // a fictional persona
        })
        void anEditIsPublicOnlyWhenItAsksTheMemberAgain(String higherSelf, String invoker, boolean publicly) {
            JsonNode answer = answer(modal(inGuild(user(invoker, MANAGE_SERVER)), "rd1:pe:sam:3:" + higherSelf));
            assertThat(answer.path("type").asInt()).isEqualTo(5);
            assertThat(answer.path("data").path("flags").asInt(0)).isEqualTo(publicly ? 0 : 64);
            assertThat(queue.jobs).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"again", "rd1:zz:1", "rd2:pc:-", "rd1:pe:sam", "rd1:pc", "rd1:pa:sam:1:2"})
        void anUnknownFormIsExplainedPrivatelyAndNotQueued(String customId) {
            assertPrivateMessage(answer(modal(inGuild(member), customId)), ComponentRouter.FORM_GONE);
            assertThat(queue.jobs).isEmpty();
        }

        @Test
        void aQueueThatIsDownGetsATryAgain() {
            queue.down = true;
            assertPrivateMessage(answer(modal(inGuild(member), "rd1:pc:-")), InteractionRouter.QUEUE_FAILED);
        }
    }

    @Nested
    class Buttons {
        @ParameterizedTest
        @ValueSource(strings = {"rd1:pa:sam:" + MEMBER + ":3", "rd1:pd:sam:" + MEMBER + ":3", "rd1:pw:sam:" + MEMBER})
        void theNamedMemberUpdatesTheMessageAndTheJobIsQueued(String customId) {
            JsonNode answer = answer(button(inGuild(member), customId));
            assertThat(answer.toString()).isEqualTo("{\"type\":6}");
            DeferredJob job = queue.jobs.get(0);
            assertThat(job.kind()).isEqualTo(DeferredJob.Kind.COMPONENT);
            assertThat(job.option(DeferredJob.CUSTOM_ID)).contains(customId);
            assertThat(job.option(DeferredJob.MESSAGE_ID)).contains("1310000000000000099");
        }

        @ParameterizedTest
        @ValueSource(strings = {"rd1:pa:sam:" + MEMBER + ":3", "rd1:pd:sam:" + MEMBER + ":3", "rd1:pw:sam:" + MEMBER})
        void anyoneElseIsToldPrivatelyWhoCanAnswer(String customId) {
            assertPrivateMessage(answer(button(inGuild(manager), customId)), "Only <@" + MEMBER + "> can answer this.");
            assertThat(queue.jobs).isEmpty();
        }

        @Test
        void aMemoriesPageUpdatesItsMessage() {
            assertThat(answer(button(inGuild(other), "rd1:mp:2:-:-")).toString())
                    .isEqualTo("{\"type\":6}");
            assertThat(queue.jobs).singleElement().satisfies(job -> assertThat(job.option(DeferredJob.CUSTOM_ID))
                    .contains("rd1:mp:2:-:-"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"again", "rd1:xx:1", "rd1:pa", "rd1:pa:sam", "rd1:pa:-:" + MEMBER + ":3", "rd1:pc:-"})
        void anUnknownControlIsExplainedPrivately(String customId) {
            assertPrivateMessage(answer(button(inGuild(member), customId)), ComponentRouter.CONTROL_GONE);
            assertThat(queue.jobs).isEmpty();
        }

        @Test
        void aQueueThatIsDownGetsATryAgain() {
            queue.down = true;
            assertPrivateMessage(
                    answer(button(inGuild(member), "rd1:pa:sam:" + MEMBER + ":3")), InteractionRouter.QUEUE_FAILED);
        }

        @Test
        void outsideAServerNothingHappens() {
            var dm = context(member, Optional.empty(), Map.of());
            assertPrivateMessage(answer(button(dm, "rd1:pa:sam:" + MEMBER + ":3")), InteractionRouter.GUILD_ONLY);
            assertPrivateMessage(answer(modal(dm, "rd1:pc:-")), InteractionRouter.GUILD_ONLY);
            assertThat(queue.jobs).isEmpty();
        }
    }

    @Nested
    class OtherCommands {
        @ParameterizedTest
        @CsvSource({
            "persona,list,false,false",
            "persona,show,false,true",
            "persona,retire,false,true",
            "persona,export,false,true",
            "persona,import,true,false",
            "persona,import,false,true",
            "memories,,false,true",
            "optout,,false,true",
            "optin,,false,true",
            "roast,,false,false",
            "remember,,false,true"
        })
        void areDeferredWithTheCatalogsVisibility(
                String name, String subcommand, boolean memberGiven, boolean privately) {
            var options = memberGiven
                    ? new dev.roastden.core.interaction.CommandOptions.OptionValue[] {option("member", MEMBER)}
                    : new dev.roastden.core.interaction.CommandOptions.OptionValue[0];
            JsonNode answer = answer(command(inGuild(member), name, Optional.ofNullable(subcommand), options));
            assertThat(answer.path("type").asInt()).isEqualTo(5);
            assertThat(answer.path("data").path("flags").asInt(0)).isEqualTo(privately ? 64 : 0);
            assertThat(queue.jobs).singleElement().satisfies(job -> {
                assertThat(job.command()).isEqualTo(name);
                assertThat(job.subcommand()).isEqualTo(Optional.ofNullable(subcommand));
            });
            assertThat(reads.reads).isZero();
        }

        @Test
        void personaCommandsOutsideAServerDoNothing() {
            var dm = context(manager, Optional.empty(), Map.of());
            assertPrivateMessage(
                    answer(command(dm, "persona", Optional.of("create"), option("name", "Sam"))),
                    InteractionRouter.GUILD_ONLY);
            assertPrivateMessage(
                    answer(command(dm, "persona", Optional.of("edit"), option("persona", "ford"))),
                    InteractionRouter.GUILD_ONLY);
            assertThat(reads.reads).isZero();
        }
    }

    @Nested
    class Autocomplete {
        private final Roster roster = Roster.EMPTY
                .with(new RosterEntry("sam", "Sam", "always late", PersonaStatus.ACTIVE, Optional.of(MEMBER)))
                .with(new RosterEntry("sal", "Sal", "new here", PersonaStatus.PENDING, Optional.of(OTHER)))
                .with(new RosterEntry("sid", "Sid", "", PersonaStatus.RETIRED, Optional.empty()))
                .hiding("mags", true);

        private List<String> values(JsonNode answer) {
            assertThat(answer.path("type").asInt()).isEqualTo(8);
            List<String> values = new ArrayList<>();
            answer.path("data")
                    .path("choices")
                    .forEach(c -> values.add(c.path("value").asText()));
            return values;
        }

        private List<String> names(JsonNode answer) {
            List<String> names = new ArrayList<>();
            answer.path("data")
                    .path("choices")
                    .forEach(c -> names.add(c.path("name").asText()));
            return names;
        }

        @Test
        void aCommandThatMakesAPersonaSpeakOffersOnlyActiveOnes() {
            reads.rosters.put(GUILD, roster);
            JsonNode answer = answer(autocomplete(
                    inGuild(member), "roast", Optional.empty(), option("target", OTHER), focused("persona", "")));
            assertThat(values(answer)).containsExactly("ford", "juniper", "bex", "sam");
            assertThat(names(answer)).contains("Sam — always late");
            assertThat(reads.reads).isEqualTo(1);
            assertThat(queue.jobs).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"persona,edit", "persona,show", "persona,retire", "persona,export", "forget,persona", "memories,"})
        void managingCommandsOfferEveryStatusLabelled(String name, String subcommand) {
            reads.rosters.put(GUILD, roster);
            JsonNode answer = answer(
                    autocomplete(inGuild(member), name, Optional.ofNullable(subcommand), focused("persona", "s")));
            assertThat(values(answer)).containsExactly("sam", "sal", "sid");
            assertThat(names(answer)).startsWith("Sam — always late", "Sal — new here (pending)", "Sid (retired)");
        }

        @Test
        void aServerWithoutARosterOffersTheBundledPersonas() {
            JsonNode answer = answer(autocomplete(inGuild(member), "ask", Optional.empty(), focused("persona", "")));
            assertThat(values(answer)).containsExactly("ford", "juniper", "mags", "bex");
        }

        @Test
        void aStoreThatCannotAnswerFallsBackToTheBundledPersonas() {
            reads.down = true;
            JsonNode answer =
                    answer(autocomplete(inGuild(member), "roast", Optional.empty(), focused("persona", "fo")));
            assertThat(values(answer)).containsExactly("ford");
            assertThat(names(answer).get(0)).startsWith("Captain Ford — ");
            assertThat(reads.reads).isEqualTo(1);
        }

        @Test
        void outsideAServerItOffersTheBundledPersonasWithoutARead() {
            var dm = context(member, Optional.empty(), Map.of());
            assertThat(values(answer(autocomplete(dm, "ask", Optional.empty(), focused("persona", "j")))))
                    .containsExactly("juniper");
            assertThat(reads.reads).isZero();
        }

        @Test
        void anotherOptionGetsNoChoicesAndNoRead() {
            JsonNode answer = answer(autocomplete(inGuild(member), "roast", Optional.empty(), focused("topic", "x")));
            assertThat(values(answer)).isEmpty();
            assertThat(reads.reads).isZero();
        }

        @Test
        void aLongLabelIsShortenedInTheTaglineSoTheStatusStillShows() {
            String label = PersonaAutocomplete.label("Sam", "x".repeat(200), " (pending)");
            assertThat(label).hasSize(100).startsWith("Sam — xxx").endsWith("x… (pending)");
        }
    }
}
