package dev.roastden.worker.persona;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.component.CustomId;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The persona family against DynamoDB Local and the Discord emulator: create, consent, edit, list, show, retire. */
class PersonaLifecycleTest {
    private Harness h;
    private PersonaJobs jobs;

    @BeforeEach
    void start() {
        h = Harness.start();
        jobs = new PersonaJobs(h);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private JsonNode deliver(DeferredJob job) {
        h.deliver(job);
        assertThat(h.discord.problems()).isEmpty();
        var patches = h.patches(job);
        assertThat(patches).isNotEmpty();
        return patches.get(patches.size() - 1).json().orElseThrow();
    }

    private ServerPersona stored(String id) {
        return h.wiring.personaStore().find(Jobs.GUILD, id).orElseThrow();
    }

    /** The custom_ids of the buttons a message body carries, in order. */
    private static List<String> buttons(JsonNode body) {
        List<String> ids = new java.util.ArrayList<>();
        body.path("components").forEach(row -> row.path("components")
                .forEach(b -> ids.add(b.path("custom_id").asText())));
        return ids;
    }

    private static String decline(String id, String member, long version) {
        return CustomId.of(CustomId.PERSONA_DECLINE, id, member, Long.toString(version))
                .format();
    }

    private static String accept(String id, String member, long version) {
        return CustomId.of(CustomId.PERSONA_ACCEPT, id, member, Long.toString(version))
                .format();
    }

    /** Creates Riles's persona "Dawn Patrol" as Sammy; returns its id. */
    private String createForRiles() {
        JsonNode body =
                deliver(jobs.create(Jobs.SAMMY, Optional.of(Jobs.RILES), PersonaJobs.sampleForm("Dawn Patrol")));
        assertThat(DiscordEmulator.pingedUsers(body)).containsExactly(Jobs.RILES.id());
        return "dawn-patrol";
    }

    @Test
    void aMembersPersonaIsPendingPingsOnlyThemAndSpeaksOnlyAfterTheyAccept() {
        JsonNode request =
                deliver(jobs.create(Jobs.SAMMY, Optional.of(Jobs.RILES), PersonaJobs.sampleForm("Dawn Patrol")));
        assertThat(request.path("content").asText())
                .startsWith("<@" + Jobs.RILES.id() + ">")
                .contains("<@" + Jobs.SAMMY.id() + "> made **Dawn Patrol** (`dawn-patrol`)")
                .contains("won't say a word until you accept");
        assertThat(request.path("allowed_mentions").path("parse")).isEmpty();
        assertThat(buttons(request))
                .containsExactly(accept("dawn-patrol", Jobs.RILES.id(), 1), decline("dawn-patrol", Jobs.RILES.id(), 1));
        assertThat(request.path("allowed_mentions").path("users").toString())
                .isEqualTo("[\"" + Jobs.RILES.id() + "\"]");
        ServerPersona pending = stored("dawn-patrol");
        assertThat(pending.status()).isEqualTo(PersonaStatus.PENDING);
        assertThat(pending.persona().higherSelf()).contains(Jobs.RILES.id());
        assertThat(pending.createdBy()).isEqualTo(Jobs.SAMMY.id());
        assertThat(pending.persona().tagline()).isEqualTo("Dawn Patrol never misses a sunrise.");
        assertThat(pending.persona().traits()).containsExactly("early riser", "smug about it", "relentless");
        assertThat(pending.persona().speechPatterns()).containsExactly("Talks in weather reports");
        assertThat(pending.persona().catchphrases()).containsExactly("Rise and shine, sleepyhead.");

        // Pending: it does not speak, and the model is never asked.
        DeferredJob early = h.jobs.roast(Jobs.SAMMY, Jobs.ADMIN, "dawn-patrol", null);
        h.deliver(early);
        assertThat(h.shown(early)).contains("pending");
        assertThat(h.bedrock.calls()).isEmpty();

        JsonNode accepted = deliver(jobs.press(Jobs.RILES, accept("dawn-patrol", Jobs.RILES.id(), 1)));
        assertThat(accepted.path("content").asText())
                .contains("accepted **Dawn Patrol**")
                .contains("can speak now");
        assertThat(DiscordEmulator.pingedUsers(accepted)).isEmpty();
        assertThat(buttons(accepted)).containsExactly("rd1:pw:dawn-patrol:" + Jobs.RILES.id());
        assertThat(stored("dawn-patrol").status()).isEqualTo(PersonaStatus.ACTIVE);
        assertThat(stored("dawn-patrol").version()).isEqualTo(2);

        h.bedrock.enqueue(Outcome.answer("Up at five again, were we? No. Only me."));
        DeferredJob roast = h.jobs.roast(Jobs.SAMMY, Jobs.ADMIN, "dawn-patrol", null);
        h.deliver(roast);
        assertThat(h.shown(roast)).contains("Dawn Patrol").contains("Only me.");
    }

    @Test
    void theFamilyIsRegisteredInTheWiring() {
        assertThat(h.wiring.commands().routes())
                .contains(
                        "persona import",
                        "persona export",
                        "persona list",
                        "persona show",
                        "persona retire",
                        "#pc",
                        "#pe",
                        "#pa",
                        "#pd",
                        "#pw");
    }

    @Test
    void aRepeatedAcceptIsHarmless() {
        String id = createForRiles();
        deliver(jobs.press(Jobs.RILES, accept(id, Jobs.RILES.id(), 1)));
        JsonNode again = deliver(jobs.press(Jobs.RILES, accept(id, Jobs.RILES.id(), 1)));
        assertThat(again.path("content").asText()).startsWith("Already accepted");
        assertThat(stored(id).version()).isEqualTo(2);
        assertThat(stored(id).status()).isEqualTo(PersonaStatus.ACTIVE);
    }

    @Test
    void onlyTheMemberCanAnswerAndForgedButtonsChangeNothing() {
        String id = createForRiles();
        List<DeferredJob> presses = List.of(
                // Someone else presses the member's button (the handler stops this too; the worker re-checks).
                jobs.press(Jobs.SAMMY, accept(id, Jobs.RILES.id(), 1)),
                // A forged id naming the presser as the member.
                jobs.press(Jobs.SAMMY, accept(id, Jobs.SAMMY.id(), 1)),
                // The right member, a version that never was.
                jobs.press(Jobs.RILES, accept(id, Jobs.RILES.id(), 7)),
                // An unknown persona, a malformed id, a decline with missing arguments.
                jobs.press(Jobs.RILES, accept("nobody-here", Jobs.RILES.id(), 1)),
                jobs.press(Jobs.RILES, "rd1:pa:" + id + ":" + Jobs.RILES.id() + ":one"),
                jobs.press(Jobs.RILES, "rd1:pd:" + id));
        List<String> shown = new java.util.ArrayList<>();
        List<List<String>> controls = new java.util.ArrayList<>();
        for (DeferredJob press : presses) {
            JsonNode body = deliver(press);
            assertThat(DiscordEmulator.pingedUsers(body)).isEmpty();
            shown.add(body.path("content").asText());
            controls.add(buttons(body));
        }
        assertThat(controls.subList(0, 3))
                .allMatch(b -> b.equals(List.of(accept(id, Jobs.RILES.id(), 1), decline(id, Jobs.RILES.id(), 1))));
        assertThat(controls.subList(3, 6)).allMatch(List::isEmpty);
        // The request keeps showing the real state for the real member (so a stray press cannot take it away) …
        String waiting = "is waiting for <@" + Jobs.RILES.id() + "> to accept or decline it";
        assertThat(shown.get(0)).contains(waiting);
        assertThat(shown.get(1)).contains(waiting);
        assertThat(shown.get(2)).contains(waiting);
        // … and a button about nothing says so.
        assertThat(shown.subList(3, 6)).allMatch(text -> text.contains("This request is no longer active"));
        ServerPersona after = stored(id);
        assertThat(after.status()).isEqualTo(PersonaStatus.PENDING);
        assertThat(after.version()).isEqualTo(1);
    }

    @Test
    void declineAndWithdraw() {
        String id = createForRiles();
        JsonNode declined = deliver(jobs.press(
                Jobs.RILES,
                CustomId.of(CustomId.PERSONA_DECLINE, id, Jobs.RILES.id(), "1").format()));
        assertThat(declined.path("content").asText()).contains("declined **Dawn Patrol**");
        assertThat(buttons(declined)).isEmpty();
        assertThat(stored(id).status()).isEqualTo(PersonaStatus.DECLINED);
        // A late Accept on the declined request does not revive it.
        assertThat(deliver(jobs.press(Jobs.RILES, accept(id, Jobs.RILES.id(), 1)))
                        .path("content")
                        .asText())
                .startsWith("Already declined");
        assertThat(stored(id).status()).isEqualTo(PersonaStatus.DECLINED);

        deliver(jobs.create(Jobs.SAMMY, Optional.of(Jobs.RILES), PersonaJobs.sampleForm("Night Owl")));
        deliver(jobs.press(Jobs.RILES, accept("night-owl", Jobs.RILES.id(), 1)));
        String withdraw = CustomId.of(CustomId.PERSONA_WITHDRAW, "night-owl", Jobs.RILES.id())
                .format();
        assertThat(deliver(jobs.press(Jobs.SAMMY, withdraw)).path("content").asText())
                .doesNotContain("withdrew");
        assertThat(stored("night-owl").status()).isEqualTo(PersonaStatus.ACTIVE);
        JsonNode withdrawn = deliver(jobs.press(Jobs.RILES, withdraw));
        assertThat(withdrawn.path("content").asText())
                .contains("withdrew **Night Owl**")
                .contains("memories stay");
        assertThat(stored("night-owl").status()).isEqualTo(PersonaStatus.RETIRED);
    }

    @Test
    void aFictionalPersonaIsForManagersAndActiveAtOnce() {
        JsonNode refused = deliver(jobs.create(Jobs.SAMMY, Optional.empty(), PersonaJobs.sampleForm("Sir Loin")));
        assertThat(refused.path("content").asText())
                .contains("only members with Manage Server")
                .contains("Here is what you wrote")
                .contains("Sir Loin never misses a sunrise.");
        assertThat(h.wiring.personaStore().find(Jobs.GUILD, "sir-loin")).isEmpty();

        JsonNode created = deliver(jobs.create(Jobs.ADMIN, Optional.empty(), PersonaJobs.sampleForm("Sir Loin")));
        assertThat(created.path("content").asText()).contains("Created **Sir Loin** (`sir-loin`)");
        assertThat(stored("sir-loin").status()).isEqualTo(PersonaStatus.ACTIVE);
        assertThat(stored("sir-loin").persona().higherSelf()).isEmpty();

        // The same name again gets the next free id; a bundled persona's id is never taken.
        deliver(jobs.create(Jobs.ADMIN, Optional.empty(), PersonaJobs.sampleForm("Sir Loin")));
        assertThat(stored("sir-loin-2").persona().name()).isEqualTo("Sir Loin");
        deliver(jobs.create(Jobs.ADMIN, Optional.empty(), PersonaJobs.sampleForm("Ford")));
        assertThat(stored("ford-2").persona().name()).isEqualTo("Ford");
    }

    @Test
    void noPersonaOfAnOptedOutMemberOrABot() {
        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.RILES.id(), true);
        JsonNode refused =
                deliver(jobs.create(Jobs.SAMMY, Optional.of(Jobs.RILES), PersonaJobs.sampleForm("Dawn Patrol")));
        assertThat(refused.path("content").asText()).contains("opted out").doesNotContain("<@" + Jobs.RILES.id());
        assertThat(DiscordEmulator.pingedUsers(refused)).isEmpty();
        assertThat(h.wiring.personaStore().find(Jobs.GUILD, "dawn-patrol")).isEmpty();

        var bot = new dev.roastden.core.interaction.DiscordUser("1200000000000000010", "Botty", true, "0");
        var attachment = new dev.roastden.core.interaction.Attachment(
                "1300000000000000005", "x.json", "https://cdn.discordapp.com/x.json", 10, Optional.empty());
        JsonNode botRefused = deliver(jobs.importing(Jobs.SAMMY, attachment, Optional.of(bot)));
        assertThat(botRefused.path("content").asText()).contains("bots can't have personas");
    }

    @Test
    void badFormsAreRefusedWithWhatWasTyped() {
        Map<String, String> clyde = PersonaJobs.sampleForm("Clyde Jr");
        assertThat(deliver(jobs.create(Jobs.ADMIN, Optional.empty(), clyde))
                        .path("content")
                        .asText())
                .contains("'discord' or 'clyde'");
        Map<String, String> longTrait = PersonaJobs.form("Verbose Vic", "Vic talks.", "x".repeat(81), "Long", "Wordy.");
        assertThat(deliver(jobs.create(Jobs.ADMIN, Optional.empty(), longTrait))
                        .path("content")
                        .asText())
                .contains("the field `traits` (at $.traits[0]) must be at most 80 characters long")
                .contains("x".repeat(81));
        Map<String, String> onlyQuotes = PersonaJobs.form("Quiet Quinn", "Quinn.", "calm", "\"Hm.\"", "Silence.");
        assertThat(deliver(jobs.create(Jobs.ADMIN, Optional.empty(), onlyQuotes))
                        .path("content")
                        .asText())
                .contains("at least one line that is not in quotes");
        assertThat(h.wiring.personaStore().roster(Jobs.GUILD).entries()).isEmpty();
    }

    @Test
    void editsByTheHigherSelfStayActiveAndByAManagerAskAgain() {
        String id = createForRiles();
        deliver(jobs.press(Jobs.RILES, accept(id, Jobs.RILES.id(), 1)));
        // Something the form does not show, to be kept.
        ServerPersona accepted = stored(id);
        var tree = PersonaJson.tree(accepted);
        tree.putArray("interests").add("sunrises");
        try {
            h.wiring.personaStore().update(PersonaWrites.next(tools(), accepted, tree, PersonaStatus.ACTIVE), 2);
        } catch (PersonaStore.Conflict e) {
            throw new AssertionError(e);
        }
        CustomId form = CustomId.of(CustomId.PERSONA_EDIT, id, "3", Jobs.RILES.id());

        JsonNode own = deliver(jobs.submit(Jobs.RILES, form, PersonaJobs.sampleForm("Dawn Patroller")));
        assertThat(own.path("content").asText())
                .contains("Saved **Dawn Patroller**")
                .contains("active");
        assertThat(stored(id).status()).isEqualTo(PersonaStatus.ACTIVE);
        assertThat(stored(id).version()).isEqualTo(4);
        assertThat(stored(id).persona().interests()).containsExactly("sunrises");

        // The same form again: the version moved on.
        assertThat(deliver(jobs.submit(Jobs.RILES, form, PersonaJobs.sampleForm("X")))
                        .path("content")
                        .asText())
                .contains("someone edited **Dawn Patroller** meanwhile");
        // Neither the Higher Self nor a manager.
        CustomId current = CustomId.of(CustomId.PERSONA_EDIT, id, "4", Jobs.RILES.id());
        assertThat(deliver(jobs.submit(Jobs.SAMMY, current, PersonaJobs.sampleForm("X")))
                        .path("content")
                        .asText())
                .contains("Only <@" + Jobs.RILES.id() + ">");
        assertThat(stored(id).version()).isEqualTo(4);

        JsonNode byManager = deliver(jobs.submit(Jobs.ADMIN, current, PersonaJobs.sampleForm("Dawn Patrol Prime")));
        assertThat(DiscordEmulator.pingedUsers(byManager)).containsExactly(Jobs.RILES.id());
        assertThat(byManager.path("content").asText()).contains("edited **Dawn Patrol Prime**");
        assertThat(buttons(byManager)).containsExactly(accept(id, Jobs.RILES.id(), 5), decline(id, Jobs.RILES.id(), 5));
        assertThat(stored(id).status()).isEqualTo(PersonaStatus.PENDING);
        assertThat(stored(id).persona().higherSelf()).contains(Jobs.RILES.id());
        // The old Accept (version 1) no longer works; the new request's (version 5) does.
        deliver(jobs.press(Jobs.RILES, accept(id, Jobs.RILES.id(), 1)));
        assertThat(stored(id).status()).isEqualTo(PersonaStatus.PENDING);
        deliver(jobs.press(Jobs.RILES, accept(id, Jobs.RILES.id(), 5)));
        assertThat(stored(id).status()).isEqualTo(PersonaStatus.ACTIVE);
    }

    @Test
    void editingABundledPersonaMakesTheServersOwnCopy() {
        CustomId form = CustomId.of(CustomId.PERSONA_EDIT, "ford", "0", Jobs.FORD_HIGHER_SELF.id());
        JsonNode saved = deliver(jobs.submit(Jobs.FORD_HIGHER_SELF, form, PersonaJobs.sampleForm("Captain Ford")));
        assertThat(saved.path("content").asText()).contains("this server's own version of the default");
        ServerPersona copy = stored("ford");
        assertThat(copy.version()).isEqualTo(1);
        assertThat(copy.status()).isEqualTo(PersonaStatus.ACTIVE);
        // Kept from the bundled persona: what the form does not show.
        assertThat(copy.persona().memoryTriggers()).hasSize(5);
        assertThat(copy.persona().boundaries()).isNotEmpty();
        assertThat(copy.persona().summary()).startsWith("Captain Ford never misses");
    }

    @Test
    void listShowAndRetire() {
        String id = createForRiles();
        JsonNode list = deliver(jobs.persona(CommandCatalog.PERSONA_LIST, Jobs.SAMMY, Map.of(), Map.of()));
        assertThat(list.path("content").asText())
                .contains("**Captain Ford** (`ford`) — active · default")
                .contains("**Dawn Patrol** (`dawn-patrol`) — pending");
        assertThat(DiscordEmulator.pingedUsers(list)).isEmpty();

        JsonNode show = deliver(jobs.persona(
                CommandCatalog.PERSONA_SHOW, Jobs.SAMMY, Map.of(CommandCatalog.PERSONA_OPTION, id), Map.of()));
        String shown = show.path("content").asText() + show.path("embeds").toString();
        assertThat(shown).contains("Higher Self: <@" + Jobs.RILES.id() + ">").contains("pending");
        assertThat(DiscordEmulator.pingedUsers(show)).isEmpty();
        assertThat(show.path("allowed_mentions").has("users")).isFalse();

        JsonNode refused = deliver(jobs.persona(
                CommandCatalog.PERSONA_RETIRE, Jobs.SAMMY, Map.of(CommandCatalog.PERSONA_OPTION, id), Map.of()));
        assertThat(refused.path("content").asText()).contains("Only <@" + Jobs.RILES.id() + ">");
        JsonNode retired = deliver(jobs.persona(
                CommandCatalog.PERSONA_RETIRE, Jobs.RILES, Map.of(CommandCatalog.PERSONA_OPTION, id), Map.of()));
        assertThat(retired.path("content").asText()).contains("is retired").contains("memories stay until forgotten");
        assertThat(stored(id).status()).isEqualTo(PersonaStatus.RETIRED);

        JsonNode hidden = deliver(jobs.persona(
                CommandCatalog.PERSONA_RETIRE, Jobs.ADMIN, Map.of(CommandCatalog.PERSONA_OPTION, "mags"), Map.of()));
        assertThat(hidden.path("content").asText())
                .contains("hidden in this server")
                .contains("memories stay");
        assertThat(h.wiring.personaStore().roster(Jobs.GUILD).hiddenDefaults()).containsExactly("mags");
        assertThat(deliver(jobs.persona(CommandCatalog.PERSONA_LIST, Jobs.SAMMY, Map.of(), Map.of()))
                        .path("content")
                        .asText())
                .doesNotContain("`mags`");

        // A member who opts out is not named in the public list, even through their persona.
        deliver(jobs.create(Jobs.SAMMY, Optional.of(Jobs.JUNIPER_HIGHER_SELF), PersonaJobs.sampleForm("June Bug")));
        assertThat(deliver(jobs.persona(CommandCatalog.PERSONA_LIST, Jobs.SAMMY, Map.of(), Map.of()))
                        .path("content")
                        .asText())
                .contains("`june-bug`");
        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.JUNIPER_HIGHER_SELF.id(), true);
        String listed = deliver(jobs.persona(CommandCatalog.PERSONA_LIST, Jobs.SAMMY, Map.of(), Map.of()))
                .path("content")
                .asText();
        assertThat(listed)
                .doesNotContain("June Bug")
                .doesNotContain("`juniper`")
                .contains("`ford`");
    }

    @Test
    void aRepeatedAttemptDoesNotStoreTwice() throws Exception {
        DeferredJob create = jobs.create(Jobs.ADMIN, Optional.empty(), PersonaJobs.sampleForm("Sir Loin"));
        var submit = h.wiring.commands().component(CustomId.PERSONA_CREATE).orElseThrow();
        submit.handle(create, PersonaJobs.FIRST);
        // The first attempt stored it, then died before its reply was saved: the retry finds it.
        String again = submit.handle(create, PersonaJobs.REPEATED).reply().text();
        assertThat(again).contains("Created **Sir Loin** (`sir-loin`)");
        assertThat(h.wiring.personaStore().roster(Jobs.GUILD).entries()).containsOnlyKeys("sir-loin");

        var edit = h.wiring.commands().component(CustomId.PERSONA_EDIT).orElseThrow();
        DeferredJob form = jobs.submit(
                Jobs.ADMIN,
                CustomId.of(CustomId.PERSONA_EDIT, "sir-loin", "1", CustomId.NONE),
                PersonaJobs.sampleForm("Sir Loins"));
        edit.handle(form, PersonaJobs.FIRST);
        assertThat(edit.handle(form, PersonaJobs.REPEATED).reply().text()).contains("Saved **Sir Loins**");
        assertThat(stored("sir-loin").version()).isEqualTo(2);
        // Not a retry: the same stale form is refused.
        assertThat(edit.handle(form, PersonaJobs.FIRST).reply().text()).contains("meanwhile");
    }

    private PersonaTools tools() {
        return new PersonaTools(h.wiring.personaStore(), h.wiring.directory(), h.wiring.consent(), null, null, h.clock);
    }
}
