package dev.roastden.local.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roastden.handler.RequestLog;
import dev.roastden.local.LocalConfig;
import dev.roastden.local.LocalSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person's view of the playground in headless Chromium: roast a member and see the reply; remember a fact and
 * see it used; forget it and see it gone. Create a member's persona through its form, see that it does not speak,
 * have the member accept with the button, and see it roast; import a character card file and see it roast; opt out
 * and see a roast of you refused. Skips with a message where Chromium is not installed (CI installs it, and there
 * the test always runs: CI=true turns a missing browser into a failure).
 */
class PlaygroundBrowserTest {
    private static final Duration REPLY = Duration.ofSeconds(30);
    private static final String SAM = "100000000000000005";
    private static final String RILEY = "100000000000000006";
    private static final String FORDIE = "100000000000000001";
    private static final String ALEX = "100000000000000007";

    private static LocalSystem system;
    private static WebDriverSession browser;

    @BeforeAll
    static void start() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Optional<WebDriverSession.Browser> found = WebDriverSession.browser();
        if (found.isEmpty()) {
            if (ci) {
                throw new IllegalStateException("CI must run the browser test: install chromium and chromium-driver,"
                        + " or set CHROME_BIN and CHROMEDRIVER");
            }
            assumeTrue(
                    false,
                    "Skipped: no browser for the test (apt-get install chromium chromium-driver,"
                            + " or set CHROME_BIN and CHROMEDRIVER)");
        }
        system = LocalSystem.start(LocalConfig.forTests(), RequestLog.silent());
        browser = WebDriverSession.start(found.get());
        browser.open("http://127.0.0.1:" + system.port() + "/");
        browser.await("document.body.dataset.ready === 'true'", Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void roastRememberAndForgetAsAPersonWould() throws Exception {
        // Sam roasts Riley with Captain Ford, picking the persona through autocomplete.
        String first = roast("fo");
        assertThat(first).contains("Captain Ford").contains("offline").doesNotContain("IKEA");

        // Ford's Higher Self teaches Ford something about Riley; the answer is private.
        browser.select("#member", FORDIE);
        browser.select("#command", "remember");
        browser.type("[data-option=fact]", "@Riley got lost in an IKEA for three hours");
        pickFord("fo");
        String remembered = sendAndAwaitReply();
        assertThat(remembered).contains("will remember that");
        assertThat(lastMessageText()).contains("Only you can see this");

        // The next roast uses it.
        assertThat(roast("fo")).contains("IKEA");

        // Riley asks Roast Den to forget everything about them; the roast after that no longer knows.
        browser.select("#member", RILEY);
        browser.select("#command", "forget");
        browser.select("#subcommand", "me");
        assertThat(sendAndAwaitReply()).contains("Deleted everything stored about you");
        assertThat(roast("fo")).doesNotContain("IKEA");

        // A plain channel message that mentions the bot gets a persona's reply, as through the gateway task.
        browser.type("#mention-text", "@RoastDen mags, roast @Riley");
        browser.click("#post-message");
        browser.await("document.querySelector('.message.mention-reply')", REPLY);
        assertThat(browser.script("return document.querySelector('.message.mention-reply').innerText;")
                        .asText())
                .contains("Mags");

        Path screenshot = Path.of("target", "playground.png");
        Files.write(screenshot, browser.screenshot());
    }

    @Test
    void aMembersPersonaSpeaksOnlyOnceTheyAcceptWithTheButton() throws Exception {
        // Sam makes a persona of Riley: the command answers with a form, which Sam fills in and submits.
        browser.select("#member", SAM);
        browser.select("#command", "persona");
        browser.select("#subcommand", "create");
        browser.type("[data-option=name]", "Riley Prime");
        browser.select("[data-option=member]", RILEY);
        int before = botMessages();
        browser.click("#send");
        browser.await("document.body.dataset.modal === 'open'", REPLY);
        assertThat(browser.script("return document.querySelector('[data-modal-input=name]').value;")
                        .asText())
                .isEqualTo("Riley Prime");
        browser.type("[data-modal-input=summary]", "The friend who is early to everything and says so.");
        browser.type("[data-modal-input=traits]", "punctual\nsmug about it");
        browser.type("[data-modal-input=speech]", "Short sentences.\n\"I was here at eight.\"");
        browser.type("[data-modal-input=roast_style]", "Deadpan, about lateness.");
        browser.click("#modal-submit");
        String request = awaitNewReply(before);
        assertThat(request).contains("@Riley").contains("Riley Prime");
        String accept = browser.script("const b = document.querySelector(\"button[data-custom-id^='rd1:pa:']\");"
                        + " return b ? b.dataset.customId : '';")
                .asText();
        assertThat(accept).as("the request carries an Accept button").isNotEmpty();
        String personaId = accept.split(":")[2];
        Files.write(Path.of("target", "playground-consent.png"), browser.screenshot());

        // Before Riley accepts, the persona does not speak.
        assertThat(roastWith(FORDIE, personaId)).doesNotContain("offline");

        // Riley presses Accept on the request; the request itself changes.
        browser.select("#member", RILEY);
        browser.script("document.querySelector(\"button[data-custom-id='" + accept + "']\").click(); return true;");
        browser.await(
                "(() => { const b = document.querySelector(\"button[data-custom-id^='rd1:pw:']\");"
                        + " return b && b.closest('.message').innerText.includes('accepted'); })()",
                REPLY);

        // Now it roasts.
        assertThat(roastWith(FORDIE, personaId)).contains("Riley Prime").contains("offline");
    }

    @Test
    void anImportedCardRoastsUnderItsName() throws Exception {
        Path card = Files.createTempFile("roastden-card", ".png");
        Files.write(card, dev.roastden.local.CardFixtures.pngCard("Old Salt Maris"));
        browser.select("#member", ALEX);
        browser.select("#command", "persona");
        browser.select("#subcommand", "import");
        browser.type("[data-attachment-option=file]", card.toAbsolutePath().toString());
        String imported = sendAndAwaitReply();
        assertThat(imported).contains("Old Salt Maris");
        assertThat(lastMessageText()).contains("Only you can see this");

        // Sam finds it through autocomplete and roasts Riley with it.
        browser.select("#member", SAM);
        browser.select("#command", "roast");
        browser.select("[data-option=target]", RILEY);
        String picked = pickPersona("maris", "Maris");
        assertThat(picked).isNotEmpty();
        assertThat(sendAndAwaitReply()).contains("Old Salt Maris").contains("offline");
    }

    @Test
    void aRoastOfSomeoneWhoOptedOutIsRefused() throws Exception {
        browser.select("#member", RILEY);
        browser.select("#command", "optout");
        sendAndAwaitReply();
        assertThat(lastMessageText()).contains("Only you can see this");
        try {
            assertThat(roastWith(RILEY, "ford")).doesNotContain("offline");
        } finally {
            browser.select("#member", RILEY);
            browser.select("#command", "optin");
            sendAndAwaitReply();
        }
    }

    @Test
    void roastThisMessageFromItsMenuPickAPersonaSeeTheRoastAndAskForAnotherOne() throws Exception {
        // Fordie says something in the channel; Alex opens the message's ⋯ menu and uses "Roast this message".
        browser.select("#member", FORDIE);
        browser.type("#mention-text", "Socks with sandals is peak fashion");
        browser.click("#post-message");
        String menu = "[...document.querySelectorAll('.message.human')]"
                + ".find(m => m.innerText.includes('Socks with sandals'))";
        browser.await(menu, Duration.ofSeconds(10));
        browser.select("#member", ALEX);
        int before = botMessages();
        browser.script("const m = " + menu + "; m.querySelector(\"[data-context=message]\").click();"
                + " m.querySelector(\"[data-context-command='Roast this message']\").click(); return true;");

        // The picker is private to Alex and offers the personas.
        String picker = "document.querySelector(\"select[data-select-id^='rd1:rp:']\")";
        browser.await(picker, REPLY);
        assertThat(lastMessageText()).contains("Who should roast this message by", "Only you can see this");
        assertThat(browser.script("return [..." + picker + ".options].map(o => o.value).join(',');")
                        .asText())
                .contains("ford");

        // Picking Captain Ford posts the roast in the channel, and the picker says it is done.
        browser.script("const s = " + picker + "; s.value = 'ford';"
                + " s.dispatchEvent(new Event('change', {bubbles: true})); return true;");
        browser.await(
                "[...document.querySelectorAll('.message.bot')].some(m => !m.classList.contains('private')"
                        + " && m.dataset.state === 'done' && m.innerText.includes('Captain Ford')"
                        + " && m.innerText.includes('@Fordie'))",
                REPLY);
        browser.await(
                "[...document.querySelectorAll('.message.bot.private')].some(m => m.innerText.includes('Done:'))",
                REPLY);
        assertThat(botMessages()).isGreaterThan(before);

        // 🔁 Another one under the roast gives a fresh take in the channel.
        int takes = browser.script(
                        "return [...document.querySelectorAll('.message.bot')]"
                                + ".filter(m => m.innerText.includes('Captain Ford') && m.innerText.includes('@Fordie')).length;")
                .asInt();
        browser.script("const b = [...document.querySelectorAll(\"button[data-custom-id^='rd1:ao:ford:']\")].pop();"
                + " b.click(); return true;");
        browser.await(
                "[...document.querySelectorAll('.message.bot')].filter(m => m.dataset.state === 'done'"
                        + " && m.innerText.includes('Captain Ford') && m.innerText.includes('@Fordie')).length > "
                        + takes,
                REPLY);
    }

    /** Sam roasts {@code target} with the persona typed in as {@code persona} (no autocomplete pick). */
    private String roastWith(String target, String persona) throws Exception {
        browser.select("#member", SAM);
        browser.select("#command", "roast");
        browser.select("[data-option=target]", target);
        browser.type("[data-option=persona]", persona);
        return sendAndAwaitReply();
    }

    /** Types into the persona option and picks the first choice whose name contains {@code shown}; its value. */
    private String pickPersona(String typed, String shown) throws Exception {
        browser.type("[data-option=persona]", typed);
        String find = "[...document.querySelectorAll('[data-choices-for=persona] li')]"
                + ".find(li => li.textContent.includes('" + shown + "'))";
        browser.await(find, Duration.ofSeconds(10));
        browser.script("const li = " + find + "; li.dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));"
                + " return true;");
        return browser.script("return document.querySelector('[data-option=persona]').value;")
                .asText();
    }

    private int botMessages() throws Exception {
        return browser.script("return document.querySelectorAll('.message.bot').length;")
                .asInt();
    }

    /** Waits until a message after the first {@code before} has turned from "thinking…" into the reply. */
    private String awaitNewReply(int before) throws Exception {
        browser.await(
                "(() => { const all = document.querySelectorAll('.message.bot');" + " return all.length > " + before
                        + " && all[all.length - 1].dataset.state === 'done'; })()",
                REPLY);
        return lastMessageText();
    }

    private String roast(String typedPersona) throws Exception {
        browser.select("#member", SAM);
        browser.select("#command", "roast");
        browser.select("[data-option=target]", RILEY);
        pickFord(typedPersona);
        return sendAndAwaitReply();
    }

    /** Types into the persona option and picks Captain Ford from the autocomplete choices, as a person would. */
    private void pickFord(String typed) throws Exception {
        browser.type("[data-option=persona]", typed);
        browser.await(
                "document.querySelector('[data-choices-for=persona] li[data-value=ford]')", Duration.ofSeconds(10));
        browser.script("const e = new MouseEvent('mousedown', {bubbles: true});"
                + " document.querySelector('[data-choices-for=persona] li[data-value=ford]').dispatchEvent(e);"
                + " return true;");
        assertThat(browser.script("return document.querySelector('[data-option=persona]').value;")
                        .asText())
                .isEqualTo("ford");
        browser.await("!document.querySelector('[data-choices-for=persona]')", Duration.ofSeconds(5));
    }

    /** Sends the command and waits until its message has turned from "thinking…" into the reply; returns it. */
    private String sendAndAwaitReply() throws Exception {
        int before = botMessages();
        browser.click("#send");
        return awaitNewReply(before);
    }

    private String lastMessageText() throws Exception {
        return browser.script("const all = document.querySelectorAll('.message.bot');"
                        + " return all[all.length - 1].innerText;")
                .asText();
    }
}
