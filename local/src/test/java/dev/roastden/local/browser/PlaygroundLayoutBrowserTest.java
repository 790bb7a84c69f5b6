package dev.roastden.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The playground as a person meets it on a phone, 390 CSS pixels wide: nothing scrolls sideways, not even a
 * 200-character word; the list follows the newest reply as it grows; "typing…" goes when the reply lands; typed
 * text survives a change of member; required options are marked and a send without them is refused with a message;
 * the bot has one name. Skips like {@link PlaygroundBrowserTest} where no browser is installed.
 */
class PlaygroundLayoutBrowserTest {
    private static final int WIDTH = 390;
    private static final String SAM = "100000000000000005";
    private static final String RILEY = "100000000000000006";
    private static final String LONG_WORD = "Pneumono".repeat(25);
    private static final String NO_SIDEWAYS_SCROLL =
            "document.scrollingElement.scrollWidth <= window.innerWidth && window.innerWidth === " + WIDTH;

    private static PlaygroundPage page;
    private static WebDriverSession browser;

    @BeforeAll
    static void start() throws Exception {
        page = PlaygroundPage.open(WIDTH, 844);
        browser = page.browser;
    }

    @AfterAll
    static void stop() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void every390PxFormFitsWithoutSidewaysScroll() throws Exception {
        assertThat(widths()).as("the page at 390 px").isEqualTo(WIDTH + "/" + WIDTH);
        for (String command : browser.script(
                        "return [...document.querySelectorAll('#command option')]" + ".map(o => o.value).join(' ');")
                .asText()
                .split(" ")) {
            browser.select("#command", command);
            assertThat(browser.script("return " + NO_SIDEWAYS_SCROLL + ";").asBoolean())
                    .as("/%s at 390 px: %s", command, widths())
                    .isTrue();
        }
        Files.write(Path.of("target", "playground-390.png"), browser.screenshot());
    }

    @Test
    void aLongUnbrokenWordWraps() throws Exception {
        assertThat(LONG_WORD).hasSize(200);
        browser.select("#member", SAM);
        browser.type("#mention-text", LONG_WORD);
        browser.click("#post-message");
        browser.await(
                "[...document.querySelectorAll('.message.human')].some(m => m.innerText.includes('" + LONG_WORD + "'))",
                PlaygroundPage.REPLY);
        assertThat(browser.script("return " + NO_SIDEWAYS_SCROLL + ";").asBoolean())
                .as("a 200-character channel message: %s", widths())
                .isTrue();

        // The same word as a roast's topic: in the caption and in the reply.
        roast("topic", LONG_WORD);
        assertThat(browser.script("return " + NO_SIDEWAYS_SCROLL + ";").asBoolean())
                .as("a roast about a 200-character word: %s", widths())
                .isTrue();
        Files.write(Path.of("target", "playground-390-long-word.png"), browser.screenshot());
    }

    @Test
    void theListFollowsTheNewestReply() throws Exception {
        browser.select("#member", SAM);
        for (int i = 0; i < 6; i++) {
            int before = messages();
            browser.type("#mention-text", "Filler message number " + i + " to fill the channel");
            browser.click("#post-message");
            browser.await("document.querySelectorAll('#messages .message').length > " + before, PlaygroundPage.REPLY);
        }
        roast("topic", "");
        assertThat(browser.script(
                                "const l = document.getElementById('messages'); return l.scrollHeight > l.clientHeight;")
                        .asBoolean())
                .as("the list is longer than it shows")
                .isTrue();
        assertThat(browser.script("const l = document.getElementById('messages'); const last = l.lastElementChild;"
                                + " return last.getBoundingClientRect().bottom <= l.getBoundingClientRect().bottom + 1"
                                + " && l.scrollHeight - l.scrollTop - l.clientHeight < 2;")
                        .asBoolean())
                .as("the newest reply is in view, all of it")
                .isTrue();
    }

    @Test
    void typingGoesWhenTheMentionsReplyLands() throws Exception {
        browser.select("#member", SAM);
        int replies = browser.script("return document.querySelectorAll('.message.mention-reply').length;")
                .asInt();
        browser.type("#mention-text", "@RoastDen ford, roast @Riley");
        browser.click("#post-message");
        browser.await(
                "(() => { const r = document.querySelectorAll('.message.mention-reply');" + " return r.length > "
                        + replies + " && r[r.length - 1].dataset.state === 'done'; })()",
                PlaygroundPage.REPLY);
        // The page adds "… is typing…" and then empties the box once the post is answered; after the reply it is gone.
        browser.await("document.getElementById('mention-text').value === ''", PlaygroundPage.REPLY);
        assertThat(browser.script("return [...document.querySelectorAll('.message')]"
                                + ".filter(m => m.innerText.includes('typing…')).length;")
                        .asInt())
                .isZero();
    }

    @Test
    void typedTextSurvivesAChangeOfMember() throws Exception {
        browser.select("#member", SAM);
        browser.select("#command", "roast");
        browser.select("[data-option=target]", RILEY);
        browser.type("[data-option=topic]", "their haircut");
        browser.type("#mention-text", "half a thought");
        browser.select("#member", RILEY);
        assertThat(browser.script("return document.querySelector('[data-option=topic]').value + '|'"
                                + " + document.getElementById('mention-text').value;")
                        .asText())
                .isEqualTo("their haircut|half a thought");
        assertThat(browser.script("return document.querySelector('[data-option=target]').value;")
                        .asText())
                .as("a required member option does not name the member acting")
                .isNotEqualTo(RILEY);
        browser.script("document.getElementById('mention-text').value = ''; return true;");
    }

    @Test
    void requiredOptionsAreMarkedAndASendWithoutThemIsRefused() throws Exception {
        browser.select("#member", SAM);
        browser.select("#command", "roast");
        assertThat(browser.script("return [...document.querySelectorAll('#options [aria-required=true]')]"
                                + ".map(i => i.dataset.option + (i.closest('label').querySelector('.required') ? '*' : ''))"
                                + ".join(' ');")
                        .asText())
                .isEqualTo("target* persona*");
        int before = page.botMessages();
        browser.click("#send");
        assertThat(browser.script(
                                "const h = document.getElementById('options-hint'); return h.hidden ? '' : h.innerText;")
                        .asText())
                .contains("persona");
        assertThat(browser.script("return document.activeElement.dataset.option || '';")
                        .asText())
                .isEqualTo("persona");
        assertThat(page.botMessages()).as("nothing was sent").isEqualTo(before);
    }

    @Test
    void theErrorOfAPrivateCommandIsPrivate() throws Exception {
        browser.select("#member", SAM);
        browser.select("#command", "remember");
        // Past the box's own limit, as another client could send it: the endpoint refuses it.
        browser.script(
                "document.querySelector('[data-option=fact]').value = arguments[0]; return true;", "x".repeat(301));
        assertThat(page.sendAndAwaitReply()).contains("at most 300");
        String last = "[...document.querySelectorAll('.message.bot')].pop()";
        assertThat(browser.script("return " + last + ".dataset.visibleTo || '';")
                        .asText())
                .isEqualTo(SAM);
        browser.select("#member", RILEY);
        assertThat(browser.script("return " + last + ".hidden;").asBoolean())
                .as("Riley does not see Sam's error")
                .isTrue();
        browser.select("#member", SAM);
    }

    @Test
    void theBotHasOneNameAndThePageAnIcon() throws Exception {
        roast("topic", "");
        assertThat(browser.script("return [...new Set([...document.querySelectorAll('.message.bot .who')]"
                                + ".map(w => w.textContent))].join('|');")
                        .asText())
                .isEqualTo("RoastDen");
        browser.script("const img = new Image(); img.onload = () => { document.body.dataset.icon = img.naturalWidth; };"
                + " img.src = document.querySelector('link[rel=icon]').href; return true;");
        assertThat(browser.await("document.body.dataset.icon", PlaygroundPage.REPLY)
                        .asInt())
                .isPositive();
    }

    /** Sam roasts Riley with Ford, with {@code option} set to {@code value} when it is not empty. */
    private void roast(String option, String value) throws Exception {
        browser.select("#member", SAM);
        browser.select("#command", "roast");
        browser.select("[data-option=target]", RILEY);
        browser.type("[data-option=persona]", "ford");
        if (!value.isEmpty()) {
            browser.script(
                    "document.querySelector('[data-option=" + option + "]').value = arguments[0]; return true;", value);
        }
        assertThat(page.sendAndAwaitReply()).contains("Captain Ford");
    }

    private int messages() throws Exception {
        return browser.script("return document.querySelectorAll('#messages .message').length;")
                .asInt();
    }

    private static String widths() throws Exception {
        return browser.script("return document.scrollingElement.scrollWidth + '/' + window.innerWidth;")
                .asText();
    }
}
