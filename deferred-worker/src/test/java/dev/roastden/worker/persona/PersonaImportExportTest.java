package dev.roastden.worker.persona;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.component.CustomId;
import dev.roastden.core.interaction.Attachment;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.json.Json;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.persona.card.CardFixtures;
import dev.roastden.worker.persona.card.CardImporter;
import dev.roastden.worker.persona.card.Imported;
import dev.roastden.worker.reply.Reply;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /persona import} and {@code export} against DynamoDB Local and the Discord emulator, the files served by an
 * in-process CDN registered as an attachment origin. The export's multipart upload is checked in
 * {@code MultipartUploadTest}; here the export reply's file is read back and imported again.
 */
class PersonaImportExportTest {
    private LocalCdn cdn;
    private Harness h;
    private PersonaJobs jobs;

    @BeforeEach
    void start() {
        cdn = new LocalCdn();
        h = Harness.start(b -> b.attachmentOrigins(List.of(cdn.origin())));
        jobs = new PersonaJobs(h);
    }

    @AfterEach
    void stop() {
        h.close();
        cdn.close();
    }

    private String answer(DeferredJob job) {
        h.deliver(job);
        assertThat(h.discord.problems()).isEmpty();
        var patches = h.patches(job);
        JsonNode body = patches.get(patches.size() - 1).json().orElseThrow();
        return body.path("content").asText() + body.path("embeds").toString();
    }

    private ServerPersona stored(String id) {
        return h.wiring.personaStore().find(Jobs.GUILD, id).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
        "v2-lorebook.card.json, brother-thaddeus, Brother Thaddeus, 2, Character Card V2 JSON",
        "v3.card.json, vera-voltage, Vera Voltage, 0, Character Card V3 JSON",
        "v2.card.png, marisol-wrench, Marisol Wrench, 0, Character Card V2 PNG",
        "v3.card.png, pixel-pete, Pixel Pete, 1, Character Card V3 PNG",
        "fictional.roastden.json, gran-gravel, Gran Gravel, 1, Roast Den persona JSON"
    })
    void importsEachFixture(String fixture, String id, String name, int triggers, String format) {
        // A misleading name: the type is read from the bytes.
        Attachment file = cdn.upload("upload.txt", CardFixtures.bytes(fixture));
        String said = answer(jobs.importing(Jobs.ADMIN, file, Optional.empty()));
        assertThat(said).contains("Imported **" + name + "** as `" + id + "`").contains(format);
        ServerPersona persona = stored(id);
        assertThat(persona.status()).isEqualTo(PersonaStatus.ACTIVE);
        assertThat(persona.persona().higherSelf()).isEmpty();
        assertThat(persona.persona().memoryTriggers()).hasSize(triggers);
        assertThat(persona.createdBy()).isEqualTo(Jobs.ADMIN.id());

        // Again: a new id, the first one is kept.
        String again = answer(
                jobs.importing(Jobs.ADMIN, cdn.upload("again.png", CardFixtures.bytes(fixture)), Optional.empty()));
        assertThat(again).contains("as `" + id + "-2` (`" + id + "` was taken)");
    }

    @Test
    void aCardPngNeverSeenBeforeImportsAndRoastsUnderItsName() {
        String name = "Wanda " + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        String card = "{\"spec\":\"chara_card_v2\",\"spec_version\":\"2.0\",\"data\":{\"name\":\"" + name
                + "\",\"description\":\"{{char}} reviews every sandwich she meets. Harshly.\",\"personality\":\"picky,"
                + " loud\",\"first_mes\":\"Crusts? On a Tuesday?\",\"mes_example\":\"\"}}";
        byte[] png = dev.roastden.worker.persona.card.CardPngs.png(
                Map.of("chara", dev.roastden.worker.persona.card.CardPngs.base64(card)));
        String said = answer(jobs.importing(Jobs.ADMIN, cdn.upload("wanda.png", png), Optional.empty()));
        String id = dev.roastden.worker.persona.card.Texts.slug(name).orElseThrow();
        assertThat(said).contains("Imported **" + name + "** as `" + id + "`");

        h.bedrock.enqueue(
                dev.roastden.emulators.bedrock.Outcome.answer("That sandwich has seen better days. So have you."));
        DeferredJob roast = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, id, null);
        h.deliver(roast);
        assertThat(h.shown(roast)).contains(name).contains("So have you.");
        assertThat(h.bedrock.calls()).hasSize(1);
    }

    @Test
    void aCdnHiccupIsRetriedAndOnTheLastAttemptExplained() {
        Attachment file = cdn.upload("card.png", CardFixtures.bytes("v2.card.png"));
        cdn.fail(file, 503);
        DeferredJob job = jobs.importing(Jobs.ADMIN, file, Optional.empty());
        var batch = h.deliver(job);
        assertThat(batch.getBatchItemFailures()).hasSize(1);
        assertThat(h.wiring.personaStore().roster(Jobs.GUILD).entries()).isEmpty();
        cdn.heal(file);
        h.deliver(2, job);
        assertThat(h.shown(job)).contains("Imported **Marisol Wrench**");

        Attachment broken = cdn.upload("card2.png", CardFixtures.bytes("v3.card.png"));
        cdn.fail(broken, 503);
        DeferredJob last = jobs.importing(Jobs.ADMIN, broken, Optional.empty());
        h.deliver(h.wiring.config().maxReceives(), last);
        assertThat(h.shown(last)).contains("I couldn't import that file: Discord's CDN answered 503.");
    }

    @Test
    void importingAMembersCardAsksThemFirst() {
        Attachment file = cdn.upload("card.png", CardFixtures.bytes("v2.card.png"));
        h.deliver(jobs.importing(Jobs.SAMMY, file, Optional.of(Jobs.RILES)));
        ServerPersona pending = stored("marisol-wrench");
        assertThat(pending.status()).isEqualTo(PersonaStatus.PENDING);
        assertThat(pending.persona().higherSelf()).contains(Jobs.RILES.id());
        JsonNode body = h.discord.requests(DiscordEmulator.PATCH_ORIGINAL).stream()
                .reduce((a, b) -> b)
                .orElseThrow()
                .json()
                .orElseThrow();
        assertThat(DiscordEmulator.pingedUsers(body)).containsExactly(Jobs.RILES.id());

        h.deliver(jobs.press(
                Jobs.RILES,
                CustomId.of(CustomId.PERSONA_ACCEPT, "marisol-wrench", Jobs.RILES.id(), "1")
                        .format()));
        assertThat(stored("marisol-wrench").status()).isEqualTo(PersonaStatus.ACTIVE);
    }

    @Test
    void refusalsSayWhatWasWrong() {
        assertThat(answer(jobs.importing(
                        Jobs.SAMMY, cdn.upload("card.png", CardFixtures.bytes("v2.card.png")), Optional.empty())))
                .contains("only members with Manage Server can import a fictional persona");
        assertThat(answer(jobs.importing(
                        Jobs.ADMIN,
                        cdn.upload("card.json", "hello there".getBytes(StandardCharsets.UTF_8)),
                        Optional.empty())))
                .contains("neither a PNG nor a JSON file");
        Attachment elsewhere = new Attachment(
                "1300000000000000001", "card.png", "https://evil.example/card.png", 10, Optional.empty());
        assertThat(answer(jobs.importing(Jobs.ADMIN, elsewhere, Optional.empty())))
                .contains("only taken from Discord's CDN")
                .contains("evil.example");
        Attachment huge = new Attachment(
                "1300000000000000002", "card.png", cdn.origin() + "/huge.png", 5L * 1024 * 1024, Optional.empty());
        assertThat(answer(jobs.importing(Jobs.ADMIN, huge, Optional.empty())))
                .contains("the file is 5.0 MB; the limit is 2 MB.");

        ObjectNode broken = (ObjectNode) Json.mapper()
                .valueToTree(((Imported.Persona) CardImporter.read(CardFixtures.bytes("fictional.roastden.json")))
                        .persona());
        broken.withArray("speech_patterns").add("y".repeat(161));
        assertThat(answer(jobs.importing(
                        Jobs.ADMIN,
                        cdn.upload("p.json", broken.toString().getBytes(StandardCharsets.UTF_8)),
                        Optional.empty())))
                .contains("the field `speech_patterns` (at $.speech_patterns[2]) must be at most 160 characters long");

        String damaged = new String(CardFixtures.bytes("v2.card.png"), StandardCharsets.ISO_8859_1);
        byte[] bad = damaged.getBytes(StandardCharsets.ISO_8859_1);
        bad[45] ^= 1; // inside the tEXt chunk's text
        assertThat(answer(jobs.importing(Jobs.ADMIN, cdn.upload("bad.png", bad), Optional.empty())))
                .contains("the PNG is damaged: the tEXt chunk's checksum is wrong");

        DeferredJob noFile = jobs.persona(
                CommandCatalog.PERSONA_IMPORT,
                Jobs.ADMIN,
                Map.of(CommandCatalog.FILE_OPTION, "1300000000000000009"),
                Map.of());
        assertThat(answer(noFile)).contains("I didn't receive the file");
        assertThat(h.wiring.personaStore().roster(Jobs.GUILD).entries()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"roastden, .roastden.json", "card, .card.json"})
    void exportThenImportGivesTheSamePersona(String format, String suffix) throws Exception {
        answer(jobs.importing(
                Jobs.ADMIN, cdn.upload("c.json", CardFixtures.bytes("v2-lorebook.card.json")), Optional.empty()));
        ServerPersona original = stored("brother-thaddeus");

        CommandHandler export = h.wiring
                .commands()
                .command(CommandCatalog.PERSONA, Optional.of(CommandCatalog.PERSONA_EXPORT))
                .orElseThrow();
        Reply reply = export.handle(
                        jobs.persona(
                                CommandCatalog.PERSONA_EXPORT,
                                Jobs.SAMMY,
                                Map.of(
                                        CommandCatalog.PERSONA_OPTION,
                                        "brother-thaddeus",
                                        CommandCatalog.FORMAT_OPTION,
                                        format),
                                Map.of()),
                        PersonaJobs.FIRST)
                .reply();
        assertThat(reply.file()).isPresent();
        assertThat(reply.file().get().filename()).isEqualTo("brother-thaddeus" + suffix);
        assertThat(reply.file().get().mediaType()).isEqualTo("application/json");

        answer(jobs.importing(
                Jobs.ADMIN, cdn.upload("back" + suffix, reply.file().get().bytes()), Optional.empty()));
        ServerPersona again = stored("brother-thaddeus-2");
        ObjectNode before = PersonaJson.tree(original);
        ObjectNode after = PersonaJson.tree(again);
        after.put("id", "brother-thaddeus");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aBundledPersonaExportsAndImportsAsItselfWithoutItsHigherSelf() throws Exception {
        CommandHandler export = h.wiring
                .commands()
                .command(CommandCatalog.PERSONA, Optional.of(CommandCatalog.PERSONA_EXPORT))
                .orElseThrow();
        Reply reply = export.handle(
                        jobs.persona(
                                CommandCatalog.PERSONA_EXPORT,
                                Jobs.SAMMY,
                                Map.of(CommandCatalog.PERSONA_OPTION, "ford", CommandCatalog.FORMAT_OPTION, "card"),
                                Map.of()),
                        PersonaJobs.FIRST)
                .reply();
        answer(jobs.importing(
                Jobs.ADMIN,
                cdn.upload("ford.card.json", reply.file().orElseThrow().bytes()),
                Optional.empty()));
        ObjectNode imported = PersonaJson.tree(stored("ford-2"));
        ObjectNode bundled = PersonaJson.tree(h.wiring.personas().find("ford").orElseThrow());
        bundled.remove("higher_self");
        bundled.put("id", "ford-2");
        imported.remove("extensions");
        assertThat(imported).isEqualTo(bundled);
    }

    @Test
    void exportOfAPendingMembersPersonaIsForThemOrManagers() throws Exception {
        h.deliver(jobs.create(Jobs.SAMMY, Optional.of(Jobs.RILES), PersonaJobs.sampleForm("Dawn Patrol")));
        CommandHandler export = h.wiring
                .commands()
                .command(CommandCatalog.PERSONA, Optional.of(CommandCatalog.PERSONA_EXPORT))
                .orElseThrow();
        Map<String, String> options =
                Map.of(CommandCatalog.PERSONA_OPTION, "dawn-patrol", CommandCatalog.FORMAT_OPTION, "card");
        Reply bySammy = export.handle(
                        jobs.persona(CommandCatalog.PERSONA_EXPORT, Jobs.SAMMY, options, Map.of()), PersonaJobs.FIRST)
                .reply();
        assertThat(bySammy.file()).isEmpty();
        assertThat(bySammy.text()).contains("is pending");
        Reply byRiles = export.handle(
                        jobs.persona(CommandCatalog.PERSONA_EXPORT, Jobs.RILES, options, Map.of()), PersonaJobs.FIRST)
                .reply();
        assertThat(byRiles.file()).isPresent();
        JsonNode card = Json.mapper().readTree(byRiles.file().get().bytes());
        assertThat(card.path("spec").asText()).isEqualTo("chara_card_v2");
        assertThat(card.at("/data/name").asText()).isEqualTo("Dawn Patrol");
        // Ownership does not travel with the file.
        assertThat(card.toString()).doesNotContain(Jobs.RILES.id());
    }
}
